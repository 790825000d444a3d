/**
 * The upward exchange's daily count reconciliation (docs/EXCHANGE.md, issue 15): every day, and when the county asks
 * (上报管理, 立即核对), the worker's exchangeReconciliationWorkflow compares the records the county holds per hall, day
 * and type with the upstream's count of them (GET /api/v1/counts) and keeps the comparison (exchange_reconciliation).
 * A difference is re-sent on request: the API requeues that hall-day's records and the upstream's idempotency by id
 * makes a resend of what it has harmless.
 */

/** The Temporal Schedule the worker creates or updates at every start (daily, with the upstream configured). */
export const EXCHANGE_RECONCILIATION_SCHEDULE_ID = 'exchange-reconciliation';

/** The workflow type the schedule and the API start. */
export const EXCHANGE_RECONCILIATION_WORKFLOW_TYPE = 'exchangeReconciliationWorkflow';

/** A 立即核对's workflow id (one at a time: a second click while one runs is told so). */
export const EXCHANGE_RECONCILIATION_NOW_WORKFLOW_ID = 'exchange-reconciliation-now';

/** The failure type of a run on a worker with no upstream configured (UPSTREAM_URL unset): nothing to compare with. */
export const ERR_EXCHANGE_NOT_CONFIGURED = 'ERR_EXCHANGE_NOT_CONFIGURED';

/** Days a run checks when not told which: today and the days before it (Asia/Shanghai). */
export const DEFAULT_EXCHANGE_RECONCILIATION_DAYS = 7;

const DAY_MS = 86_400_000;
/** Asia/Shanghai keeps +08:00 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * The days a run checks when not told which: the last `count` Asia/Shanghai days up to `now`'s, oldest first. The
 * schedule's runs compute them from the workflow's clock, 立即核对 from the API's, so both check the same days.
 */
export function exchangeReconciliationDays(now: Date, count = DEFAULT_EXCHANGE_RECONCILIATION_DAYS): string[] {
  return Array.from({ length: count }, (_, index) => new Date(now.getTime() + SHANGHAI_OFFSET_MS - (count - 1 - index) * DAY_MS).toISOString().slice(0, 10));
}

export interface ExchangeReconciliationInput {
  /** The days to check (`YYYY-MM-DD`, Asia/Shanghai); when absent, the last `lookbackDays` days up to today. */
  days?: string[];
  lookbackDays?: number;
}

/** One hall-day-type as a check compared it. */
export interface ExchangeCountComparison {
  day: string;
  hallCode: string;
  type: string;
  ours: number;
  theirs: number;
  difference: number;
}

export interface ExchangeDayResult {
  day: string;
  /** Hall-day-types compared (on either side), and those whose counts differ. */
  compared: number;
  differences: ExchangeCountComparison[];
}

export interface ExchangeReconciliationSummary {
  days: ExchangeDayResult[];
  differences: number;
}

/** The reconciliation's activity (apps/worker/src/exchange-reconciliation); the workflow imports this type only. */
export interface ExchangeReconciliationActivities {
  /** Asks the upstream for the day's counts, counts ours, and replaces the day's rows of exchange_reconciliation. */
  reconcileExchangeDay(day: string): Promise<ExchangeDayResult>;
}

/** The record types as the county reads them (上报管理). */
export const EXCHANGE_RECORD_TYPE_LABELS: Readonly<Record<string, string>> = {
  REVIEW: '评价',
  RECTIFICATION: '整改反馈',
  REJECTION: '不予采纳',
};

/**
 * The name of the signal that tells the delivery loop to send now (exchangeDeliverNowSignal, exchange-delivery.workflow.ts):
 * 上报管理 sends it after a re-send, so the requeued rows go at once.
 */
export const EXCHANGE_DELIVER_NOW_SIGNAL = 'exchangeDeliverNow';
