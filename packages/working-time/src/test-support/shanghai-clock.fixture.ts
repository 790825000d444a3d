import { MS_PER_MINUTE, SHANGHAI_OFFSET_MS } from '../shanghai-time.util';

/** `'2026-03-06 16:30'` (or with `:ss`) read as Shanghai wall-clock time. */
export function at(localDateTime: string): Date {
  const instant = new Date(`${localDateTime.replace(' ', 'T')}+08:00`);
  if (Number.isNaN(instant.getTime())) {
    throw new Error(`Bad test time ${localDateTime}`);
  }
  return instant;
}

/** The Shanghai wall-clock reading of an instant, `YYYY-MM-DD HH:mm` (`:ss` when not on a minute). */
export function shanghai(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const withSeconds = instant.getTime() % MS_PER_MINUTE !== 0;
  return `${local.slice(0, 10)} ${local.slice(11, withSeconds ? 19 : 16)}`;
}
