/** A share as a fraction with four decimals (0.8571), or null when there is nothing to divide: no rate is not 0%. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

const DAY_MS = 86_400_000;

/** The period asked for, or the 30 days before now; `to` is exclusive. */
export function statisticsPeriod(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const end = to ?? now;
  return { from: from ?? new Date(end.getTime() - 30 * DAY_MS), to: end };
}
