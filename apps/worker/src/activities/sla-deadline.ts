import type { SlaClock } from '@haochaping/contracts';
import type { Deadline, WorkingTime } from '@haochaping/working-time';

const MS_PER_HOUR = 3_600_000;

/**
 * `from` plus one SLA clock: working units through the hall's calendar (DOMAIN.md "How clocks count"), calendar
 * units as plain elapsed time (Asia/Shanghai has no daylight saving, so a calendar day is 24 hours).
 */
export function addSlaClock(workingTime: WorkingTime, from: Date, clock: SlaClock): Deadline {
  switch (clock.unit) {
    case 'WORKING_HOURS':
      return workingTime.addWorkingHours(from, clock.amount);
    case 'WORKING_DAYS':
      return workingTime.addWorkingDays(from, clock.amount);
    case 'CALENDAR_HOURS':
      return calendarDeadline(from, clock.amount * MS_PER_HOUR);
    case 'CALENDAR_DAYS':
      return calendarDeadline(from, clock.amount * 24 * MS_PER_HOUR);
  }
}

function calendarDeadline(from: Date, ms: number): Deadline {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a clock amount must be a finite number of at least 0, got ${ms}`);
  return { dueAt: new Date(from.getTime() + Math.round(ms)), provisional: false, provisionalYears: [] };
}
