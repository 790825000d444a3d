import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, migrate, prepareClusterTemporal, seed, startEmbeddedPostgres, startTemporalDevServer, startTemporalServer, SupervisedProcess, waitUntil } from '@haochaping/devstack';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export type BenchTemporal = 'dev' | 'postgres';

export interface BenchStack {
  databaseUrl: string;
  apiUrl: string;
  temporalAddress: string;
  /** Which Temporal server: the dev server (the default profile) or the Temporal server on PostgreSQL (the production one). */
  temporal: BenchTemporal;
  dataKey: Buffer;
  /** The worker process, when asked for (its pid to read its memory). */
  workerPid?: number;
  /** Starts the worker now (a stack started without it), with `env` besides the stack's; its pid. Stopped by stop(). */
  startWorker(env?: Record<string, string>): number | undefined;
  stop(): Promise<void>;
}

/**
 * The real stack a benchmark runs against, private to the run: embedded PostgreSQL in a temporary directory
 * (migrated, reference data seeded, no demo data), a headless Temporal dev server — or, with `temporal: 'postgres'`,
 * the Temporal server on the same PostgreSQL as `npm run start:cluster` runs it — and the built API as its own
 * process (node apps/api/dist/main.js), exactly as `npm start` runs it. Everything is removed by stop().
 */
export async function startBenchStack(
  options: { apiEnv?: Record<string, string>; apiNodeArgs?: string[]; worker?: boolean; workerEnv?: Record<string, string>; temporal?: BenchTemporal } = {},
): Promise<BenchStack> {
  const temporalKind = options.temporal ?? 'dev';
  const dir = mkdtempSync(path.join(tmpdir(), 'hcp-bench-'));
  chmodSync(dir, 0o755); // PostgreSQL may run as another user (root → postgres) and must reach its data dir
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), logFile: path.join(dir, 'pg.log') });
    stops.push(() => pg.stop());
    await pg.ensureDatabase('bench');
    const databaseUrl = pg.url('bench');
    const dataKey = randomBytes(32);
    migrate(databaseUrl);
    await seed(databaseUrl, { demo: false, dataKey });

    const temporal =
      temporalKind === 'dev'
        ? await startTemporalDevServer({ port: await freePort() })
        : await prepareClusterTemporal({ adminUrl: pg.url('postgres'), embedded: true, port: await freePort(), dataDir: dir, logFile: path.join(dir, 'temporal.log'), namespace: 'default' }).then(({ tools, settings }) =>
            startTemporalServer(tools, settings),
          );
    stops.push(() => temporal.stop());

    const serviceEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      DATA_ENCRYPTION_KEY: dataKey.toString('base64'),
      AUTH_TOKEN_SECRET: randomBytes(32).toString('base64'),
      APP_MODE: 'production',
    };
    const startWorker = (env: Record<string, string> = {}) => {
      const worker = new SupervisedProcess('worker', process.execPath, [path.join(REPO_ROOT, 'apps', 'worker', 'dist', 'main.js')], {
        cwd: REPO_ROOT,
        env: { ...serviceEnv, ...env },
        logFile: path.join(dir, 'worker.log'),
      });
      stops.push(() => worker.stop());
      return worker.pid;
    };
    const workerPid = options.worker ? startWorker(options.workerEnv) : undefined;
    const apiPort = await freePort();
    const api = new SupervisedProcess('api', process.execPath, [...(options.apiNodeArgs ?? []), path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js')], {
      cwd: REPO_ROOT,
      env: { ...serviceEnv, API_PORT: String(apiPort), ...options.apiEnv },
      logFile: path.join(dir, 'api.log'),
    });
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitUntil('the API', async () => {
      if (!api.running) throw new Error(`the API exited while starting:\n${api.tail()}`);
      return (await fetch(`${apiUrl}/api/health`).catch(() => undefined))?.ok ?? false;
    }, 60_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${api.tail()}`);
    });
    return { databaseUrl, apiUrl, temporalAddress: temporal.address, temporal: temporalKind, dataKey, workerPid, startWorker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
