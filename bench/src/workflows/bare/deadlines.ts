import { percentiles, type Percentiles } from '../../lib/percentiles';
import { BARE_TASK_QUEUE, eachConcurrently, startBareWorker } from './bare-worker';
import { bareDeadline } from './workflows';

/**
 * P5's bare baseline: `count` bare deadlines (a timer, then an activity doing nothing) due spread over the minute
 * that starts at `dueMinute`; each one's lateness is when its activity ran minus its due time.
 */
export async function bareDeadlineLateness(temporalAddress: string, count: number, dueMinute: number, connections = 16): Promise<{ deadlines: number; lateness: Percentiles }> {
  const worker = await startBareWorker(temporalAddress);
  try {
    const ids = Array.from({ length: count }, (_, n) => n);
    await eachConcurrently(ids, connections, (n) =>
      worker.client.workflow.start(bareDeadline, { taskQueue: BARE_TASK_QUEUE, workflowId: `bare-deadline-${dueMinute}-${n}`, args: [new Date(dueMinute + Math.floor((n * 60_000) / count)).toISOString()] }),
    );
    if (Date.now() >= dueMinute) throw new Error('the bare deadlines took too long to start: the minute had begun');
    const heard = await worker.until((messages) => messages.filter((message) => 'fired' in message).length >= count);
    return { deadlines: count, lateness: percentiles(heard.flatMap((message) => ('fired' in message ? [message.lateMs] : []))) };
  } finally {
    await worker.stop();
  }
}
