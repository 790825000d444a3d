import { BARE_TASK_QUEUE, eachConcurrently, startBareWorker } from './bare-worker';
import { bareCase } from './workflows';

export interface SustainedStarts {
  workflows: number;
  startsPerSecond: number;
  allStartedSeconds: number;
}

/**
 * P2's bare baseline: `count` bare cases (workflows.ts) started as fast as `connections` concurrent starters send
 * them, until every one has made its first projection — what bench:workflows' sustained starts measure of the real
 * workflow, without the intake, the outbox or any database work. Terminated afterwards, so the next measurements
 * find the server as before.
 */
export async function bareSustainedStarts(temporalAddress: string, count: number, run: string, connections = 16): Promise<SustainedStarts> {
  const worker = await startBareWorker(temporalAddress);
  const ids = Array.from({ length: count }, (_, n) => `bare-${run}-${n}`);
  try {
    const t0 = performance.now();
    await eachConcurrently(ids, connections, (id) => worker.client.workflow.start(bareCase, { taskQueue: BARE_TASK_QUEUE, workflowId: id, args: [id] }));
    await worker.until((heard) => heard.filter((message) => 'projected' in message).length >= count);
    const seconds = (performance.now() - t0) / 1000;
    return { workflows: count, startsPerSecond: Math.round(count / seconds), allStartedSeconds: Math.round(seconds * 10) / 10 };
  } finally {
    await eachConcurrently(ids, connections, (id) => worker.client.workflow.getHandle(id).terminate('bench: the bare baseline is measured').catch(() => undefined));
    await worker.stop();
  }
}
