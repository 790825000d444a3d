import { computeFigures, EMPTY_FIGURE_COUNTERS } from '@haochaping/contracts';
import { monthsBack, publicPeriod, publicResult, withheldNotice } from './public-figures';

describe('publicResult: all the public figures or none, by the number of adopted reviews', () => {
  const levels = (level5: number, level4: number, level3: number, level2: number, level1: number) => ({ level5, level4, level3, level2, level1 });

  // [levels, not adopted, minimum, published, 好评率]
  it.each([
    [levels(1, 1, 0, 0, 0), 0, 3, false, null],
    [levels(1, 1, 0, 0, 0), 5, 3, false, null], // 不予采纳 reviews do not make up the number
    [levels(1, 1, 0, 1, 0), 0, 3, true, 0.6667],
    [levels(0, 0, 0, 0, 0), 0, 1, false, null],
    [levels(2, 0, 0, 0, 0), 0, 1, true, 1],
  ])('levels %j with %i not adopted, minimum %i → published %s, 好评率 %s', (counts, notAdopted, minimum, published, goodRate) => {
    const counters = { ...EMPTY_FIGURE_COUNTERS, ...counts, reviews: counts.level5 + counts.level4 + counts.level3 + counts.level2 + counts.level1 + notAdopted, notAdopted };
    const result = publicResult(computeFigures(counters), counts, minimum);
    expect(result.published).toBe(published);
    expect(result.figures?.goodRate ?? null).toBe(goodRate);
    if (published) {
      expect(result.notice).toBeNull();
      expect(Object.keys(result.figures ?? {}).sort()).toEqual(['badRate', 'goodRate', 'onTimeRate', 'ratedRate', 'rectificationRate', 'reviews']);
      expect(result.levels).toEqual(counts);
    } else {
      expect(result).toEqual({ published: false, notice: withheldNotice(minimum), figures: null, levels: null });
    }
  });

  it('says why in Chinese', () => {
    expect(withheldNotice(3)).toBe('评价数不足3条，暂不公布');
  });
});

describe('publicPeriod and monthsBack: Shanghai calendar periods', () => {
  it.each([
    ['2026-12-07T10:00:00+08:00', 'month', { period: 'month', date: '2026-12-07' }],
    ['2026-12-07T10:00:00+08:00', 'lastMonth', { period: 'month', date: '2026-11-30' }],
    ['2026-01-01T00:00:00+08:00', 'lastMonth', { period: 'month', date: '2025-12-31' }],
    ['2026-02-28T23:59:59+08:00', 'year', { period: 'year', date: '2026-02-28' }],
    // 16:30 UTC on 31 December is already New Year's Day in Shanghai.
    ['2025-12-31T16:30:00Z', 'month', { period: 'month', date: '2026-01-01' }],
  ] as const)('at %s, %s is %j', (now, key, expected) => {
    expect(publicPeriod(key, new Date(now))).toEqual(expected);
  });

  it.each([
    ['2026-12-07T10:00:00+08:00', 0, '2026-12-01'],
    ['2026-12-07T10:00:00+08:00', 11, '2026-01-01'],
    ['2026-03-31T23:00:00+08:00', 3, '2025-12-01'],
  ])('at %s, %i months back starts on %s', (now, months, first) => {
    expect(monthsBack(new Date(now), months)).toBe(first);
  });
});
