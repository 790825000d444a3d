import type { CalendarYear, Prisma, PrismaClient } from '@prisma/client';
import { DEFAULT_OFFICE_HOURS, WorkingTime, type OfficeHours, type WorkingCalendar, type YearCalendar } from '@haochaping/working-time';
import { MasterDataCache, type MasterDataVersion } from './master-data-version';

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

/** The working calendar of one hall, or undefined when no hall has that code (read now, not cached). */
export async function loadWorkingCalendar(prisma: PrismaClient, hallCode: string): Promise<WorkingCalendar | undefined> {
  const [hall, years] = await Promise.all([
    prisma.hall.findUnique({ where: { code: hallCode }, select: { officeHours: true } }),
    loadYearCalendars(prisma),
  ]);
  return hall ? { officeHours: toOfficeHours(hall.officeHours), years } : undefined;
}

interface HallOfficeHours {
  readonly id: string;
  readonly code: string;
  readonly officeHours: Prisma.JsonValue;
}

/** Every hall's stored office hours and the calendar years of one read; a hall's WorkingTime is built on first use. */
class CalendarSnapshot {
  private readonly hallsByCode: ReadonlyMap<string, HallOfficeHours>;
  private readonly hallsById: ReadonlyMap<string, HallOfficeHours>;
  private readonly workingTimes = new Map<string, WorkingTime>();

  constructor(
    halls: readonly HallOfficeHours[],
    readonly years: readonly YearCalendar[],
  ) {
    this.hallsByCode = new Map(halls.map((hall) => [hall.code, hall]));
    this.hallsById = new Map(halls.map((hall) => [hall.id, hall]));
  }

  hallByCode(code: string): HallOfficeHours | undefined {
    return this.hallsByCode.get(code);
  }

  hallById(id: string): HallOfficeHours | undefined {
    return this.hallsById.get(id);
  }

  /** Throws a RangeError when the hall's office hours or a calendar year are unusable (only that hall fails). */
  workingTimeOf(hall: HallOfficeHours): WorkingTime {
    let workingTime = this.workingTimes.get(hall.id);
    if (!workingTime) {
      workingTime = new WorkingTime({ officeHours: toOfficeHours(hall.officeHours), years: this.years });
      this.workingTimes.set(hall.id, workingTime);
    }
    return workingTime;
  }
}

/**
 * How the API and the worker read a hall's working time: every hall's office hours and the county's calendar years
 * from PostgreSQL, kept until the master data changes (MasterDataCache, invalidated by the master_data_changed
 * NOTIFY), one WorkingTime per hall and version. The callers only turn its answers into their own failures.
 */
export class WorkingCalendarCache {
  private readonly snapshot: MasterDataCache<CalendarSnapshot>;

  constructor(prisma: PrismaClient, version: MasterDataVersion) {
    this.snapshot = new MasterDataCache(version, async () => {
      const [halls, years] = await Promise.all([prisma.hall.findMany({ select: { id: true, code: true, officeHours: true } }), loadYearCalendars(prisma)]);
      return new CalendarSnapshot(halls, years);
    });
  }

  /**
   * The working time of the hall with this code, undefined when there is none. A miss asks the database for its
   * version first, so a hall another process created a moment ago is found. Throws a RangeError when the hall's
   * stored office hours or the calendar rows are unusable.
   */
  byHallCode(code: string): Promise<WorkingTime | undefined> {
    return this.find((snapshot) => snapshot.hallByCode(code));
  }

  /** The same, by the hall's id (a stored row's reference). */
  byHallId(id: string): Promise<WorkingTime | undefined> {
    return this.find((snapshot) => snapshot.hallById(id));
  }

  /** The stored calendar years (years without a row fall back to the statutory calendar). */
  async years(): Promise<readonly YearCalendar[]> {
    return (await this.snapshot.get()).years;
  }

  private async find(pick: (snapshot: CalendarSnapshot) => HallOfficeHours | undefined): Promise<WorkingTime | undefined> {
    let snapshot = await this.snapshot.get();
    let hall = pick(snapshot);
    if (!hall) {
      snapshot = await this.snapshot.refresh();
      hall = pick(snapshot);
    }
    return hall && snapshot.workingTimeOf(hall);
  }
}

/**
 * Every hall's working time by id, read once (a script's or a test's view of the calendar; the API and the worker
 * keep theirs in WorkingCalendarCache, renewed on master-data changes).
 */
export function hallWorkingTimes(prisma: PrismaClient): (hallId: string) => Promise<WorkingTime> {
  const loaded = Promise.all([prisma.hall.findMany({ select: { id: true, officeHours: true } }), loadYearCalendars(prisma)]).then(
    ([halls, years]) => new Map(halls.map((hall) => [hall.id, new WorkingTime({ officeHours: toOfficeHours(hall.officeHours), years })])),
  );
  return async (hallId) => {
    const workingTime = (await loaded).get(hallId);
    if (!workingTime) throw new Error(`hall ${hallId} is not in the master data`);
    return workingTime;
  };
}
