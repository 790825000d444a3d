import { MS_PER_MINUTE } from './shanghai-time.util';
import type { IsoWeekday, OfficeHours, OfficePeriod } from './types';

/** Periods as milliseconds after local midnight, sorted, half-open `[startMs, endMs)`. */
export interface OfficePeriodMs {
  readonly startMs: number;
  readonly endMs: number;
}

export type OfficeScheduleMs = ReadonlyMap<number, readonly OfficePeriodMs[]>;

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const HOURS_MINUTES_PATTERN = /^(\d{2}):(\d{2})$/;

const MORNING: OfficePeriod = { start: '09:00', end: '12:00' };
const AFTERNOON: OfficePeriod = { start: '13:00', end: '17:00' };

/** Mon–Fri 09:00–12:00 and 13:00–17:00, the hours DOMAIN.md gives every hall unless it sets its own. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  1: Object.freeze([MORNING, AFTERNOON]),
  2: Object.freeze([MORNING, AFTERNOON]),
  3: Object.freeze([MORNING, AFTERNOON]),
  4: Object.freeze([MORNING, AFTERNOON]),
  5: Object.freeze([MORNING, AFTERNOON]),
});

function parseClockMinutes(value: string, weekday: number): number {
  const match = HOURS_MINUTES_PATTERN.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 24 * 60)) {
    throw new RangeError(`Office hours of weekday ${weekday}: ${JSON.stringify(value)} is not a time between 00:00 and 24:00`);
  }
  return minutes;
}

/** Validates office hours and turns them into sorted millisecond periods per ISO weekday. */
export function normaliseOfficeHours(officeHours: OfficeHours): OfficeScheduleMs {
  const schedule = new Map<number, OfficePeriodMs[]>();
  for (const key of Object.keys(officeHours)) {
    if (!WEEKDAYS.includes(Number(key) as IsoWeekday)) {
      throw new RangeError(`Office hours: ${JSON.stringify(key)} is not an ISO weekday (1 = Monday … 7 = Sunday)`);
    }
  }
  for (const weekday of WEEKDAYS) {
    const periods = (officeHours[weekday] ?? [])
      .map((period) => ({
        startMs: parseClockMinutes(period.start, weekday) * MS_PER_MINUTE,
        endMs: parseClockMinutes(period.end, weekday) * MS_PER_MINUTE,
      }))
      .sort((a, b) => a.startMs - b.startMs);
    let previousEndMs = 0;
    for (const period of periods) {
      if (period.endMs <= period.startMs) {
        throw new RangeError(`Office hours of weekday ${weekday}: a period must end after it starts`);
      }
      if (period.startMs < previousEndMs) {
        throw new RangeError(`Office hours of weekday ${weekday}: periods overlap`);
      }
      previousEndMs = period.endMs;
    }
    schedule.set(weekday, periods);
  }
  if (WEEKDAYS.every((weekday) => schedule.get(weekday)?.length === 0)) {
    throw new RangeError('Office hours: the hall is never open, so no clock could ever run');
  }
  return schedule;
}

function minutesOf(periods: readonly OfficePeriodMs[]): number {
  return periods.reduce((sum, period) => sum + (period.endMs - period.startMs), 0) / MS_PER_MINUTE;
}

/**
 * The hall's standard working day is its fullest weekday (earliest ISO weekday on a tie).
 * Taking the fullest day rather than Monday's means a hall that is closed or short on Mondays still
 * gets a sensible "1 working day", and a short Friday does not shrink every day-based deadline.
 */
export function standardWorkingDayPeriods(schedule: OfficeScheduleMs): readonly OfficePeriodMs[] {
  let standard: readonly OfficePeriodMs[] = [];
  for (const weekday of WEEKDAYS) {
    const periods = schedule.get(weekday) ?? [];
    if (minutesOf(periods) > minutesOf(standard)) {
      standard = periods;
    }
  }
  return standard;
}

/**
 * Minutes in one working day for these office hours: 420 for the default hours.
 * "N working days" is N times this, so a day-based clock ends at the same time of day it started.
 */
export function standardWorkingDayMinutes(officeHours: OfficeHours): number {
  return minutesOf(standardWorkingDayPeriods(normaliseOfficeHours(officeHours)));
}
