import { ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';
import { EXCHANGE_RECONCILIATION_SCHEDULE_ID, EXCHANGE_RECONCILIATION_WORKFLOW_TYPE, type ExchangeReconciliationInput } from '@haochaping/contracts';
import { ensureSchedule } from '../temporal/ensure-schedule';

/**
 * The count reconciliation's schedule: every day at 03:00 Shanghai time, after the day before is complete, checking
 * the last seven days (a record delivered late changes an earlier day's count). A run still going at the next one is
 * not doubled (SKIP); a day missed while Temporal was away is caught up within 6 hours.
 */
export function exchangeReconciliationSchedule(taskQueue: string, scheduleId = EXCHANGE_RECONCILIATION_SCHEDULE_ID): ScheduleOptions {
  const input: ExchangeReconciliationInput = {};
  return {
    scheduleId,
    spec: { calendars: [{ hour: 3, minute: 0 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: EXCHANGE_RECONCILIATION_WORKFLOW_TYPE, taskQueue, args: [input], workflowExecutionTimeout: '6 hours' },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
  };
}

/** Creates the schedule, or brings an existing one up to date: safe at every worker start. */
export async function ensureExchangeReconciliationSchedule(connection: ConnectionLike, namespace: string, taskQueue: string, scheduleId = EXCHANGE_RECONCILIATION_SCHEDULE_ID): Promise<'created' | 'updated'> {
  return ensureSchedule(connection, namespace, exchangeReconciliationSchedule(taskQueue, scheduleId));
}
