import { Transform } from 'class-transformer';

// Instants cross the API as ISO 8601 with an explicit offset (DOMAIN.md); a local time without one would be
// read in the server's timezone, which is exactly the ambiguity the offset is there to remove.
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** A strict ISO 8601 instant with offset (`Z` or `±HH:MM`), or undefined: no rolled-over dates like 02-30. */
export function parseIsoInstant(value: string): Date | undefined {
  const match = ISO_INSTANT.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millisecond = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(match[10] ?? 0);
  const offsetMinutes = Number(match[11] ?? 0);
  const wallClockMs = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const wallClock = new Date(wallClockMs);
  const exact =
    wallClock.getUTCFullYear() === year && wallClock.getUTCMonth() === month - 1 && wallClock.getUTCDate() === day &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
  if (!exact) return undefined;
  const offsetMs = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(wallClockMs - offsetMs);
}

/** Turns a valid ISO instant into a Date and leaves anything else as it was, for `@IsDate` to refuse. */
export const ToInstant = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseIsoInstant(value.trim()) ?? value) : value));

/** Query parameters arrive as text: a plain decimal becomes a number, anything else stays text for the validators to refuse. */
export const ToDecimal = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value));
