import { UNREACHABLE_AFTER_WORKING_DAYS, type CallbackAttempt } from '@haochaping/contracts';
import { localDateOf } from '@haochaping/working-time';
import { activities } from './activity-stubs';

/** The distinct Asia/Shanghai dates of the unreached attempts, in order. */
export function unreachedAttemptDates(attempts: readonly CallbackAttempt[]): string[] {
  return [...new Set(attempts.filter((attempt) => !attempt.reached).map((attempt) => localDateOf(new Date(attempt.at))))].sort();
}

/**
 * When the unreached attempts first covered UNREACHABLE_AFTER_WORKING_DAYS different working days (the attempt that
 * did it), or null. Attempts may be recorded late and out of order, so they are taken in the order they happened;
 * an attempt on a day off (a weekend, a holiday) is kept as proof but does not count.
 */
export function unreachableSince(attempts: readonly CallbackAttempt[], isWorkingDay: (date: string) => boolean): string | null {
  const days = new Set<string>();
  const unreached = attempts.filter((attempt) => !attempt.reached).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const attempt of unreached) {
    const date = localDateOf(new Date(attempt.at));
    if (!isWorkingDay(date)) continue;
    days.add(date);
    if (days.size >= UNREACHABLE_AFTER_WORKING_DAYS) return attempt.at;
  }
  return null;
}

/**
 * Which dates are working days at a hall, from its calendar. The workflow has no calendar of its own: it asks the
 * computeDeadline activity for a zero-length working clock from the date's midnight, which is due when office time
 * next begins; that falls on the same date only on a working day. Answers are remembered (the same in a replay,
 * which rebuilds the memory from the recorded activity results).
 */
export class WorkingDays {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly hallCode: string) {}

  async check(dates: readonly string[]): Promise<(date: string) => boolean> {
    const unknown = dates.filter((date) => !this.known.has(date));
    const answers = await Promise.all(
      unknown.map((date) => activities.computeDeadline({ hallCode: this.hallCode, from: `${date}T00:00:00+08:00`, clock: { amount: 0, unit: 'WORKING_HOURS' } })),
    );
    unknown.forEach((date, index) => this.known.set(date, localDateOf(new Date(answers[index].dueAt)) === date));
    return (date) => this.known.get(date) === true;
  }
}
