import { CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026, CHINA_OFFICIAL_YEAR_CALENDARS } from './china-holidays.data';
import { isoWeekdayOfDayNumber, parseLocalDate } from './shanghai-time.util';

const weekdayOf = (date: string): number => isoWeekdayOfDayNumber(parseLocalDate(date));

describe('shipped State Council schedules', () => {
  it.each([
    // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8
    [CHINA_HOLIDAYS_2025, 28, 5],
    // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7
    [CHINA_HOLIDAYS_2026, 33, 6],
  ])('lists every day off and make-up day of $year', (calendar, daysOff, makeUpDays) => {
    expect(calendar.holidays).toHaveLength(daysOff);
    expect(calendar.makeUpWorkdays).toHaveLength(makeUpDays);
    expect(new Set(calendar.holidays).size).toBe(daysOff);
    expect(calendar.source).toBe('official');
  });

  it.each(CHINA_OFFICIAL_YEAR_CALENDARS.flatMap((calendar) => calendar.makeUpWorkdays))(
    'has make-up working day %s on a weekend',
    (date) => {
      expect(weekdayOf(date)).toBeGreaterThanOrEqual(6);
    },
  );

  it.each(CHINA_OFFICIAL_YEAR_CALENDARS.map((calendar) => [calendar.year, calendar] as const))(
    'keeps %i dates in their own year, sorted, and never both off and on',
    (year, calendar) => {
      for (const date of [...calendar.holidays, ...calendar.makeUpWorkdays]) {
        expect(date.startsWith(`${year}-`)).toBe(true);
        expect(() => parseLocalDate(date)).not.toThrow();
      }
      expect([...calendar.holidays].sort()).toEqual(calendar.holidays);
      expect(calendar.makeUpWorkdays.filter((date) => calendar.holidays.includes(date))).toEqual([]);
    },
  );

  // Weekdays the notices print next to their dates: an independent check on the transcription.
  it.each([
    ['2025-01-26', 7], ['2025-02-08', 6], ['2025-04-27', 7], ['2025-09-28', 7], ['2025-10-11', 6],
    ['2026-01-01', 4], ['2026-01-04', 7], ['2026-02-14', 6], ['2026-02-15', 7], ['2026-02-23', 1], ['2026-02-28', 6],
    ['2026-04-04', 6], ['2026-05-01', 5], ['2026-05-09', 6], ['2026-06-19', 5], ['2026-09-20', 7], ['2026-09-25', 5],
    ['2026-10-01', 4], ['2026-10-07', 3], ['2026-10-10', 6],
  ])('has %s on ISO weekday %i, as the notice says', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});
