/**
 * The figures the county is judged by (DOMAIN.md "Results"; GB/T 39734-2020 Annex B), each defined once: what it
 * counts, over what, and the edges decided. The API counts (apps/api/src/results), this computes; the console,
 * the exports and the public pages show the labels and notes from here.
 *
 * Which period a thing belongs to:
 * - a review: the period it was given in (its `createdAt`), whatever happens to it later — a review moved to
 *   不予采纳 after its period leaves that period's 好评率 as soon as it is moved (figures are computed from what is
 *   known now; a published 通报 keeps the figures it was printed with);
 * - a completed case (参评率): the period it was completed in; rated at any time until now counts as rated;
 * - a rectification case (按时办结率, handling time, reopening): the period its bad review was given in, so a case
 *   reopened in the next period still counts in the period it was opened; an extended case is judged against its
 *   original due time (the on-time rule, apps/api/src/statistics/on-time.sql.ts).
 * A figure whose denominator is 0 is null ("—", no figure), never 0 %: a hall with no reviews has no 好评率.
 */

/** Counts over one slice (a period × one value of a dimension); every figure is computed from these. */
export interface FigureCounters {
  /** Every review given in the period: case ratings and 随时可评 items, adopted or not. */
  readonly reviews: number;
  /** Reviews the county set aside as 不予采纳 (不属实 or 恶意评价): kept, counted apart, in no rate. */
  readonly notAdopted: number;
  /**
   * Reviews the county confirmed as coerced praise (确认刷好评, apps/api/src/praise-integrity): kept and counted in
   * `reviews`, out of every other counter (levels, unprompted, callbacks; a case rated only by one counts as unrated).
   */
  readonly excludedAsCoerced: number;
  /** Adopted reviews per level (the denominators of the satisfaction figures). */
  readonly level5: number;
  readonly level4: number;
  readonly level3: number;
  readonly level2: number;
  readonly level1: number;
  /** Adopted reviews given unprompted (every channel but the invitation link), and the good ones among them. */
  readonly unprompted: number;
  readonly unpromptedGood: number;
  /** Adopted bad reviews (levels 1–2) whose reviewer was told the outcome: a result fed back (待群众确认 reached). */
  readonly badReplied: number;
  /** Adopted bad reviews by a real-name reviewer (the ones owed a callback). */
  readonly realNameBad: number;
  /** …of which the callback duty was met: the reviewer reached, or 无法联系 after three working days' attempts. */
  readonly realNameBadCalledBack: number;
  /** Adopted bad reviews whose rectification result was recorded. */
  readonly badRectified: number;
  /** …of which the callback duty was met too (anonymous reviews owe no callback: rectified alone counts). */
  readonly badCalledBackAndRectified: number;
  /** Rectification cases closed after a result: 满意, 不满意 (after the redo) or 无异议 (no answer in time). */
  readonly closedAfterResult: number;
  /** …of which 满意 or 无异议. */
  readonly closedSatisfiedOrNoObjection: number;
  /** Citizens' own answers to a result (满意 or 不满意, first answers and answers after a redo). */
  readonly confirmations: number;
  readonly confirmationsSatisfied: number;
  /** Service cases completed in the period, and those rated (一次一评) by now. */
  readonly completedCases: number;
  readonly ratedCompletedCases: number;
  /** Rectification cases opened in the period: closed on time, and late (open overdue ones included). */
  readonly onTimeCases: number;
  readonly lateCases: number;
  /** Rectification cases opened in the period whose result was recorded, and those reopened by 不满意. */
  readonly casesWithResult: number;
  readonly reopenedCases: number;
  /**
   * Working hours from the bad review to its result (or to the county's approval of 不予采纳), one per case opened in
   * the period that got there; ascending.
   */
  readonly handlingWorkingHours: readonly number[];
}

