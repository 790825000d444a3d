#!/usr/bin/env node
/**
 * `npm start`: brings the whole system up on embedded defaults. PostgreSQL and Temporal are started here unless
 * DATABASE_URL / TEMPORAL_ADDRESS point elsewhere; then migrations, seed data (demo data only outside production,
 * only into an empty database), the API, the worker and the console. Ctrl-C stops everything it started.
 * `--cluster` (`npm run start:cluster`): docker-compose.yml's topology natively (cluster.ts): the full Temporal server
 * on PostgreSQL instead of the dev server, two API processes behind API_PORT, two workers.
 */
import { DATA_KEY_ENV, dataKeyFromEnv, ensureDataKeyFile } from '@haochaping/privacy/server';
import { DEMO_ACCOUNT_PASSWORD, demoAccounts } from '@haochaping/db';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { Connection } from '@temporalio/client';
import { migrateIfNeeded, seed } from './database';
import { elapsed, say } from './log';
import { DATA_DIR, REPO_ROOT } from './paths';
import { freePort, isPortOpen, waitUntil } from './ports';
import { startEmbeddedPostgres, withDatabase, type EmbeddedPostgres } from './postgres';
import { ApiBalancer } from './api-balancer';
import { CLUSTER_TOPOLOGY, startClusterTemporal } from './cluster';
import { SupervisedProcess } from './supervised-process';
import { Supervisor, type ServiceDefinition } from './supervisor';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-cli';
import { TEMPORAL_SERVER_VERSION } from './temporal-server';

const env = (name: string, fallback: string) => process.env[name] || fallback;

const config = {
  databaseUrl: process.env.DATABASE_URL,
  postgresPort: Number(env('PG_PORT', '54329')),
  temporalAddress: process.env.TEMPORAL_ADDRESS,
  temporalPort: Number(env('TEMPORAL_PORT', '7233')),
  temporalUiPort: Number(env('TEMPORAL_UI_PORT', '8233')),
  temporalNamespace: env('TEMPORAL_NAMESPACE', 'default'),
  taskQueue: env('TEMPORAL_TASK_QUEUE', 'rectification'),
  apiPort: Number(env('API_PORT', '3000')),
  consolePort: Number(env('CONSOLE_PORT', '5173')),
  upstreamUrl: process.env.UPSTREAM_URL,
  upstreamPort: Number(env('UPSTREAM_PORT', '7300')),
  production: env('APP_MODE', 'development') === 'production',
};

/** `npm start -- --follow` (or FOLLOW_LOGS=1) prints the services' own output too; by default it goes to .data/logs/. */
const follow = process.argv.includes('--follow') || process.env.FOLLOW_LOGS === '1';
const cluster = process.argv.includes('--cluster');
const logFile = (name: string) => path.join(DATA_DIR, 'logs', `${name}.log`);

let shuttingDown = false;
const supervisor = new Supervisor({
  say,
  onGiveUp: () => void shutdown(1),
});

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('stopping ...');
    await supervisor.stopAll((name, error) => say(error ? `could not stop ${name}: ${error}` : `stopped ${name}`));
  }
  process.exit(code);
}

async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (await isPortOpen(port)) {
    throw new Error(`port ${port} for ${what} is already in use: stop what uses it or set ${variable}.`);
  }
}

/** A Node service of ours: spawned, then ready when `ready` answers true; stopped again if it never does. */
function nodeService(name: string, script: string, extraEnv: Record<string, string>, ready: (child: SupervisedProcess) => Promise<boolean>, cwd = REPO_ROOT): ServiceDefinition {
  return {
    name,
    logFile: logFile(name),
    start: async () => {
      const child = new SupervisedProcess(name, process.execPath, [script], { cwd, env: { ...process.env, ...extraEnv }, echo: follow, logFile: logFile(name) });
      await waitUntil(name, async () => {
        if (!child.running) throw new Error(`${name} exited while starting (${await child.whenEnded()}):\n${child.tail(10)}`);
        return ready(child);
      }, 120_000, 500).catch(async (error) => {
        await child.stop();
        throw error;
      });
      return { whenExited: () => child.whenEnded(), stop: () => child.stop() };
    },
  };
}

