import { CHINA_OFFICIAL_YEAR_CALENDARS } from './china-holidays.data';
import {
  DEFAULT_OFFICE_HOURS,
  normaliseOfficeHours,
  standardWorkingDayPeriods,
  type OfficePeriodMs,
  type OfficeScheduleMs,
} from './office-hours';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  assertValidInstant,
  formatDayNumber,
  fromLocalMs,
  isoWeekdayOfDayNumber,
  localDayNumberOf,
  parseLocalDate,
  toLocalMs,
  yearOfDayNumber,
} from './shanghai-time.util';
import { statutoryFallbackYearCalendar } from './statutory-fallback';
import type { Deadline, WorkingCalendar, YearCalendar } from './types';

/** Default hours with the State Council schedules this package ships. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = Object.freeze({
  officeHours: DEFAULT_OFFICE_HOURS,
  years: CHINA_OFFICIAL_YEAR_CALENDARS,
});

interface ResolvedYear {
  readonly calendar: YearCalendar;
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkdays: ReadonlySet<number>;
}

function assertNonNegativeFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number of at least 0, got ${String(value)}`);
  }
}

function resolveYearCalendar(calendar: YearCalendar): ResolvedYear {
  if (!Number.isInteger(calendar.year)) {
    throw new RangeError(`Year calendar: ${String(calendar.year)} is not a year`);
  }
  // Calendars arrive from admins' data, so the type alone does not guarantee the source.
  const source: string = calendar.source;
  if (source !== 'official' && source !== 'provisional') {
    throw new RangeError(`Year calendar ${calendar.year}: source must be 'official' or 'provisional'`);
  }
  const toDayNumbers = (dates: readonly string[], kind: string): Set<number> =>
    new Set(
      dates.map((date) => {
        const dayNumber = parseLocalDate(date);
        if (yearOfDayNumber(dayNumber) !== calendar.year) {
          throw new RangeError(`Year calendar ${calendar.year}: ${kind} ${date} is in another year`);
        }
        return dayNumber;
      }),
    );
  const holidays = toDayNumbers(calendar.holidays, 'holiday');
  const makeUpWorkdays = toDayNumbers(calendar.makeUpWorkdays, 'make-up working day');
  for (const dayNumber of makeUpWorkdays) {
    if (holidays.has(dayNumber)) {
      throw new RangeError(`Year calendar ${calendar.year}: ${formatDayNumber(dayNumber)} is both a holiday and a make-up working day`);
    }
  }
  return { calendar, holidays, makeUpWorkdays };
}

/**
 * Working-time arithmetic for one hall: office hours on working days, in Asia/Shanghai.
 *
 * Conventions, one definition everywhere (DOMAIN.md "How clocks count"):
 * - office periods are half-open: 09:00 is office time, 12:00 and 17:00 are not;
 * - a clock that starts outside office time starts when office time next begins, and one that runs out
 *   exactly at the end of a period ends there (16:00 + 1 working hour is 17:00, not 09:00 next day);
 * - on a 调休 make-up working day the hall keeps its standard working day, since that is what the swap means,
 *   even if it is normally closed (or open shorter) on that weekday;
 * - a year missing from the calendar falls back to the statutory provisional calendar, and results say so.
 */
export class WorkingTime {
  /** Minutes in one working day; "N working days" is N times this (420 for the default hours). */
  readonly standardWorkingDayMinutes: number;

  private readonly schedule: OfficeScheduleMs;
  private readonly standardPeriods: readonly OfficePeriodMs[];
  private readonly resolvedYears = new Map<number, ResolvedYear>();

  constructor(calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR) {
    this.schedule = normaliseOfficeHours(calendar.officeHours);
    this.standardPeriods = standardWorkingDayPeriods(this.schedule);
    this.standardWorkingDayMinutes =
      this.standardPeriods.reduce((sum, period) => sum + period.endMs - period.startMs, 0) / MS_PER_MINUTE;
    for (const yearCalendar of calendar.years) {
      if (this.resolvedYears.has(yearCalendar.year)) {
        throw new RangeError(`Year calendar ${yearCalendar.year} is given twice`);
      }
      this.resolvedYears.set(yearCalendar.year, resolveYearCalendar(yearCalendar));
    }
  }

  /** The calendar in force for a year: the one given, or the statutory provisional fallback. */
  calendarForYear(year: number): YearCalendar {
    return this.resolveYear(year).calendar;
  }

  /** Whether the hall works on a Shanghai calendar date (`YYYY-MM-DD`). */
  isWorkingDay(localDate: string): boolean {
    return this.officePeriodsOn(parseLocalDate(localDate)).length > 0;
  }

  isOfficeTime(instant: Date): boolean {
    const localMs = toLocalMs(assertValidInstant(instant, 'instant'));
    const dayNumber = localDayNumberOf(localMs);
    const msOfDay = localMs - dayNumber * MS_PER_DAY;
    return this.officePeriodsOn(dayNumber).some((period) => period.startMs <= msOfDay && msOfDay < period.endMs);
  }

  /** When a clock started at `instant` starts counting: `instant` itself if it is office time. */
  nextOfficeTimeStart(instant: Date): Date {
    return fromLocalMs(this.advance(toLocalMs(assertValidInstant(instant, 'instant')), 0));
  }

  addWorkingMinutes(from: Date, minutes: number): Deadline {
    assertValidInstant(from, 'from');
    assertNonNegativeFinite(minutes, 'minutes');
    return this.deadline(from, minutes);
  }

  addWorkingHours(from: Date, hours: number): Deadline {
    assertValidInstant(from, 'from');
    assertNonNegativeFinite(hours, 'hours');
    return this.deadline(from, hours * 60);
  }

