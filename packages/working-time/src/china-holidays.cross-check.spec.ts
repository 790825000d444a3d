import { getHolidaysInRange, getWorkdaysInRange } from 'chinese-days';
import { CHINA_OFFICIAL_YEAR_CALENDARS } from './china-holidays.data';
import { isoWeekdayOfDayNumber, parseLocalDate } from './shanghai-time.util';

/**
 * Our transcription of the State Council notices against an independent one: the `chinese-days` package, which
 * carries the same schedules (a devDependency only: the product never reads it).
 */
describe.each(CHINA_OFFICIAL_YEAR_CALENDARS.map((calendar) => [calendar.year, calendar] as const))('%i against chinese-days', (year, calendar) => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  it('has the same days off (holidays, not ordinary weekends)', () => {
    expect([...calendar.holidays].sort()).toEqual([...getHolidaysInRange(from, to, false)].sort());
  });

  it('has the same 调休 make-up working days (weekend days that are working days)', () => {
    const weekendWorkdays = getWorkdaysInRange(from, to, true).filter((date) => isoWeekdayOfDayNumber(parseLocalDate(date)) >= 6);
    expect([...calendar.makeUpWorkdays].sort()).toEqual(weekendWorkdays.sort());
  });
});
