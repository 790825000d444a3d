import { describe, expect, it } from '@jest/globals';
import { beijingToday, dayActions, dayKindOf, monthCounts, monthGrid } from './month-grid';

const days = { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'], makeUpWorkdays: ['2026-09-20', '2026-10-10'] };

describe('monthGrid', () => {
  it('lays October 2026 out Monday first: the 1st is a Thursday, five weeks, blanks around', () => {
    const weeks = monthGrid(2026, 10, days, '2026-10-08');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.map((cell) => cell?.day ?? null)).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(weeks[4]?.map((cell) => cell?.day ?? null)).toEqual([26, 27, 28, 29, 30, 31, null]);
    expect(weeks.flat().filter((cell) => cell?.isToday).map((cell) => cell?.date)).toEqual(['2026-10-08']);
  });

  it('marks holidays, make-up working days, weekends and working days', () => {
    const cells = monthGrid(2026, 10, days).flat();
    const kindOn = (date: string) => cells.find((cell) => cell?.date === date)?.kind;
    expect([kindOn('2026-10-01'), kindOn('2026-10-04'), kindOn('2026-10-09'), kindOn('2026-10-10'), kindOn('2026-10-11')]).toEqual([
      'HOLIDAY', // Thursday, 国庆
      'HOLIDAY', // Sunday inside the holiday
      'WORKDAY', // Friday
      'MAKE_UP_WORKDAY', // Saturday worked
      'WEEKEND', // Sunday
    ]);
  });

  it('handles February of a leap year and a month starting on Monday', () => {
    expect(monthGrid(2028, 2, { holidays: [], makeUpWorkdays: [] }).flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid(2027, 2, { holidays: [], makeUpWorkdays: [] })[0]?.[0]?.date).toBe('2027-02-01');
  });
});

describe('dayActions', () => {
  it.each([
    ['WORKDAY', ['ADD_HOLIDAY']],
    ['WEEKEND', ['ADD_MAKE_UP_WORKDAY']],
    ['HOLIDAY', ['REMOVE']],
    ['MAKE_UP_WORKDAY', ['REMOVE']],
  ] as const)('a %s can be %j', (kind, actions) => {
    expect(dayActions(kind)).toEqual(actions);
  });

  it('follows the kind of the day', () => {
    expect(dayActions(dayKindOf('2026-10-10', days))).toEqual(['REMOVE']);
  });
});

describe('monthCounts and beijingToday', () => {
  it('counts the days off and make-up days of each month', () => {
    const counts = monthCounts(2026, days);
    expect(counts[8]).toEqual({ month: 9, holidays: 0, makeUpWorkdays: 1 });
    expect(counts[9]).toEqual({ month: 10, holidays: 7, makeUpWorkdays: 1 });
  });

  it("gives Beijing's date: 17:00 UTC is already the next day", () => {
    expect(beijingToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});
