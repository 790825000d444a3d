import { addFigureCounters, computeFigures, EMPTY_FIGURE_COUNTERS, nearestRankPercentile, rate, type FigureCounters } from './results.contract';

/**
 * One hall's month, counted by hand:
 * 20 reviews: 2 不予采纳; of the 18 adopted 6 非常满意, 5 满意, 3 基本满意, 3 不满意, 1 非常不满意 → good 14, bad 4.
 * 15 adopted reviews came unprompted (12 good). Of the 4 bad: 3 real-name (2 called back), 3 replied, 2 rectified
 * (both called back, one of them anonymous → counts without a callback), 2 closed after a result (1 满意, 1 无异议),
 * 1 citizen answer (满意). 40 cases completed, 30 rated. Rectification cases: 3 on time, 1 late; 3 with a result,
 * 1 reopened; handling 2, 6, 9.5 and 30 working hours.
 */
const month: FigureCounters = {
  reviews: 20,
  notAdopted: 2,
  excludedAsCoerced: 1,
  level5: 6,
  level4: 5,
  level3: 3,
  level2: 3,
  level1: 1,
  unprompted: 15,
  unpromptedGood: 12,
  badReplied: 3,
  realNameBad: 3,
  realNameBadCalledBack: 2,
  badRectified: 2,
  badCalledBackAndRectified: 2,
  closedAfterResult: 2,
  closedSatisfiedOrNoObjection: 2,
  confirmations: 1,
  confirmationsSatisfied: 1,
  completedCases: 40,
  ratedCompletedCases: 30,
  onTimeCases: 3,
  lateCases: 1,
  casesWithResult: 3,
  reopenedCases: 1,
  handlingWorkingHours: [2, 6, 9.5, 30],
};

describe('computeFigures: every figure from the counters, as the definitions state', () => {
  const figures = computeFigures(month);

  it.each([
    ['reviews', 20],
    ['goodRate', 0.7778], // 14 / 18
    ['badRate', 0.2222], // 4 / 18
    ['unpromptedGoodRate', 0.8], // 12 / 15
    ['ratedRate', 0.75], // 30 / 40
    ['unratedRate', 0.25], // 10 / 40
    ['badReplyRate', 0.75], // 3 / 4
    ['realNameCallbackRate', 0.6667], // 2 / 3
    ['rectificationRate', 0.5], // 2 / 4
    ['callbackRectificationRate', 0.5], // 2 / 4
    ['rectificationSatisfactionRate', 1], // 2 / 2
    ['confirmationSatisfactionRate', 1], // 1 / 1
    ['onTimeRate', 0.75], // 3 / (3 + 1)
    ['averageHandlingHours', 11.9], // 47.5 / 4 = 11.875
    ['p90HandlingHours', 30], // rank ceil(0.9 × 4) = 4
    ['reopenRate', 0.3333], // 1 / 3
    ['notAdopted', 2],
    ['excludedAsCoerced', 1],
  ] as const)('%s = %s', (key, expected) => {
    expect(figures[key]).toBe(expected);
  });

  it('a hall with no reviews and no cases has no rate and no handling time (null, not 0), and counts of 0', () => {
    const none = computeFigures(EMPTY_FIGURE_COUNTERS);
    expect(Object.entries(none).filter(([, value]) => value !== null)).toEqual([
      ['reviews', 0],
      ['notAdopted', 0],
      ['excludedAsCoerced', 0],
    ]);
  });

  it('不予采纳 reviews are in neither side of 好评率: only the adopted levels count', () => {
    const withMoreRejected = computeFigures({ ...month, reviews: 30, notAdopted: 12 });
    expect(withMoreRejected.goodRate).toBe(figures.goodRate);
    expect(withMoreRejected.notAdopted).toBe(12);
  });
});

describe('addFigureCounters: slices add up to the whole', () => {
  it('adds every count and merges the handling hours in order, so the month equals its days', () => {
    const firstHalf: FigureCounters = { ...EMPTY_FIGURE_COUNTERS, reviews: 12, notAdopted: 1, level5: 6, level4: 5, completedCases: 25, ratedCompletedCases: 20, handlingWorkingHours: [6, 30] };
    const secondHalf: FigureCounters = { ...month, reviews: 8, notAdopted: 1, level5: 0, level4: 0, completedCases: 15, ratedCompletedCases: 10, handlingWorkingHours: [2, 9.5] };
    const whole = addFigureCounters([firstHalf, secondHalf]);
    expect(whole).toEqual({ ...month, handlingWorkingHours: [2, 6, 9.5, 30] });
    expect(computeFigures(whole)).toEqual(computeFigures(month));
  });
});

describe('rate and nearestRankPercentile', () => {
  it.each([
    [6, 7, 0.8571],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [0, 5, 0],
    [5, 5, 1],
    [1, 0, null],
  ])('rate(%s, %s) = %s', (part, whole, expected) => {
    expect(rate(part, whole)).toBe(expected);
  });

  it.each([
    [[], 90, null],
    [[7], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[1, 2, 3, 4], 50, 2],
  ])('%j, percentile %s → %s', (values, p, expected) => {
    expect(nearestRankPercentile(values, p)).toBe(expected);
  });
});
