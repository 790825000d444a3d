import { LUNAR_FESTIVAL_DATES, LUNAR_TABLE_LAST_YEAR } from './lunar-festivals.data';
import { formatDayNumber, parseLocalDate } from './shanghai-time.util';
import type { YearCalendar } from './types';

/**
 * The amended 《全国年节及纪念日放假办法》 (国务院令第795号) took effect on 2025-01-01; 2024 ran on the old
 * rules (春节 3 days, 劳动节 1 day), so building 2024 from these rules would be wrong. Enter 2024 as data if needed.
 */
export const STATUTORY_FALLBACK_FIRST_YEAR = 2025;
export const STATUTORY_FALLBACK_LAST_YEAR = LUNAR_TABLE_LAST_YEAR;

export function isStatutoryFallbackYear(year: number): boolean {
  return Number.isInteger(year) && year >= STATUTORY_FALLBACK_FIRST_YEAR && year <= STATUTORY_FALLBACK_LAST_YEAR;
}

/**
 * A provisional calendar for a year whose State Council notice is not entered yet: only the 13 statutory
 * days off. The notice will add bridge days and 调休 make-up working days, and move days that fall on a
 * weekend (补假); none of that can be known in advance, so it has no make-up days and the year is flagged.
 */
export function statutoryFallbackYearCalendar(year: number): YearCalendar {
  const lunar = LUNAR_FESTIVAL_DATES[year];
  if (!isStatutoryFallbackYear(year) || !lunar) {
    throw new RangeError(
      `No statutory fallback for ${year}: supported ${STATUTORY_FALLBACK_FIRST_YEAR}–${STATUTORY_FALLBACK_LAST_YEAR}; enter the year's holidays as data`,
    );
  }
  const springFestival = parseLocalDate(lunar.springFestival);
  const holidays = [
    `${year}-01-01`, // 元旦
    ...[-1, 0, 1, 2].map((offset) => formatDayNumber(springFestival + offset)), // 春节: 除夕、正月初一至初三
    lunar.qingming, // 清明节
    `${year}-05-01`, `${year}-05-02`, // 劳动节
    lunar.dragonBoat, // 端午节
    lunar.midAutumn, // 中秋节
    `${year}-10-01`, `${year}-10-02`, `${year}-10-03`, // 国庆节
  ].sort();
  return Object.freeze({
    year,
    holidays: Object.freeze([...new Set(holidays)]),
    makeUpWorkdays: Object.freeze([]),
    source: 'provisional',
    notice: `《全国年节及纪念日放假办法》法定假日（${year}年国务院通知未录入，临时）`,
  });
}
