#!/usr/bin/env node
/**
 * `npm start`: brings the whole system up on embedded defaults. PostgreSQL and Temporal are started here unless
 * DATABASE_URL / TEMPORAL_ADDRESS point elsewhere; then migrations, seed data (demo data only outside production,
 * only into an empty database), the API, the worker and the console. Ctrl-C stops everything it started.
 */
import { DATA_KEY_ENV, dataKeyFromEnv, ensureDataKeyFile } from '@haochaping/privacy/server';
import { DEMO_ACCOUNT_PASSWORD, demoAccounts } from '@haochaping/db';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import { Connection } from '@temporalio/client';
import { migrateIfNeeded, seed } from './database';
import { elapsed, say } from './log';
import { DATA_DIR, REPO_ROOT } from './paths';
import { isPortOpen, waitUntil } from './ports';
import { startEmbeddedPostgres } from './postgres';
import { SupervisedProcess } from './supervised-process';
import { startTemporalDevServer } from './temporal-cli';

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
  production: env('APP_MODE', 'development') === 'production',
};

const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    say('stopping ...');
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((error) => say(`could not stop ${name}: ${String(error)}`));
      say(`stopped ${name}`);
    }
  }
  process.exit(code);
}

async function assertPortFree(port: number, what: string, variable: string): Promise<void> {
  if (await isPortOpen(port)) {
    throw new Error(`port ${port} for ${what} is already in use: stop what uses it or set ${variable}.`);
  }
}

function startNode(name: string, script: string, extraEnv: Record<string, string>, cwd = REPO_ROOT): SupervisedProcess {
  const child = new SupervisedProcess(name, process.execPath, [script], {
    cwd,
    env: { ...process.env, ...extraEnv },
    echo: true,
    logFile: path.join(DATA_DIR, 'logs', `${name}.log`),
  });
  stops.push({ name, stop: () => child.stop() });
  void child.whenExited().then((code) => {
    if (!shuttingDown) {
      say(`${name} exited unexpectedly (code ${code}); stopping everything. Its log: ${path.join(DATA_DIR, 'logs', `${name}.log`)}`);
      void shutdown(1);
    }
  });
  return child;
}

async function workerPolling(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const answer = await connection.workflowService.describeTaskQueue({
      namespace: config.temporalNamespace,
      taskQueue: { name: config.taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
    });
    return (answer.pollers?.length ?? 0) > 0;
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
    const pg = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), port: config.postgresPort, logFile: path.join(DATA_DIR, 'logs', 'postgres.log') });
    stops.push({ name: 'PostgreSQL', stop: () => pg.stop() });
    await pg.ensureDatabase('haochaping');
    databaseUrl = pg.url('haochaping');
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
  if (!temporalAddress) {
    await assertPortFree(config.temporalPort, 'Temporal', 'TEMPORAL_PORT or TEMPORAL_ADDRESS');
    await assertPortFree(config.temporalUiPort, 'the Temporal Web UI', 'TEMPORAL_UI_PORT');
    const temporal = await startTemporalDevServer({
      port: config.temporalPort,
      uiPort: config.temporalUiPort,
      dbFile: path.join(DATA_DIR, 'temporal.sqlite'),
      logFile: path.join(DATA_DIR, 'logs', 'temporal.log'),
    });
    stops.push({ name: 'Temporal', stop: () => temporal.stop() });
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
    say(`Temporal     ready  ${temporalAddress} (dev server, history in ${path.join(DATA_DIR, 'temporal.sqlite')})  ${elapsed(started)}`);
  } else {
    say(`Temporal     using TEMPORAL_ADDRESS=${temporalAddress}`);
  }

  const serviceEnv = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: config.temporalNamespace,
    TEMPORAL_TASK_QUEUE: config.taskQueue,
    TEMPORAL_UI_URL: process.env.TEMPORAL_UI_URL ?? temporalUi ?? '',
    API_PORT: String(config.apiPort),
    APP_MODE: config.production ? 'production' : 'development',
    [DATA_KEY_ENV]: dataKey.toString('base64'),
    // Where citizens' links and window QR codes point: the console's citizen pages.
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.consolePort}`,
    AUTH_TOKEN_SECRET: loadOrCreateAuthSecret(),
    ...(config.production ? { INITIAL_ADMIN_PASSWORD: initialAdminPassword() } : {}),
  };

  await assertPortFree(config.apiPort, 'the API', 'API_PORT');
  startNode('api', path.join(REPO_ROOT, 'apps', 'api', 'dist', 'main.js'), serviceEnv);
  await waitUntil('the API', async () => (await fetch(`http://127.0.0.1:${config.apiPort}/api/health`)).ok, 60_000);
  say(`API          ready  http://127.0.0.1:${config.apiPort}/api  (OpenAPI: /api/docs)  ${elapsed(started)}`);

  startNode('worker', path.join(REPO_ROOT, 'apps', 'worker', 'dist', 'main.js'), serviceEnv);
  const address = temporalAddress;
  await waitUntil('the worker', () => workerPolling(address), 120_000, 500);
  say(`worker       ready  polling task queue "${config.taskQueue}"  ${elapsed(started)}`);

  await assertPortFree(config.consolePort, 'the console', 'CONSOLE_PORT');
  startNode('console', path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), {
    ...serviceEnv,
    CONSOLE_PORT: String(config.consolePort),
    API_URL: `http://127.0.0.1:${config.apiPort}`,
  }, path.join(REPO_ROOT, 'apps', 'console'));
  await waitUntil('the console', () => isPortOpen(config.consolePort), 60_000);
  say(`console      ready  http://127.0.0.1:${config.consolePort}/  ${elapsed(started)}`);

  say('');
  say(`everything is up after ${elapsed(started)}. Open the console at http://127.0.0.1:${config.consolePort}/`);
  if (temporalUi) say(`Temporal Web UI: ${temporalUi}`);
  if (!config.production) {
    const accounts = demoAccounts();
    say(`demo accounts (${accounts.length}), initial password ${DEMO_ACCOUNT_PASSWORD}, to be changed at the first sign-in:`);
    say('  admin (系统管理员), county (县行政审批服务局), <hall>-handler and <hall>-leader (e.g. jintun-handler, zhifang-leader),');
    say(`  <department>-guide (e.g. yibao-guide); halls: ${accounts.filter((a) => a.role === 'HANDLER').map((a) => a.hallCodes[0] ?? '').join(' ')}`);
  }
  say('Ctrl-C stops everything; data is kept in .data/ for the next start.');
}

main().catch(async (error) => {
  process.stderr.write(`[haochaping] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
});
