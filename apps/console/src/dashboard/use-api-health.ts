import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from '../data-provider';

export const HEALTH_POLL_INTERVAL_MS = 10_000;

/** Polls GET /api/health every 10 s while the page is visible. */
export const useApiHealth = () => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  return useQuery({
    queryKey: ['api-health'],
    queryFn: ({ signal }) => dataProvider.getApiHealth({ signal }),
    refetchInterval: HEALTH_POLL_INTERVAL_MS,
    // The next poll is the retry; retrying in between would only delay the bad news.
    retry: false,
  });
};
