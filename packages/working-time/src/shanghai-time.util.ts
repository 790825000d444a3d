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
