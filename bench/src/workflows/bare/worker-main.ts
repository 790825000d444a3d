/**
 * The bare baseline's worker (bench/workflows, P2), its own process as the real worker is, with the real worker's
 * cache size. Forked by the bench (bare-worker.ts): it says `ready` once polling, then what its activities hear.
 *   TEMPORAL_ADDRESS, BARE_TASK_QUEUE, WORKER_MAX_CACHED_WORKFLOWS (default 1000, as apps/worker)
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { bareActivities } from './activities';
import type { BareMessage } from './bare-worker';

async function main(): Promise<void> {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const send = (message: BareMessage) => process.send?.(message);
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.BARE_TASK_QUEUE ?? 'bench-bare',
    workflowsPath: require.resolve('./workflows'),
    activities: bareActivities({ projected: (reviewId) => send({ projected: reviewId }), fired: (dueAt, lateMs) => send({ fired: dueAt, lateMs }) }),
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS || 1000),
  });
  process.on('disconnect', () => worker.shutdown());
  const running = worker.run();
  send({ ready: true });
  await running;
  await connection.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
