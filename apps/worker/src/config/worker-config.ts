import { dataKeyFromEnv } from '@haochaping/privacy';

/** Everything the worker reads from its environment (README, "Configuration"). */
export class WorkerConfig {
  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly temporalNamespace: string,
    readonly taskQueue: string,
    /** Open workflows kept in memory; each costs ~0.1-0.5 MB, so this bounds the worker's size. */
    readonly maxCachedWorkflows: number,
    /** 256-bit key for names and phones at rest (DATA_ENCRYPTION_KEY), to send SMS to encrypted numbers. */
    readonly dataKey: Buffer,
  ) {}
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL).');
  return new WorkerConfig(
    databaseUrl,
    env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    env.TEMPORAL_NAMESPACE || 'default',
    env.TEMPORAL_TASK_QUEUE || 'rectification',
    Number(env.WORKER_MAX_CACHED_WORKFLOWS || 1000),
    dataKeyFromEnv(env),
  );
}
