import { describe, expect, it } from '@jest/globals';
import type { HallStatistics } from './statistics.types';
import { statisticsPeriod } from './statistics-period';
import { hallsInTrouble, percent, rankHallsByOnTime } from './supervision-summary';

const hall = (hallCode: string, figures: Partial<HallStatistics>): HallStatistics => ({
  hallCode,
  hallName: hallCode,
  reviews: 0,
  badReviews: 0,
  notAdoptedReviews: 0,
  adoptedReviews: 0,
  goodReviews: 0,
  goodRate: null,
  casesOpened: 0,
  casesOpen: 0,
  casesClosed: 0,
  onTimeCases: 0,
  lateCases: 0,
  onTimeRate: null,
  openNow: 0,
  overdueNow: 0,
  escalatedLevel1: 0,
  escalatedLevel2: 0,
  inTroubleNow: 0,
  ...figures,
});

describe('the hall ranking by 按时办结率', () => {
  const halls = [
    hall('a', { onTimeCases: 3, lateCases: 1, onTimeRate: 0.75 }),
    hall('b', { onTimeCases: 9, lateCases: 1, onTimeRate: 0.9 }),
    hall('c', { onTimeCases: 6, lateCases: 2, onTimeRate: 0.75 }),
    hall('d', { onTimeCases: 2, lateCases: 0, onTimeRate: 1 }),
    hall('e', { overdueNow: 2 }),
    hall('f', {}),
  ];

  it('ranks the best rate first, shares a place on equal rates (more cases first), and lists halls with fewer cases than the minimum (3) last, unranked', () => {
    const ranking = rankHallsByOnTime(halls, 3);
    expect(ranking.map((item) => [item.hall.hallCode, item.rank, item.counted])).toEqual([
      ['b', 1, 10],
      ['c', 2, 8],
      ['a', 2, 4],
      ['e', null, 0],
      ['d', null, 2],
      ['f', null, 0],
    ]);
  });

  it('takes the minimum it is given (the admin’s setting): at 2, hall d with 2 of 2 on time comes first', () => {
    expect(rankHallsByOnTime(halls, 2).map((item) => [item.hall.hallCode, item.rank])).toEqual([
      ['d', 1],
      ['b', 2],
      ['c', 3],
      ['a', 3],
      ['e', null],
      ['f', null],
    ]);
  });
});

describe('halls with cases in trouble', () => {
  it('keeps halls with overdue or escalated cases, the most at county level first', () => {
    const rows = hallsInTrouble([
      hall('jintun', { overdueNow: 3, escalatedLevel1: 3 }),
      hall('macun', {}),
      hall('zhifang', { overdueNow: 1, escalatedLevel2: 1 }),
      hall('mandong', { escalatedLevel1: 1 }),
    ]);
    expect(rows.map((row) => row.hallCode)).toEqual(['zhifang', 'jintun', 'mandong']);
  });
});

describe('percent', () => {
  it.each([
    [0.8571, '85.7%'],
    [1, '100.0%'],
    [0, '0.0%'],
    [null, '—'],
  ])('%s → %s', (value, text) => {
    expect(percent(value)).toBe(text);
  });
});

describe('statistics periods (Beijing calendar)', () => {
  // 2026-11-28 01:30 in Beijing is still 27 November in UTC.
  const now = Date.parse('2026-11-27T17:30:20Z');

  it.each([
    ['last30', { from: '2026-10-29T01:31:00+08:00', to: '2026-11-28T01:31:00+08:00' }],
    ['month', { from: '2026-11-01T00:00:00+08:00', to: '2026-11-28T01:31:00+08:00' }],
    ['year', { from: '2026-01-01T00:00:00+08:00', to: '2026-11-28T01:31:00+08:00' }],
  ] as const)('%s', (key, expected) => {
    expect(statisticsPeriod(key, now)).toEqual(expected);
  });
});
