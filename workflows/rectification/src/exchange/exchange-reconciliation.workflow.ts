import { proxyActivities } from '@temporalio/workflow';
import {
  DEFAULT_EXCHANGE_RECONCILIATION_DAYS,
  exchangeReconciliationDays,
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

/**
 * One run of the upward exchange's count reconciliation (exchange-reconciliation.contract.ts): each day in turn, our
 * counts per hall and type against the upstream's, the day's comparison stored. No timers: the schedule (daily) or
 * the county's 立即核对 decides when it runs.
 */
export async function exchangeReconciliationWorkflow(input: ExchangeReconciliationInput = {}): Promise<ExchangeReconciliationSummary> {
  const days = input.days ?? exchangeReconciliationDays(new Date(Date.now()), input.lookbackDays ?? DEFAULT_EXCHANGE_RECONCILIATION_DAYS);
  const results: ExchangeDayResult[] = [];
  for (const day of days) results.push(await reconcileExchangeDay(day));
  return { days: results, differences: results.reduce((sum, day) => sum + day.differences.length, 0) };
}
