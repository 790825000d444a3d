/** The periods offered for statistics: the last 30 days, this month, this year (Beijing calendar). */
export type StatisticsPeriodKey = 'last30' | 'month' | 'year';

export const STATISTICS_PERIODS: readonly StatisticsPeriodKey[] = ['last30', 'month', 'year'];

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** `2026-11-28T10:00:00+08:00`: what the API takes (an instant with its offset), to the second. */
export function beijingInstant(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * [from, to) of a period ending now: the 30 days before now, or from the start of the Beijing month or year. The end
 * is rounded up to the next minute so that the query key stays the same for a minute (the answer is cached by it).
 */
export function statisticsPeriod(key: StatisticsPeriodKey, now: number): { from: string; to: string } {
  const to = Math.ceil(now / 60_000) * 60_000;
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  const startOfLocal = (year: number, month: number) => Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS;
  const from =
    key === 'last30' ? to - 30 * DAY_MS : key === 'month' ? startOfLocal(local.getUTCFullYear(), local.getUTCMonth()) : startOfLocal(local.getUTCFullYear(), 0);
  return { from: beijingInstant(from), to: beijingInstant(to) };
}
