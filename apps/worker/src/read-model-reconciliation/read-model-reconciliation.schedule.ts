import { ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';
import { READ_MODEL_RECONCILIATION_SCHEDULE_ID, READ_MODEL_RECONCILIATION_WORKFLOW_TYPE, type ReconciliationInput } from '@haochaping/contracts';
import { ensureSchedule } from '../temporal/ensure-schedule';

/**
 * The reconciler's schedule: every day at 02:30 Shanghai time, when nobody works on cases, so the runs' queries and the
 * repairs meet no traffic. A run still going at the next one is not doubled (SKIP); a day missed while Temporal was
 * away is caught up within 6 hours, not later (the next day's run checks the same cases).
 */
export function readModelReconciliationSchedule(taskQueue: string, scheduleId = READ_MODEL_RECONCILIATION_SCHEDULE_ID): ScheduleOptions {
  const input: ReconciliationInput = { trigger: 'SCHEDULE' };
  return {
    scheduleId,
    spec: { calendars: [{ hour: 2, minute: 30 }], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: READ_MODEL_RECONCILIATION_WORKFLOW_TYPE, taskQueue, args: [input], workflowExecutionTimeout: '6 hours' },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '6 hours' },
  };
}

/** Creates the schedule, or brings an existing one up to date (task queue, time): safe at every worker start. */
export async function ensureReadModelReconciliationSchedule(
  connection: ConnectionLike,
  namespace: string,
  taskQueue: string,
  scheduleId = READ_MODEL_RECONCILIATION_SCHEDULE_ID,
): Promise<'created' | 'updated'> {
  return ensureSchedule(connection, namespace, readModelReconciliationSchedule(taskQueue, scheduleId));
}
