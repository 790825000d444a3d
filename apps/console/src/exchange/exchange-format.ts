/** A wait in seconds as the screen says it: seconds under two minutes, minutes under two hours, else hours. */
export function durationParts(seconds: number): { unit: 'seconds' | 'minutes' | 'hours'; value: number } {
  if (seconds < 120) return { unit: 'seconds', value: Math.round(seconds) };
  if (seconds < 7_200) return { unit: 'minutes', value: Math.round(seconds / 60) };
  return { unit: 'hours', value: Math.round(seconds / 3_600) };
}

/** `2026-12-07T10:30:00+08:00` → `2026-12-07 10:30` (the API answers Shanghai time). */
export const shortTime = (instant: string) => instant.slice(0, 16).replace('T', ' ');
