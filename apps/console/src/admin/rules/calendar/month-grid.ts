// The calendar screen's month view as plain data: weeks from Monday to Sunday, each day with what it is for working
// time (a weekday, a weekend, a holiday, a 调休 make-up working day), and what an admin may do with it.
import { localDateOf } from '@haochaping/working-time';

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKE_UP_WORKDAY';
/** What the API's POST …/days (kind) or DELETE …/days/:date can do with a day. */
export type DayAction = 'ADD_HOLIDAY' | 'ADD_MAKE_UP_WORKDAY' | 'REMOVE';

export interface YearDays {
  readonly holidays: readonly string[];
  readonly makeUpWorkdays: readonly string[];
}

export interface DayCell {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly day: number;
  /** 1 = Monday … 7 = Sunday */
  readonly isoWeekday: number;
  readonly kind: DayKind;
  readonly isToday: boolean;
}

/** A week of seven slots; a slot outside the month is null. */
export type Week = ReadonlyArray<DayCell | null>;

const pad = (value: number) => String(value).padStart(2, '0');
export const dateOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The ISO weekday of a date (the date itself, no time zone involved). */
export function isoWeekdayOf(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function dayKindOf(date: string, days: YearDays): DayKind {
  if (days.holidays.includes(date)) return 'HOLIDAY';
  if (days.makeUpWorkdays.includes(date)) return 'MAKE_UP_WORKDAY';
  return isoWeekdayOf(date) >= 6 ? 'WEEKEND' : 'WORKDAY';
}

/** The weeks of a month (1–12), Monday first; `today` (`YYYY-MM-DD`, Beijing) is marked. */
export function monthGrid(year: number, month: number, days: YearDays, today?: string): Week[] {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weeks: Array<Array<DayCell | null>> = [];
  let week: Array<DayCell | null> = Array.from({ length: isoWeekdayOf(dateOf(year, month, 1)) - 1 }, () => null);
  for (let day = 1; day <= length; day += 1) {
    const date = dateOf(year, month, day);
    week.push({ date, day, isoWeekday: isoWeekdayOf(date), kind: dayKindOf(date, days), isToday: date === today });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/**
 * What an admin may do with a day, as the API allows it: a weekday can become a holiday, a weekend day a make-up
 * working day, and either back.
 */
export function dayActions(kind: DayKind): DayAction[] {
  switch (kind) {
    case 'WORKDAY':
      return ['ADD_HOLIDAY'];
    case 'WEEKEND':
      return ['ADD_MAKE_UP_WORKDAY'];
    case 'HOLIDAY':
    case 'MAKE_UP_WORKDAY':
      return ['REMOVE'];
  }
}

/** Days off and make-up days per month (1–12), for the month headers. */
export function monthCounts(year: number, days: YearDays): Array<{ month: number; holidays: number; makeUpWorkdays: number }> {
  return Array.from({ length: 12 }, (_, index) => {
    const prefix = `${year}-${pad(index + 1)}-`;
    return {
      month: index + 1,
      holidays: days.holidays.filter((date) => date.startsWith(prefix)).length,
      makeUpWorkdays: days.makeUpWorkdays.filter((date) => date.startsWith(prefix)).length,
    };
  });
}

/** Today's date in Beijing, whatever the browser's zone. */
export function beijingToday(now: Date = new Date()): string {
  return localDateOf(now);
}
