import { formatShanghaiInstant, startOfShanghai } from '@haochaping/working-time';

/** The periods offered for statistics: the last 30 days, this month, this year (Beijing calendar). */
export type StatisticsPeriodKey = 'last30' | 'month' | 'year';

export const STATISTICS_PERIODS: readonly StatisticsPeriodKey[] = ['last30', 'month', 'year'];

const DAY_MS = 86_400_000;

/**
 * [from, to) of a period ending now: the 30 days before now, or from the start of the Beijing month or year. The end
 * is rounded up to the next minute so that the query key stays the same for a minute (the answer is cached by it).
 */
export function statisticsPeriod(key: StatisticsPeriodKey, now: number): { from: string; to: string } {
  const to = new Date(Math.ceil(now / 60_000) * 60_000);
  const from = key === 'last30' ? new Date(to.getTime() - 30 * DAY_MS) : startOfShanghai(key, new Date(now));
  return { from: formatShanghaiInstant(from), to: formatShanghaiInstant(to) };
}
