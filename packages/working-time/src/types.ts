/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One stretch of office time, local Asia/Shanghai wall-clock `HH:MM`; `end` is exclusive and may be `24:00`. */
export interface OfficePeriod {
  readonly start: string;
  readonly end: string;
}

/**
 * A hall's office hours per ISO weekday. A weekday that is missing or has an empty list is closed.
 * Periods of one day must not overlap; their order does not matter.
 */
export type OfficeHours = Readonly<Partial<Record<IsoWeekday, readonly OfficePeriod[]>>>;

/** Where a year's holidays come from: the State Council's notice, or our statutory fallback until it is entered. */
export type YearCalendarSource = 'official' | 'provisional';

/** Holidays and 调休 make-up working days of one calendar year, as the county maintains them. */
export interface YearCalendar {
  readonly year: number;
  /** Days off (`YYYY-MM-DD`), weekends inside a holiday span included or not; both read the same. */
  readonly holidays: readonly string[];
  /** Days that are working days although they fall on a weekend (调休上班). */
  readonly makeUpWorkdays: readonly string[];
  readonly source: YearCalendarSource;
  /** The notice the data was taken from, or why it is provisional. */
  readonly notice?: string;
}

/** Everything working time needs to know about one hall. */
export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  /** Years not listed here fall back to the statutory provisional calendar. */
  readonly years: readonly YearCalendar[];
}

/** A computed due time, and whether any year it depends on was only provisional. */
export interface Deadline {
  readonly dueAt: Date;
  /** True when a year between the start and `dueAt` has no official notice yet: the due time may move. */
  readonly provisional: boolean;
  /** Those years, ascending. */
  readonly provisionalYears: readonly number[];
}