/** Is a worker polling the task queue (the one with process id `pid`, when given: its default identity is pid@host)? */
async function workerPolling(address: string, pid?: number): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const answer = await connection.workflowService.describeTaskQueue({
      namespace: config.temporalNamespace,
      taskQueue: { name: config.taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    return (answer.pollers ?? []).some((poller) => pid === undefined || poller.identity?.startsWith(`${pid}@`));
  } finally {
    await connection.close();
  }
}

/**
 * DATA_ENCRYPTION_KEY when set; otherwise the embedded default, a key generated into .data/secrets/ on the first
 * start (said once, loudly: without that file the encrypted names and phones cannot be read).
 */
function loadOrCreateDataKey(): Buffer {
  if (process.env[DATA_KEY_ENV]) return dataKeyFromEnv();
  const keyFile = path.join(DATA_DIR, 'secrets', 'data-encryption.key');
  const { key, created } = ensureDataKeyFile(keyFile);
  if (created) say(`data key     generated ${keyFile} (encrypts names and phones; back it up with the database, or set ${DATA_KEY_ENV})`);
  return key;
}

/** A secret kept in .data/secrets/ (mode 0600), made by `create` the first time; says whether it was just created. */
function loadOrCreateSecretFile(name: string, create: () => string): { value: string; created: boolean; file: string } {
  const file = path.join(DATA_DIR, 'secrets', name);
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), created: false, file };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const value = create();
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return { value, created: true, file };
}

/** AUTH_TOKEN_SECRET (signs the access tokens) when set; otherwise a random one generated into .data/secrets/. */
function loadOrCreateAuthSecret(): string {
  if (process.env.AUTH_TOKEN_SECRET) return process.env.AUTH_TOKEN_SECRET;
  const { value, created, file } = loadOrCreateSecretFile('auth-token.secret', () => randomBytes(32).toString('base64'));
  if (created) say(`auth secret  generated ${file} (signs sign-in tokens; or set AUTH_TOKEN_SECRET)`);
  return value;
}

/**
 * Production mode: the password of the first account `admin`, which the API creates when the database has no ADMIN
 * yet. INITIAL_ADMIN_PASSWORD when set; otherwise a random one, generated into .data/secrets/ and printed once.
 */
function initialAdminPassword(): string {
  if (process.env.INITIAL_ADMIN_PASSWORD) return process.env.INITIAL_ADMIN_PASSWORD;
  const { value, created, file } = loadOrCreateSecretFile('initial-admin-password', () => `Hcp-${randomBytes(12).toString('base64url')}-${randomInt(10, 100)}`);
  if (created) {
    say(`initial admin  user "admin", password ${value}`);
    say(`               (shown once, kept in ${file}; it must be changed at the first sign-in: then delete that file)`);
  }
  return value;
}

