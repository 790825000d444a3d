// Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact for every
// date this package supports, and it keeps results independent of the machine's TZ and of ICU data.
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MS_PER_MINUTE = 60 * 1000;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since 1970-01-01T00:00 Shanghai wall-clock time; lets UTC getters read local fields. */
export function toLocalMs(instant: Date): number {
  return instant.getTime() + SHANGHAI_OFFSET_MS;
}

export function fromLocalMs(localMs: number): Date {
  return new Date(localMs - SHANGHAI_OFFSET_MS);
}

/** Days since 1970-01-01 in Shanghai; the key every calendar lookup uses. */
export function localDayNumberOf(localMs: number): number {
  return Math.floor(localMs / MS_PER_DAY);
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

export function isoWeekdayOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function formatDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist (2026-02-30). */
export function parseLocalDate(localDate: string): number {
  const match = LOCAL_DATE_PATTERN.exec(localDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(year, month - 1, day);
    const dayNumber = ms / MS_PER_DAY;
    if (formatDayNumber(dayNumber) === localDate) {
      return dayNumber;
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(localDate)}`);
}

/** The Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function localDateOf(instant: Date): string {
  return formatDayNumber(localDayNumberOf(toLocalMs(assertValidInstant(instant, 'instant'))));
}

export function assertValidInstant(instant: Date, name: string): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} must be a valid Date`);
  }
  return instant;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** `2026-03-09T09:30:00+08:00`: the instant as Asia/Shanghai wall-clock time (milliseconds only when not zero). */
export function formatShanghaiInstant(instant: Date): string {
  const local = new Date(toLocalMs(assertValidInstant(instant, 'instant'))).toISOString();
  return `${local.endsWith('.000Z') ? local.slice(0, -5) : local.slice(0, -1)}+08:00`;
}

/** `2026-03-09 09:30`: date and minute in Asia/Shanghai, as staff read a time in a list or a message. */
export function formatShanghaiMinute(instant: Date): string {
  return new Date(toLocalMs(assertValidInstant(instant, 'instant'))).toISOString().slice(0, 16).replace('T', ' ');
}

/** `2026年3月9日 09:30`: an instant as a citizen reads it in a message (Asia/Shanghai). */
export function formatChineseDateTime(instant: Date): string {
  const local = new Date(toLocalMs(assertValidInstant(instant, 'instant')));
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
}

/** Midnight (Asia/Shanghai) starting the day, the month or the year the instant falls in. */
export function startOfShanghai(unit: 'day' | 'month' | 'year', instant: Date): Date {
  const local = new Date(toLocalMs(assertValidInstant(instant, 'instant')));
  const year = local.getUTCFullYear();
  if (unit === 'year') return fromLocalMs(Date.UTC(year, 0, 1));
  if (unit === 'month') return fromLocalMs(Date.UTC(year, local.getUTCMonth(), 1));
  return fromLocalMs(Date.UTC(year, local.getUTCMonth(), local.getUTCDate()));
}

/**
 * How every screen shows a date and time (react-admin's `DateField options`, `Intl.DateTimeFormat`): Asia/Shanghai
 * whatever the browser's zone, short date and minute.
 */
export const SHANGHAI_DATE_TIME_FORMAT = { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' } as const;
