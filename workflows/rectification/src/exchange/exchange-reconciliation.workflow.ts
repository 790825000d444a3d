import { proxyActivities } from '@temporalio/workflow';
import { localDateOf } from '@haochaping/working-time';
import {
  DEFAULT_EXCHANGE_RECONCILIATION_DAYS,
  type ExchangeDayResult,
  type ExchangeReconciliationActivities,
  type ExchangeReconciliationInput,
  type ExchangeReconciliationSummary,
} from '@haochaping/contracts';

// One day is one upstream call and one count: retried while the upstream or the database is away for a while; a run
// that cannot finish fails, and the next day's run checks the same days again.
const { reconcileExchangeDay } = proxyActivities<ExchangeReconciliationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5, nonRetryableErrorTypes: ['ERR_EXCHANGE_NOT_CONFIGURED'] },
});

const DAY_MS = 86_400_000;

/** The last `count` Asia/Shanghai days up to the workflow's today, oldest first. */
export function lastDays(count: number, now: number): string[] {
  return Array.from({ length: count }, (_, index) => localDateOf(new Date(now - (count - 1 - index) * DAY_MS)));
}

/**
 * One run of the upward exchange's count reconciliation (exchange-reconciliation.contract.ts): each day in turn, our
 * counts per hall and type against the upstream's, the day's comparison stored. No timers: the schedule (daily) or
 * the county's 立即核对 decides when it runs.
 */
export async function exchangeReconciliationWorkflow(input: ExchangeReconciliationInput = {}): Promise<ExchangeReconciliationSummary> {
  const days = input.days ?? lastDays(input.lookbackDays ?? DEFAULT_EXCHANGE_RECONCILIATION_DAYS, Date.now());
  const results: ExchangeDayResult[] = [];
  for (const day of days) results.push(await reconcileExchangeDay(day));
  return { days: results, differences: results.reduce((sum, day) => sum + day.differences.length, 0) };
}
