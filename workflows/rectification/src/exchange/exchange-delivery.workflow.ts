import { condition, continueAsNew, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import { EXCHANGE_DELIVER_NOW_SIGNAL, type ExchangeActivities, type ExchangeDeliveryInput } from '@haochaping/contracts';

/** Ends the loop's rest: 上报管理 sends it after a re-send, so the requeued rows go at once. */
export const exchangeDeliverNowSignal = defineSignal(EXCHANGE_DELIVER_NOW_SIGNAL);

// One round claims, posts and records in one transaction (bounded by the HTTP time limit): a round that fails for
// want of the database is retried for as long as it is away; the upstream being away is an answer, not a failure.
const { deliverExchangeBatch } = proxyActivities<ExchangeActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The upward exchange's delivery loop (docs/EXCHANGE.md, issue 15), one per namespace (EXCHANGE_DELIVERY_WORKFLOW_ID),
 * started by the worker. Each round delivers the oldest pending outbox rows; a full batch is followed at once by the
 * next, a short one by `intervalMs` of rest. While the upstream is away (a batch without per-record answers) the rest
 * starts at `intervalMs` and doubles up to `maxBackoffMs`; the first answered batch ends the back-off. After
 * `roundsPerRun` rounds it continues as new (with the back-off in force), so its history stays short. A rest is cut
 * short by exchangeDeliverNowSignal (上报管理's re-send).
 */
export async function exchangeDeliveryWorkflow(input: ExchangeDeliveryInput): Promise<void> {
  const { settings } = input;
  let backoffMs = input.backoffMs ?? 0;
  let deliverNow = false;
  setHandler(exchangeDeliverNowSignal, () => {
    deliverNow = true;
  });
  // The same timer as a plain sleep (so a history written before the signal replays), ended early by the signal.
  const rest = async (ms: number) => {
    await condition(() => deliverNow, ms);
    deliverNow = false;
  };
  for (let round = 0; round < settings.roundsPerRun; round++) {
    const result = await deliverExchangeBatch(settings.batchSize);
    if (result.transportFailed) {
      backoffMs = backoffMs === 0 ? settings.intervalMs : Math.min(backoffMs * 2, settings.maxBackoffMs);
      await rest(backoffMs);
      continue;
    }
    backoffMs = 0;
    if (result.claimed < settings.batchSize) await rest(settings.intervalMs);
  }
  await continueAsNew<typeof exchangeDeliveryWorkflow>({ settings, backoffMs });
}
