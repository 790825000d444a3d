import {
  formatChineseDateTime,
  formatShanghaiInstant,
  formatShanghaiMinute,
  localDateOf,
  startOfShanghai,
} from './index';

// Asia/Shanghai is UTC+8 all year; every row below was worked out by hand from the UTC instant.
describe('Shanghai time, written once for the server and the console', () => {
  it.each([
    ['2026-03-09T01:30:00.000Z', '2026-03-09T09:30:00+08:00', '2026-03-09 09:30', '2026年3月9日 09:30', '2026-03-09'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00+08:00', '2027-01-01 00:00', '2027年1月1日 00:00', '2027-01-01'],
    ['2026-03-09T01:30:20.500Z', '2026-03-09T09:30:20.500+08:00', '2026-03-09 09:30', '2026年3月9日 09:30', '2026-03-09'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01T00:30:00+08:00', '2027-01-01 00:30', '2027年1月1日 00:30', '2027-01-01'],
    ['2026-03-08T15:59:59.000Z', '2026-03-08T23:59:59+08:00', '2026-03-08 23:59', '2026年3月8日 23:59', '2026-03-08'],
  ])('writes %s as %s, %s, %s (date %s)', (utc, iso, minute, chinese, date) => {
    const instant = new Date(utc);
    expect(formatShanghaiInstant(instant)).toBe(iso);
    expect(formatShanghaiMinute(instant)).toBe(minute);
    expect(formatChineseDateTime(instant)).toBe(chinese);
    expect(localDateOf(instant)).toBe(date);
  });

  it.each([
    // instant                      day start (UTC)               month start (UTC)            year start (UTC)
    ['2026-03-09T01:30:00Z', '2026-03-08T16:00:00.000Z', '2026-02-28T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    ['2026-03-31T17:00:00Z', '2026-03-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
    ['2026-12-31T16:00:00Z', '2026-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31T15:59:59Z', '2026-12-30T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
  ])('puts %s in the day, month and year starting %s, %s, %s', (utc, day, month, year) => {
    const instant = new Date(utc);
    expect(startOfShanghai('day', instant).toISOString()).toBe(day);
    expect(startOfShanghai('month', instant).toISOString()).toBe(month);
    expect(startOfShanghai('year', instant).toISOString()).toBe(year);
  });

  it('refuses an invalid date rather than writing "Invalid Date"', () => {
    expect(() => formatShanghaiInstant(new Date('nope'))).toThrow(RangeError);
  });
});