async function main(): Promise<void> {
  const started = Date.now();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  fs.mkdirSync(path.join(DATA_DIR, 'logs'), { recursive: true });

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    await assertPortFree(config.postgresPort, 'PostgreSQL', 'PG_PORT or DATABASE_URL');
    const options = { dataDir: path.join(DATA_DIR, 'postgres'), port: config.postgresPort, logFile: logFile('postgres') };
    let pg: EmbeddedPostgres | undefined;
    await supervisor.start({ name: 'PostgreSQL', logFile: options.logFile, start: async () => (pg = await startEmbeddedPostgres(options)) });
    await pg!.ensureDatabase('haochaping');
    databaseUrl = pg!.url('haochaping');
    say(`PostgreSQL   ready  127.0.0.1:${config.postgresPort} (embedded, data in ${path.join(DATA_DIR, 'postgres')})  ${elapsed(started)}`);
  } else {
    say('PostgreSQL   using DATABASE_URL');
  }
  const migrated = await migrateIfNeeded(databaseUrl);
  const dataKey = loadOrCreateDataKey();
  const seeded = await seed(databaseUrl, { demo: !config.production, dataKey });
  const seededNote = seeded.demoReviews ? `, demo data seeded (${seeded.demoReviews} reviews)` : '';
  say(`database     ${migrated ? 'migrated' : 'schema up to date'}${seededNote}  ${elapsed(started)}`);

  let temporalAddress = config.temporalAddress;
  let temporalUi: string | undefined;
  if (!temporalAddress && cluster) {
    await assertPortFree(config.temporalPort, 'Temporal', 'TEMPORAL_PORT or TEMPORAL_ADDRESS');
    const adminUrl = config.databaseUrl ?? withDatabase(databaseUrl, 'postgres');
    const options = { adminUrl, embedded: !config.databaseUrl, port: config.temporalPort, dataDir: DATA_DIR, logFile: logFile('temporal'), namespace: config.temporalNamespace };
    const temporal = await startClusterTemporal(supervisor, options);
    temporalAddress = temporal.address;
    say(`Temporal     ready  ${temporalAddress} (Temporal server ${TEMPORAL_SERVER_VERSION} on PostgreSQL, ${temporal.historyShards} history shards)  ${elapsed(started)}`);
  } else if (!temporalAddress) {
    await assertPortFree(config.temporalPort, 'Temporal', 'TEMPORAL_PORT or TEMPORAL_ADDRESS');
    await assertPortFree(config.temporalUiPort, 'the Temporal Web UI', 'TEMPORAL_UI_PORT');
    const options = { port: config.temporalPort, uiPort: config.temporalUiPort, dbFile: path.join(DATA_DIR, 'temporal.sqlite'), logFile: logFile('temporal') };
    let temporal: TemporalDevServer | undefined;
    await supervisor.start({ name: 'Temporal', logFile: options.logFile, start: async () => (temporal = await startTemporalDevServer(options)) });
    temporalAddress = temporal!.address;
    temporalUi = temporal!.uiUrl;
    say(`Temporal     ready  ${temporalAddress} (dev server, history in ${path.join(DATA_DIR, 'temporal.sqlite')})  ${elapsed(started)}`);
  } else {
    say(`Temporal     using TEMPORAL_ADDRESS=${temporalAddress}`);
  }

  // The upstream 好差评 systems (济宁市, 山东省) are outside the county's walls: the embedded default is the local
  // simulator (apps/upstream-sim, docs/EXCHANGE.md); a real endpoint is UPSTREAM_URL and UPSTREAM_APP_KEY.
  let upstreamUrl = config.upstreamUrl;
  const upstreamAppKey = process.env.UPSTREAM_APP_KEY ?? 'dev-upstream-key';
  if (!upstreamUrl) {
    await assertPortFree(config.upstreamPort, 'the upstream simulator', 'UPSTREAM_PORT or UPSTREAM_URL');
    const simulatorEnv = { UPSTREAM_PORT: String(config.upstreamPort), UPSTREAM_APP_KEY: upstreamAppKey };
    const simulator = path.join(REPO_ROOT, 'apps', 'upstream-sim', 'dist', 'main.js');
    await supervisor.start(nodeService('upstream', simulator, simulatorEnv, () => isPortOpen(config.upstreamPort)));
    upstreamUrl = `http://127.0.0.1:${config.upstreamPort}`;
    say(`upstream     ready  ${upstreamUrl} (simulator of the 济宁市/山东省 systems; faults: PUT /_control/fault)  ${elapsed(started)}`);
  } else {
    say(`upstream     using UPSTREAM_URL=${upstreamUrl}`);
  }

  const serviceEnv = {
    UPSTREAM_URL: upstreamUrl,
    UPSTREAM_APP_KEY: upstreamAppKey,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: config.temporalNamespace,
    TEMPORAL_TASK_QUEUE: config.taskQueue,
    TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? temporalUi ?? '',
    API_PORT: String(config.apiPort),
    // The worker's GET /metrics (Prometheus); the API's is at /metrics on API_PORT.
    WORKER_METRICS_PORT: env('WORKER_METRICS_PORT', '9464'),
    APP_MODE: config.production ? 'production' : 'development',
    [DATA_KEY_ENV]: dataKey.toString('base64'),
    // Where citizens' links and window QR codes point: the console's citizen pages.
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.consolePort}`,
    AUTH_TOKEN_SECRET: loadOrCreateAuthSecret(),
    ...(config.production ? { INITIAL_ADMIN_PASSWORD: initialAdminPassword() } : {}),
  };

  await assertPortFree(config.apiPort, 'the API', 'API_PORT');
  const apiHealthy = (port: number) => async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  const apiMain = path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js');
  if (cluster) {
    // Each instance on a free port of its own, started side by side; API_PORT is the balancer's, the one the console
    // and citizens use.
    const ports = await Promise.all(Array.from({ length: CLUSTER_TOPOLOGY.apiInstances }, () => freePort()));
    const balancer = new ApiBalancer(ports);
    await Promise.all(ports.map(async (port, index) => {
      const name = `api-${index + 1}`;
      await supervisor.start(balancer.track(nodeService(name, apiMain, { ...serviceEnv, API_PORT: String(port) }, apiHealthy(port)), port));
      say(`${name.padEnd(12)} ready  http://127.0.0.1:${port}/api  ${elapsed(started)}`);
    }));
    await supervisor.start({ name: 'api-balancer', start: () => balancer.listen(config.apiPort) });
  } else {
    await supervisor.start(nodeService('api', apiMain, serviceEnv, apiHealthy(config.apiPort)));
  }
  say(`API          ready  http://127.0.0.1:${config.apiPort}/api  (OpenAPI: /api/docs)${cluster ? `, balanced over ${CLUSTER_TOPOLOGY.apiInstances} processes` : ''}  ${elapsed(started)}`);

  const address = temporalAddress;
  const workerMain = path.join(REPO_ROOT, 'apps', 'worker', 'dist', 'main.js');
  // The cluster's instances start side by side; each is ready when the server lists its own poller.
  await Promise.all(Array.from({ length: cluster ? CLUSTER_TOPOLOGY.workerInstances : 1 }, async (_, index) => {
    const name = cluster ? `worker-${index + 1}` : 'worker';
    // One metrics port each: WORKER_METRICS_PORT for the first, free ones for the others.
    const workerEnv = index === 0 ? serviceEnv : { ...serviceEnv, WORKER_METRICS_PORT: String(await freePort()) };
    await supervisor.start(nodeService(name, workerMain, workerEnv, (child) => workerPolling(address, child.pid)));
    say(`${name.padEnd(12)} ready  polling task queue "${config.taskQueue}"  ${elapsed(started)}`);
  }));

  await assertPortFree(config.consolePort, 'the console', 'CONSOLE_PORT');
  const consoleEnv = { ...serviceEnv, CONSOLE_PORT: String(config.consolePort), API_URL: `http://127.0.0.1:${config.apiPort}` };
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await supervisor.start(nodeService('console', vite, consoleEnv, () => isPortOpen(config.consolePort), path.join(REPO_ROOT, 'apps', 'console')));
  say(`console      ready  http://127.0.0.1:${config.consolePort}/  ${elapsed(started)}`);

  say('');
  say(`everything is up after ${elapsed(started)}. Open the console at http://127.0.0.1:${config.consolePort}/`);
  if (temporalUi) say(`Temporal Web UI: ${temporalUi}`);
  const initial = config.production ? [] : await accountsWithInitialPassword(databaseUrl, demoAccounts().map((a) => a.username));
  if (initial.length > 0) {
    const accounts = demoAccounts();
    say(`demo accounts (${initial.length} of ${accounts.length} still on the initial password ${DEMO_ACCOUNT_PASSWORD}, to be changed at the first sign-in):`);
    say('  admin (系统管理员), county (县行政审批服务局), <hall>-handler and <hall>-leader (e.g. jintun-handler, zhifang-leader),');
    say(`  <department>-guide (e.g. yibao-guide); halls: ${accounts.filter((a) => a.role === 'HANDLER').map((a) => a.hallCodes[0] ?? '').join(' ')}`);
  }
  say(`service logs in ${path.join(DATA_DIR, 'logs')}${follow ? '' : ' (`npm start -- --follow` shows them here)'}; a service that dies is restarted.`);
  say('Ctrl-C stops everything; data is kept in .data/ for the next start.');
}

/** The demo accounts that still have to change the initial password (the hint is shown only while there are any). */
async function accountsWithInitialPassword(databaseUrl: string, usernames: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ username: string }>('SELECT username FROM app_user WHERE must_change_password AND username = ANY($1)', [usernames]);
    return rows.map((row) => row.username);
  } finally {
    await client.end();
  }
}

main().catch(async (error) => {
  process.stderr.write(`[haochaping] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
});