  addWorkingDays(from: Date, days: number): Deadline {
    assertValidInstant(from, 'from');
    assertNonNegativeFinite(days, 'days');
    return this.deadline(from, days * this.standardWorkingDayMinutes);
  }

  /**
   * Office-time minutes in `[a, b)`; negative when `b` is before `a`, so it can measure lateness as well.
   * For any `from` and `m ≥ 0`, `workingMinutesBetween(from, addWorkingMinutes(from, m).dueAt)` is `m`.
   */
  workingMinutesBetween(a: Date, b: Date): number {
    const aMs = toLocalMs(assertValidInstant(a, 'a'));
    const bMs = toLocalMs(assertValidInstant(b, 'b'));
    return bMs >= aMs ? this.officeMsBetween(aMs, bMs) / MS_PER_MINUTE : -this.officeMsBetween(bMs, aMs) / MS_PER_MINUTE;
  }

  /** Years from `a` to `b` (either order) whose calendar is provisional, ascending. */
  provisionalYearsBetween(a: Date, b: Date): number[] {
    const yearA = yearOfDayNumber(localDayNumberOf(toLocalMs(assertValidInstant(a, 'a'))));
    const yearB = yearOfDayNumber(localDayNumberOf(toLocalMs(assertValidInstant(b, 'b'))));
    const years: number[] = [];
    for (let year = Math.min(yearA, yearB); year <= Math.max(yearA, yearB); year++) {
      if (this.resolveYear(year).calendar.source === 'provisional') {
        years.push(year);
      }
    }
    return years;
  }

  private deadline(from: Date, minutes: number): Deadline {
    // Milliseconds, so a clock started at 16:30:20 ends at hh:mm:20 and fractional inputs stay exact enough.
    const dueAt = fromLocalMs(this.advance(toLocalMs(from), Math.round(minutes * MS_PER_MINUTE)));
    const provisionalYears = this.provisionalYearsBetween(from, dueAt);
    return { dueAt, provisional: provisionalYears.length > 0, provisionalYears };
  }

  /** Walks office periods from `startLocalMs` until `officeMs` of office time have passed. */
  private advance(startLocalMs: number, officeMs: number): number {
    let cursor = startLocalMs;
    let remaining = officeMs;
    // Terminates: every supported year has working days, and resolveYear throws past the supported range.
    for (let dayNumber = localDayNumberOf(startLocalMs); ; dayNumber++) {
      const dayStart = dayNumber * MS_PER_DAY;
      for (const period of this.officePeriodsOn(dayNumber)) {
        const start = Math.max(cursor, dayStart + period.startMs);
        const end = dayStart + period.endMs;
        if (start >= end) {
          continue;
        }
        if (remaining <= end - start) {
          return start + remaining;
        }
        remaining -= end - start;
        cursor = end;
      }
    }
  }

  private officeMsBetween(fromLocalMsValue: number, toLocalMsValue: number): number {
    let total = 0;
    for (let dayNumber = localDayNumberOf(fromLocalMsValue); dayNumber <= localDayNumberOf(toLocalMsValue); dayNumber++) {
      const dayStart = dayNumber * MS_PER_DAY;
      for (const period of this.officePeriodsOn(dayNumber)) {
        const overlap = Math.min(toLocalMsValue, dayStart + period.endMs) - Math.max(fromLocalMsValue, dayStart + period.startMs);
        if (overlap > 0) {
          total += overlap;
        }
      }
    }
    return total;
  }

  private officePeriodsOn(dayNumber: number): readonly OfficePeriodMs[] {
    const year = this.resolveYear(yearOfDayNumber(dayNumber));
    if (year.holidays.has(dayNumber)) {
      return [];
    }
    if (year.makeUpWorkdays.has(dayNumber)) {
      return this.standardPeriods;
    }
    return this.schedule.get(isoWeekdayOfDayNumber(dayNumber)) ?? [];
  }

  private resolveYear(year: number): ResolvedYear {
    let resolved = this.resolvedYears.get(year);
    if (!resolved) {
      resolved = resolveYearCalendar(statutoryFallbackYearCalendar(year));
      this.resolvedYears.set(year, resolved);
    }
    return resolved;
  }
}

export function createWorkingTime(calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): WorkingTime {
  return new WorkingTime(calendar);
}

export interface MissingOfficialYearsOptions {
  /**
   * From which Shanghai month and day next year's notice is expected and its absence is worth a warning.
   * Default 1 November: the State Council publishes in November or December, so warning earlier is noise.
   */
  readonly nextYearNoticeExpectedFrom?: { readonly month: number; readonly day: number };
}

/**
 * Years the admins should enter a State Council notice for: the current Shanghai year if it has none,
 * and next year once its notice is expected. Empty when nothing is missing.
 */
export function missingOfficialYears(calendar: WorkingCalendar, now: Date, options: MissingOfficialYearsOptions = {}): number[] {
  const { month, day } = options.nextYearNoticeExpectedFrom ?? { month: 11, day: 1 };
  const today = new Date(localDayNumberOf(toLocalMs(assertValidInstant(now, 'now'))) * MS_PER_DAY);
  const currentYear = today.getUTCFullYear();
  const officialYears = new Set(calendar.years.filter((year) => year.source === 'official').map((year) => year.year));
  const missing: number[] = [];
  if (!officialYears.has(currentYear)) {
    missing.push(currentYear);
  }
  const noticeExpected = today.getTime() >= Date.UTC(currentYear, month - 1, day);
  if (noticeExpected && !officialYears.has(currentYear + 1)) {
    missing.push(currentYear + 1);
  }
  return missing;
}
