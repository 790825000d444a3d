import type { CalendarYear, Prisma, PrismaClient } from '@prisma/client';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type WorkingCalendar, type YearCalendar } from '@haochaping/working-time';

// The working-time calendar as the county maintains it in PostgreSQL, turned into the plain data that
// @haochaping/working-time computes with. The API and the worker both build their WorkingTime from here.

/** `YYYY-MM-DD` of a `@db.Date` value (Prisma hands dates back as UTC midnight). */
function toLocalDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function fromLocalDate(localDate: string): Date {
  return new Date(`${localDate}T00:00:00.000Z`);
}

export function toYearCalendar(row: CalendarYear): YearCalendar {
  return {
    year: row.year,
    holidays: row.holidays.map(toLocalDate),
    makeUpWorkdays: row.makeUpWorkdays.map(toLocalDate),
    source: row.source === 'OFFICIAL' ? 'official' : 'provisional',
    ...(row.notice ? { notice: row.notice } : {}),
  };
}

/** The row for a year calendar (seed, and later the admin screen). */
export function toCalendarYearData(calendar: YearCalendar): Prisma.CalendarYearCreateInput {
  return {
    year: calendar.year,
    holidays: calendar.holidays.map(fromLocalDate),
    makeUpWorkdays: calendar.makeUpWorkdays.map(fromLocalDate),
    source: calendar.source === 'official' ? 'OFFICIAL' : 'PROVISIONAL',
    notice: calendar.notice ?? null,
  };
}

/**
 * A hall's stored office hours. Only the outline is checked here (an object of weekday → period list);
 * WorkingTime validates the times themselves and throws a RangeError on bad data.
 */
export function toOfficeHours(value: Prisma.JsonValue | null | undefined): OfficeHours {
  if (value === null || value === undefined) return DEFAULT_OFFICE_HOURS;
  if (typeof value !== 'object' || Array.isArray(value)) throw new RangeError('Office hours must be an object of ISO weekday → periods');
  for (const periods of Object.values(value)) {
    const valid =
      Array.isArray(periods) &&
      periods.every((period) => typeof period === 'object' && period !== null && !Array.isArray(period) && typeof period.start === 'string' && typeof period.end === 'string');
    if (!valid) throw new RangeError('Office hours: each weekday needs a list of { start, end } periods');
  }
  return value;
}

export async function loadYearCalendars(prisma: PrismaClient): Promise<YearCalendar[]> {
  const rows = await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } });
  return rows.map(toYearCalendar);
}

/** The working calendar of one hall, or undefined when no hall has that code. */
export async function loadWorkingCalendar(prisma: PrismaClient, hallCode: string): Promise<WorkingCalendar | undefined> {
  const [hall, years] = await Promise.all([
    prisma.hall.findUnique({ where: { code: hallCode }, select: { officeHours: true } }),
    loadYearCalendars(prisma),
  ]);
  return hall ? { officeHours: toOfficeHours(hall.officeHours), years } : undefined;
}
