import { CitizenApiError, toCitizenApiError } from '../citizen/api/citizen-api';
import type { LevelCounts } from '../results/results.types';

// What GET /api/public/results and /api/public/results/halls/:hallCode answer (apps/api/src/public-results/dto).

export const PUBLIC_PERIODS = [
  { key: 'month', label: '本月' },
  { key: 'lastMonth', label: '上月' },
  { key: 'year', label: '本年' },
] as const;
export type PublicPeriodKey = (typeof PUBLIC_PERIODS)[number]['key'];

export const isPublicPeriod = (value: string | null): value is PublicPeriodKey => PUBLIC_PERIODS.some((period) => period.key === value);

export interface PublicFigures {
  reviews: number | null;
  goodRate: number | null;
  badRate: number | null;
  rectificationRate: number | null;
  onTimeRate: number | null;
  ratedRate: number | null;
}
export type PublicFigureKey = keyof PublicFigures;

/** One subject's figures, or the notice that they are withheld (fewer reviews than the minimum). */
export interface PublicResult {
  published: boolean;
  notice: string | null;
  figures: PublicFigures | null;
  levels: LevelCounts | null;
}

export interface PublicHallResult extends PublicResult {
  code: string;
  name: string;
}

export interface PublicTrendPoint extends PublicResult {
  key: string;
  label: string;
}

interface PublicResultsBase {
  period: { key: PublicPeriodKey; label: string; from: string; to: string };
  minimumReviews: number;
  trend: PublicTrendPoint[];
  notes: Array<{ key: PublicFigureKey; label: string; unit: string; note: string }>;
}

export interface CountyResults extends PublicResultsBase {
  county: PublicResult;
  halls: PublicHallResult[];
}

export interface HallResults extends PublicResultsBase {
  hall: PublicHallResult;
}

/**
 * A GET of the public results, same origin (Vite's proxy, nginx). `no-cache` revalidates every time: the answer's
 * ETag comes back as If-None-Match and an unchanged body is a 304 the browser fills from its cache.
 */
async function getPublic<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: { Accept: 'application/json' }, cache: 'no-cache', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new CitizenApiError(0, 'NETWORK_FAILURE', '网络连接失败，请检查网络后重试');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || body === undefined) throw toCitizenApiError(response.status, body);
  return body as T;
}

export const getCountyResults = (period: PublicPeriodKey, signal?: AbortSignal) => getPublic<CountyResults>(`/public/results?period=${period}`, signal);
export const getHallResults = (hallCode: string, period: PublicPeriodKey, signal?: AbortSignal) =>
  getPublic<HallResults>(`/public/results/halls/${encodeURIComponent(hallCode)}?period=${period}`, signal);
