const DAY_MS = 86_400_000;

/** The period asked for, or the 30 days before now; `to` is exclusive. */
export function statisticsPeriod(from: Date | undefined, to: Date | undefined, now: Date): { from: Date; to: Date } {
  const end = to ?? now;
  return { from: from ?? new Date(end.getTime() - 30 * DAY_MS), to: end };
}
