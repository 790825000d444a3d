import { shanghaiDayBounds } from '@haochaping/db';
import { compareCounts } from './exchange-reconciliation.activities';

describe('the exchange count reconciliation', () => {
  it.each<[string, Array<{ hallCode: string; type: string; count: number }>, Array<{ orgCode: string; type: string; count: number }>, Array<[string, string, number, number, number]>]>([
    ['equal counts', [{ hallCode: 'jintun', type: 'REVIEW', count: 3 }], [{ orgCode: 'jintun', type: 'REVIEW', count: 3 }], [['jintun', 'REVIEW', 3, 3, 0]]],
    ['the upstream lacks records', [{ hallCode: 'jintun', type: 'REVIEW', count: 5 }], [{ orgCode: 'jintun', type: 'REVIEW', count: 2 }], [['jintun', 'REVIEW', 5, 2, 3]]],
    ['a hall only we have', [{ hallCode: 'zhifang', type: 'REVIEW', count: 1 }], [], [['zhifang', 'REVIEW', 1, 0, 1]]],
    ['a hall only the upstream has', [], [{ orgCode: 'jintun', type: 'REVIEW', count: 2 }], [['jintun', 'REVIEW', 0, 2, -2]]],
    [
      'types compared apart, halls and types sorted',
      [
        { hallCode: 'zhifang', type: 'REVIEW', count: 2 },
        { hallCode: 'jintun', type: 'RECTIFICATION', count: 1 },
        { hallCode: 'jintun', type: 'REVIEW', count: 4 },
      ],
      [
        { orgCode: 'jintun', type: 'REVIEW', count: 4 },
        { orgCode: 'jintun', type: 'REJECTION', count: 1 },
      ],
      [
        ['jintun', 'RECTIFICATION', 1, 0, 1],
        ['jintun', 'REJECTION', 0, 1, -1],
        ['jintun', 'REVIEW', 4, 4, 0],
        ['zhifang', 'REVIEW', 2, 0, 2],
      ],
    ],
    ['nothing on either side', [], [], []],
  ])('%s', (_name, ours, theirs, expected) => {
    expect(compareCounts('2026-12-06', ours, theirs).map((row) => [row.hallCode, row.type, row.ours, row.theirs, row.difference])).toEqual(expected);
    for (const row of compareCounts('2026-12-06', ours, theirs)) expect(row.day).toBe('2026-12-06');
  });

  it.each<[string, string, string]>([
    ['2026-12-06', '2026-12-05T16:00:00.000Z', '2026-12-06T16:00:00.000Z'],
    ['2027-01-01', '2026-12-31T16:00:00.000Z', '2027-01-01T16:00:00.000Z'],
  ])('bounds the Asia/Shanghai day %s', (day, start, end) => {
    expect(shanghaiDayBounds(day).map((bound) => bound.toISOString())).toEqual([start, end]);
  });

  it.each(['2026-02-30', '2026-13-01', '20261206', '2026-12-6', ''])('refuses %j as a day', (day) => {
    expect(() => shanghaiDayBounds(day)).toThrow(RangeError);
  });
});
