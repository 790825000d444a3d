/**
 * The upward exchange (docs/EXCHANGE.md, issue 15): the worker's exchangeDeliveryWorkflow delivers the outbox rows
 * (table exchange_delivery) to the upstream 好差评 systems in rounds, each round one activity call.
 */

/** The one delivery loop's workflow id: starting it again while it runs keeps the running one. */
export const EXCHANGE_DELIVERY_WORKFLOW_ID = 'exchange-delivery';

export interface ExchangeDeliverySettings {
  /** Records per POST (EXCHANGE_BATCH_SIZE, 1–500). */
  batchSize: number;
  /** Pause when nothing is left to send (EXCHANGE_INTERVAL_MS). */
  intervalMs: number;
  /** After a transport failure the pause starts here and doubles, up to maxBackoffMs (EXCHANGE_MAX_BACKOFF_MS). */
  maxBackoffMs: number;
  /** Rounds before the workflow continues as new, which keeps its history short. */
  roundsPerRun: number;
}

export interface ExchangeDeliveryInput {
  settings: ExchangeDeliverySettings;
  /** The pause in force when the previous run continued as new (a back-off carries over). */
  backoffMs?: number;
}

/** What one round did. */
export interface ExchangeRoundResult {
  /** Rows claimed and sent (0: nothing pending). */
  claimed: number;
  delivered: number;
  /** Rows refused by the upstream in this round (dead or left for another attempt). */
  refused: number;
  /** Rows turned DEAD in this round (refused for good, or pending past the dead-letter time). */
  dead: number;
  /** The batch got no per-record answer (5xx, timeout, connection refused): its rows stay PENDING. */
  transportFailed: boolean;
}

export interface ExchangeActivities {
  /** Claims the oldest pending rows, sends them in one POST, and records every answer. */
  deliverExchangeBatch(batchSize: number): Promise<ExchangeRoundResult>;
}
