import type { FigureKey, Figures } from '@haochaping/contracts';
import { localDateOf } from '@haochaping/working-time';
import type { LevelCountsDto as LevelCounts } from '../results/dto/results.response';
import { resultPeriod } from '../results/result-period';

/** The periods the public pages offer, named as a citizen reads them. */
export const PUBLIC_PERIODS = { month: '本月', lastMonth: '上月', year: '本年' } as const;
export type PublicPeriodKey = keyof typeof PUBLIC_PERIODS;

/**
 * What is published (issue 14, "Public pages"): the review count, 好评率, 差评率, 整改率 (of bad reviews), 按时办结率 (of
 * rectification cases) and 参评率, with the level distribution. The other figures (回访, 满意率 of confirmations,
 * handling hours, 不予采纳) stay in the console: they are the county's working figures, not a citizen's question.
 */
export const PUBLIC_FIGURE_KEYS = ['reviews', 'goodRate', 'badRate', 'rectificationRate', 'onTimeRate', 'ratedRate'] as const satisfies readonly FigureKey[];
export type PublicFigureKey = (typeof PUBLIC_FIGURE_KEYS)[number];

export interface PublicResult {
  published: boolean;
  notice: string | null;
  figures: Record<PublicFigureKey, number | null> | null;
  levels: LevelCounts | null;
}

/** What is shown instead of figures drawn from too few reviews. */
export const withheldNotice = (minimumReviews: number) => `评价数不足${minimumReviews}条，暂不公布`;

/**
 * One subject's public figures: all of them, or none. The minimum counts adopted reviews (the level distribution's
 * total, the denominator of 好评率 and 差评率): a review set aside as 不予采纳 is not one a figure may stand on. Below
 * the minimum not even the count is given, so that a single reviewer's level cannot be read off the page.
 */
export function publicResult(figures: Figures, levels: LevelCounts, minimumReviews: number): PublicResult {
  const adopted = levels.level5 + levels.level4 + levels.level3 + levels.level2 + levels.level1;
  if (adopted < minimumReviews) return { published: false, notice: withheldNotice(minimumReviews), figures: null, levels: null };
  const published = Object.fromEntries(PUBLIC_FIGURE_KEYS.map((key) => [key, figures[key]])) as Record<PublicFigureKey, number | null>;
  return { published: true, notice: null, figures: published, levels: { ...levels } };
}

/** The ResultsService period (a month or a year, and a date inside it) of a public period, seen from Shanghai `now`. */
export function publicPeriod(key: PublicPeriodKey, now: Date): { period: 'month' | 'year'; date: string } {
  const today = localDateOf(now);
  switch (key) {
    case 'month':
      return { period: 'month', date: today };
    case 'lastMonth':
      // The last day of the month before this one.
      return { period: 'month', date: localDateOf(new Date(resultPeriod('month', today).from.getTime() - 1)) };
    case 'year':
      return { period: 'year', date: today };
  }
}

/** The first day of the month `months` before the one containing Shanghai `now` (the public trend's start). */
export function monthsBack(now: Date, months: number): string {
  let first = resultPeriod('month', localDateOf(now)).from;
  for (let i = 0; i < months; i += 1) first = resultPeriod('month', localDateOf(new Date(first.getTime() - 1))).from;
  return localDateOf(first);
}