export const EMPTY_FIGURE_COUNTERS: FigureCounters = {
  reviews: 0,
  notAdopted: 0,
  excludedAsCoerced: 0,
  level5: 0,
  level4: 0,
  level3: 0,
  level2: 0,
  level1: 0,
  unprompted: 0,
  unpromptedGood: 0,
  badReplied: 0,
  realNameBad: 0,
  realNameBadCalledBack: 0,
  badRectified: 0,
  badCalledBackAndRectified: 0,
  closedAfterResult: 0,
  closedSatisfiedOrNoObjection: 0,
  confirmations: 0,
  confirmationsSatisfied: 0,
  completedCases: 0,
  ratedCompletedCases: 0,
  onTimeCases: 0,
  lateCases: 0,
  casesWithResult: 0,
  reopenedCases: 0,
  handlingWorkingHours: [],
};

export type FigureUnit = 'rate' | 'count' | 'workingHours';

export interface FigureDefinition {
  readonly label: string;
  readonly unit: FigureUnit;
  /** How it is computed, in the words a report's notes print. */
  readonly note: string;
  readonly compute: (c: FigureCounters) => number | null;
}

/** A share as a fraction with four decimals (0.8571), or null when there is nothing to divide: no rate is not 0 %. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

const adopted = (c: FigureCounters) => c.level5 + c.level4 + c.level3 + c.level2 + c.level1;
const good = (c: FigureCounters) => c.level5 + c.level4 + c.level3;
const bad = (c: FigureCounters) => c.level2 + c.level1;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** The p-th percentile (0–100) of ascending values, nearest-rank: the smallest value with p % of values at or below it. */
export function nearestRankPercentile(ascending: readonly number[], p: number): number | null {
  if (ascending.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * ascending.length));
  return ascending[rank - 1];
}

/** Every figure, in the order reports print them. */
export const FIGURES = {
  reviews: { label: '评价总数', unit: 'count', note: '期间内收到的全部评价（含随时可评、含不予采纳）', compute: (c) => c.reviews },
  goodRate: { label: '好评率', unit: 'rate', note: '（非常满意+满意+基本满意）÷ 采纳的评价数；不予采纳的评价两边都不计', compute: (c) => rate(good(c), adopted(c)) },
  badRate: { label: '差评率', unit: 'rate', note: '（不满意+非常不满意）÷ 采纳的评价数', compute: (c) => rate(bad(c), adopted(c)) },
  unpromptedGoodRate: {
    label: '主动评价好评率',
    unit: 'rate',
    note: '群众主动评价（评价邀请链接以外的渠道）中的好评 ÷ 主动评价数；均为采纳的评价',
    compute: (c) => rate(c.unpromptedGood, c.unprompted),
  },
  ratedRate: { label: '参评率', unit: 'rate', note: '期间内办结的办件中已评价的 ÷ 期间内办结的办件数', compute: (c) => rate(c.ratedCompletedCases, c.completedCases) },
  unratedRate: {
    label: '未评率',
    unit: 'rate',
    note: '期间内办结的办件中未评价的 ÷ 期间内办结的办件数',
    compute: (c) => rate(c.completedCases - c.ratedCompletedCases, c.completedCases),
  },
  badReplyRate: { label: '差评回复率', unit: 'rate', note: '已向评价人反馈整改结果的差评 ÷ 采纳的差评数', compute: (c) => rate(c.badReplied, bad(c)) },
  realNameCallbackRate: {
    label: '实名差评回访率',
    unit: 'rate',
    note: '已回访（联系上，或三个不同工作日均未联系上按无法联系）的实名差评 ÷ 采纳的实名差评数',
    compute: (c) => rate(c.realNameBadCalledBack, c.realNameBad),
  },
  rectificationRate: { label: '整改率', unit: 'rate', note: '已登记整改结果的差评 ÷ 采纳的差评数', compute: (c) => rate(c.badRectified, bad(c)) },
  callbackRectificationRate: {
    label: '回访整改率',
    unit: 'rate',
    note: '已登记整改结果且回访义务已履行（匿名差评无需回访）的差评 ÷ 采纳的差评数',
    compute: (c) => rate(c.badCalledBackAndRectified, bad(c)),
  },
  rectificationSatisfactionRate: {
    label: '回访整改满意率',
    unit: 'rate',
    note: '反馈结果后以满意或无异议办结的整改工单 ÷ 反馈结果后办结的整改工单',
    compute: (c) => rate(c.closedSatisfiedOrNoObjection, c.closedAfterResult),
  },
  confirmationSatisfactionRate: {
    label: '群众确认满意率',
    unit: 'rate',
    note: '群众答复“满意”的次数 ÷ 群众答复次数（满意与不满意；逾期未答复的无异议不计）',
    compute: (c) => rate(c.confirmationsSatisfied, c.confirmations),
  },
  onTimeRate: {
    label: '按时办结率',
    unit: 'rate',
    note: '按时办结的整改工单 ÷（按时办结 + 超期）；未办结但已超期的计入超期，获批延期的按原期限判断',
    compute: (c) => rate(c.onTimeCases, c.onTimeCases + c.lateCases),
  },
  averageHandlingHours: {
    label: '平均办理时长（工作小时）',
    unit: 'workingHours',
    note: '差评至反馈整改结果（或县级同意不予采纳）的工作时长平均值',
    compute: (c) => (c.handlingWorkingHours.length === 0 ? null : oneDecimal(c.handlingWorkingHours.reduce((sum, h) => sum + h, 0) / c.handlingWorkingHours.length)),
  },
  p90HandlingHours: {
    label: '办理时长 90 分位（工作小时）',
    unit: 'workingHours',
    note: '同上，九成工单在此时长内完成（最近秩法）',
    compute: (c) => nearestRankPercentile(c.handlingWorkingHours, 90),
  },
  reopenRate: { label: '重办率', unit: 'rate', note: '群众不满意而重新办理的工单 ÷ 已反馈整改结果的工单', compute: (c) => rate(c.reopenedCases, c.casesWithResult) },
  notAdopted: { label: '不予采纳数', unit: 'count', note: '经县级审核认定不属实或恶意评价的评价数（保留备查，不计入各项比率）', compute: (c) => c.notAdopted },
  excludedAsCoerced: {
    label: '确认刷好评排除数',
    unit: 'count',
    note: '经县级核查确认为刷好评（诱导、代评）的评价数：保留备查，计入评价总数，不计入各项比率；仅由其评价的办件按未评价计',
    compute: (c) => c.excludedAsCoerced,
  },
} as const satisfies Record<string, FigureDefinition>;

