import type { ResultDimension } from '@haochaping/contracts';

/** The periods the 统计分析 screen offers: a calendar period containing a date, or a custom range of days. */
export const RESULT_PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year', 'custom'] as const;
export type ResultPeriodKind = (typeof RESULT_PERIOD_KINDS)[number];

/**
 * What the screen shows: one dimension over the period of `kind` containing `date` (Shanghai, YYYY-MM-DD), or, for
 * `custom`, over the days `from` to `to` (both included; the API refuses a range that ends before it starts).
 */
export interface ResultsQuery {
  dimension: ResultDimension;
  period: ResultPeriodKind;
  date: string;
  from: string;
  to: string;
}

/** The longest custom range whose trend is drawn by day (the API draws at most 400 buckets); longer ones by month. */
export const CUSTOM_TREND_MAX_DAYS = 400;

/** The dimensions a ranking is over (county, channel and reason are not places or people). */
export const RANKING_DIMENSIONS = ['hall', 'window', 'staff', 'department', 'item'] as const satisfies readonly ResultDimension[];
export type RankingDimension = (typeof RANKING_DIMENSIONS)[number];

/** The query string of GET /api/results/figures(.xlsx|.csv) for what is shown. */
export function resultsSearch(query: ResultsQuery, extra: Record<string, string> = {}): string {
  const period: Record<string, string> = query.period === 'custom' ? { from: query.from, to: query.to } : { date: query.date };
  return new URLSearchParams({ dimension: query.dimension, period: query.period, ...period, ...extra }).toString();
}

/** The first day of the month of a date (YYYY-MM-DD): where a new custom range starts by default. */
export const monthStartOf = (date: string) => `${date.slice(0, 8)}01`;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** Today in Shanghai (the county's calendar), whatever the browser's time zone. */
export function shanghaiToday(now: Date = new Date()): string {
  return iso(new Date(now.getTime() + 8 * 3_600_000));
}

/**
 * The trend drawn for a period: its days (a day, week or month), or its months (a quarter or year) — buckets that
 * tile the period exactly, so the trend's levels add up to the period's. A custom range is drawn by day; one longer
 * than CUSTOM_TREND_MAX_DAYS by month, where the API counts the first and last months whole.
 */
export function trendRange(query: Pick<ResultsQuery, 'period' | 'date' | 'from' | 'to'>): { bucket: 'day' | 'month'; from: string; to: string } {
  const { period: kind, date } = query;
  if (kind === 'custom') {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
    return { bucket: days <= CUSTOM_TREND_MAX_DAYS ? 'day' : 'month', from: query.from, to: query.to };
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const at = (y: number, m: number, d: number) => iso(new Date(Date.UTC(y, m, d)));
  switch (kind) {
    case 'day':
      return { bucket: 'day', from: date, to: date };
    case 'week': {
      const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday 0
      return { bucket: 'day', from: at(year, month - 1, day - weekday), to: at(year, month - 1, day - weekday + 6) };
    }
    case 'month':
      return { bucket: 'day', from: at(year, month - 1, 1), to: at(year, month, 0) };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3;
      return { bucket: 'month', from: at(year, first, 1), to: at(year, first + 3, 0) };
    }
    case 'year':
      return { bucket: 'month', from: at(year, 0, 1), to: at(year, 11, 31) };
  }
}
