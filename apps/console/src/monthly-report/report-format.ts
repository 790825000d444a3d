import { FIGURES, type FigureKey, type Figures } from '@haochaping/contracts';
import { formatFigure, formatRate } from '../results/results-format';

/** The month before the one containing `date` (YYYY-MM-DD or YYYY-MM): a 通报 reports the month just ended. */
export function previousMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** `2026-11-05` → `2026年11月5日`, as a 通报 writes dates. */
export function chineseDate(date: string): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The headline figures a 通报 prints, in its order (every other figure is in 统计分析). */
export const HEADLINE_FIGURES: readonly FigureKey[] = [
  'reviews',
  'goodRate',
  'badRate',
  'realNameCallbackRate',
  'rectificationRate',
  'onTimeRate',
  'ratedRate',
  'averageHandlingHours',
  'p90HandlingHours',
  'notAdopted',
];

/** The columns of the per-hall (per-window) table. */
export const BREAKDOWN_FIGURES: readonly FigureKey[] = ['reviews', 'goodRate', 'badRate', 'realNameCallbackRate', 'rectificationRate', 'onTimeRate', 'notAdopted'];

/** A figure's label as a table header (the label names its unit where it has one: 平均办理时长（工作小时）). */
export const figureHeader = (key: FigureKey) => FIGURES[key].label;

/**
 * The 通报's opening paragraph: where and when, how many reviews, the two rates everyone asks for, and how the bad
 * ones were handled — written from the figures, a figure with nothing to divide said as such.
 */
export function summarySentence(place: string, periodLabel: string, figures: Figures): string {
  const reviews = figures.reviews ?? 0;
  if (reviews === 0) return `${periodLabel}，${place}未收到评价。`;
  const notAdopted = figures.notAdopted ?? 0;
  const parts = [
    `${periodLabel}，${place}共收到评价${reviews}条（其中不予采纳${notAdopted}条）`,
    `好评率${formatRate(figures.goodRate)}，差评率${formatRate(figures.badRate)}`,
    `实名差评回访率${formatRate(figures.realNameCallbackRate)}，整改率${formatRate(figures.rectificationRate)}，按时办结率${formatRate(figures.onTimeRate)}`,
  ];
  return `${parts.join('；')}。现将有关情况通报如下：`;
}

export { formatFigure, formatRate };
