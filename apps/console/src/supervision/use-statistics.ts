import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';

// The figures move as cases do; a minute is fresh enough for a overview and spares the database.
const REFETCH_MS = 60_000;

/** Per-hall figures of the halls the user sees, for a period (ISO instants; `to` exclusive). */
export const useHallStatistics = (period: { from: string; to: string }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['statistics', 'halls', period.from, period.to],
    queryFn: () => dataProvider.getHallStatistics(period),
    refetchInterval: REFETCH_MS,
  });
};

/** Open cases overdue or escalated now, by department and by level, in the user's halls. */
export const useSupervisionStatistics = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['statistics', 'supervision'],
    queryFn: () => dataProvider.getSupervisionStatistics(),
    refetchInterval: REFETCH_MS,
  });
};
