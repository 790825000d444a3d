import { formatChineseDateTime } from '@haochaping/working-time';

// Dates as a citizen reads them: Beijing time, Chinese order, whatever the phone's own time zone.
/** `2026-11-28T09:05:00+08:00` → `2026年11月28日 09:05`; anything unparsable is shown as it came. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatChineseDateTime(date);
}
