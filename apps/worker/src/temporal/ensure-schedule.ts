import { Client, ScheduleAlreadyRunning, type ConnectionLike, type ScheduleOptions } from '@temporalio/client';

/**
 * Creates a schedule, or brings an existing one up to its options (spec, action — a new task queue included — and
 * policies), keeping what Temporal holds beside them (its state, notes): safe at every worker start. Every schedule
 * the worker owns is set up through here.
 */
export async function ensureSchedule(connection: ConnectionLike, namespace: string, options: ScheduleOptions): Promise<'created' | 'updated'> {
  const client = new Client({ connection, namespace });
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(options.scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies } }));
    return 'updated';
  }
}
