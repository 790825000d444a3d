import { useQuery } from '@tanstack/react-query';
import { httpClient } from '../auth/http-client';
import { API_URL } from '../data-provider';

/** One hall's figures (GET /api/statistics/halls): the period's reviews and cases, and its open cases now. */
export interface HallStatistics {
  hallCode: string;
  hallName: string;
  reviews: number;
  badReviews: number;
  notAdoptedReviews: number;
  adoptedReviews: number;
  goodReviews: number;
  /** 好评率 as a fraction; null without adopted reviews. */
  goodRate: number | null;
  casesOpened: number;
  casesOpen: number;
  casesClosed: number;
  onTimeCases: number;
  lateCases: number;
  /** 按时办结率 as a fraction; null when no case is counted yet. */
  onTimeRate: number | null;
  openNow: number;
  overdueNow: number;
  escalatedLevel1: number;
  escalatedLevel2: number;
  /** Open cases overdue or escalated, each once. */
  inTroubleNow: number;
}

export interface HallStatisticsReport {
  from: string;
  to: string;
  halls: HallStatistics[];
}

export interface DepartmentSupervision {
  departmentCode: string | null;
  departmentName: string | null;
  overdue: number;
  escalatedLevel1: number;
  escalatedLevel2: number;
  total: number;
}

export interface SupervisionReport {
  byDepartment: DepartmentSupervision[];
  byLevel: Array<{ escalationLevel: number; cases: number; overdue: number }>;
  overdueNow: number;
}

// The figures move as cases do; a minute is fresh enough for a overview and spares the database.
const REFETCH_MS = 60_000;

/** Per-hall figures of the halls the user sees, for a period (ISO instants; `to` exclusive). */
export const useHallStatistics = (period: { from: string; to: string }) =>
  useQuery({
    queryKey: ['statistics', 'halls', period.from, period.to],
    queryFn: async () => {
      const query = new URLSearchParams(period).toString();
      return (await httpClient(`${API_URL}/statistics/halls?${query}`)).json as HallStatisticsReport;
    },
    refetchInterval: REFETCH_MS,
  });

/** Open cases overdue or escalated now, by department and by level, in the user's halls. */
export const useSupervisionStatistics = () =>
  useQuery({
    queryKey: ['statistics', 'supervision'],
    queryFn: async () => (await httpClient(`${API_URL}/statistics/supervision`)).json as SupervisionReport,
    refetchInterval: REFETCH_MS,
  });
