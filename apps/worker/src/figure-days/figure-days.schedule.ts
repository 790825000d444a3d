import { ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';
import { ensureSchedule } from '../temporal/ensure-schedule';

export const FIGURE_DAYS_SCHEDULE_ID = 'figure-days';

/**
 * The schedule of the results' daily aggregates: every 30 minutes. Reads are exact without it (a day not settled is
 * counted live); it only makes them fast. A run still going at the next one is not doubled (SKIP).
 */
export function figureDaysSchedule(taskQueue: string, scheduleId = FIGURE_DAYS_SCHEDULE_ID): ScheduleOptions {
  return {
    scheduleId,
    spec: { intervals: [{ every: '30 minutes' }] },
    action: { type: 'startWorkflow', workflowType: 'figureDaysWorkflow', taskQueue, workflowExecutionTimeout: '3 hours' },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '30 minutes' },
  };
}

/** Creates the schedule, or brings an existing one up to date: safe at every worker start. */
export async function ensureFigureDaysSchedule(connection: ConnectionLike, namespace: string, taskQueue: string, scheduleId = FIGURE_DAYS_SCHEDULE_ID): Promise<'created' | 'updated'> {
  return ensureSchedule(connection, namespace, figureDaysSchedule(taskQueue, scheduleId));
}