export type FigureKey = keyof typeof FIGURES;

/** Figures where less is better: rankings put the lowest first, and the screens say so. */
export const LOWER_IS_BETTER_FIGURES: readonly FigureKey[] = ['badRate', 'unratedRate', 'averageHandlingHours', 'p90HandlingHours', 'reopenRate'];
export const FIGURE_KEYS = Object.keys(FIGURES) as readonly FigureKey[];
export type Figures = Record<FigureKey, number | null>;

export function computeFigures(counters: FigureCounters): Figures {
  return Object.fromEntries(FIGURE_KEYS.map((key) => [key, FIGURES[key].compute(counters)])) as Figures;
}

/** Adds slices (e.g. the days of a month, or the halls of the county) into one; handling hours stay ascending. */
export function addFigureCounters(slices: readonly FigureCounters[]): FigureCounters {
  const sum = { ...EMPTY_FIGURE_COUNTERS } as Record<keyof FigureCounters, unknown>;
  const hours: number[] = [];
  for (const slice of slices) {
    for (const [key, value] of Object.entries(slice) as Array<[keyof FigureCounters, unknown]>) {
      if (typeof value === 'number') sum[key] = (sum[key] as number) + value;
    }
    hours.push(...slice.handlingWorkingHours);
  }
  sum.handlingWorkingHours = hours.sort((a, b) => a - b);
  return sum as unknown as FigureCounters;
}

/** The ways results are cut: the county as a whole, or per value of one of these. */
export const RESULT_DIMENSIONS = {
  county: '全县',
  hall: '大厅（镇街）',
  window: '窗口',
  staff: '工作人员',
  department: '部门',
  item: '事项',
  channel: '评价渠道',
  reason: '评价原因',
} as const;
export type ResultDimension = keyof typeof RESULT_DIMENSIONS;

/**
 * Figures that mean something per value of a dimension. Case-based figures (参评率, 按时办结率…) have no review
 * channel or reason: per channel and per reason only the review figures are given (the others are null).
 */
export const REVIEW_ONLY_DIMENSIONS: readonly ResultDimension[] = ['channel', 'reason'];
