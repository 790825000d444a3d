export type {
  Deadline,
  IsoWeekday,
  OfficeHours,
  OfficePeriod,
  WorkingCalendar,
  YearCalendar,
  YearCalendarSource,
} from './types';
export { DEFAULT_OFFICE_HOURS, standardWorkingDayMinutes } from './office-hours';
export { CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026, CHINA_OFFICIAL_YEAR_CALENDARS } from './china-holidays.data';
export {
  STATUTORY_FALLBACK_FIRST_YEAR,
  STATUTORY_FALLBACK_LAST_YEAR,
  isStatutoryFallbackYear,
  statutoryFallbackYearCalendar,
} from './statutory-fallback';
export {
  SHANGHAI_OFFSET_MS,
  SHANGHAI_DATE_TIME_FORMAT,
  formatChineseDateTime,
  formatShanghaiInstant,
  formatShanghaiMinute,
  localDateOf,
  startOfShanghai,
} from './shanghai-time.util';
export {
  DEFAULT_WORKING_CALENDAR,
  WorkingTime,
  createWorkingTime,
  missingOfficialYears,
  type MissingOfficialYearsOptions,
} from './working-time';
