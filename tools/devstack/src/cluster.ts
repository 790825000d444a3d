import path from 'node:path';
import pg from 'pg';
import { elapsed, say } from './log';
import type { Supervisor } from './supervisor';
import {
  allocateTemporalServerPorts,
  ensureTemporalServer,
  retentionSeconds,
  setUpTemporalSchema,
  startTemporalServer,
  type TemporalDatabase,
  type TemporalServer,
  type TemporalServerTools,
} from './temporal-server';

/**
 * `npm run start:cluster` (start.js --cluster): the topology of docker-compose.yml run natively, the same
 * environment variable names. What differs from `npm start` is said here; start.ts runs both.
 */
export const CLUSTER_TOPOLOGY = {
  /** API processes behind API_PORT (ApiBalancer), as `docker compose up --scale api=2` behind the console's nginx. */
  apiInstances: 2,
  workerInstances: 2,
};

/** docker-compose.yml's TEMPORAL_NUM_HISTORY_SHARDS; 4 by default here (the minimum, light on 2 cores), 16 there. */
function historyShards(): number {
  const value = process.env.TEMPORAL_NUM_HISTORY_SHARDS || '4';
  const shards = Number(value);
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`TEMPORAL_NUM_HISTORY_SHARDS must be a whole number of at least 1, got "${value}"`);
  return shards;
}

/**
 * The login Temporal uses. On the embedded PostgreSQL, a role `temporal` of its own (docker-compose.yml's db-init
 * creates the same), which may create its two databases; on a server given by DATABASE_URL, that URL's account.
 */
async function temporalLogin(adminUrl: string, embedded: boolean): Promise<TemporalDatabase> {
  const url = new URL(adminUrl);
  const server = { host: url.hostname, port: Number(url.port || 5432) };
  if (!embedded) return { ...server, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  const login = { ...server, user: 'temporal', password: process.env.TEMPORAL_DB_PASSWORD || 'temporal' };
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login.user]);
    const password = client.escapeLiteral(login.password);
    // Created once; its password follows TEMPORAL_DB_PASSWORD on every start, as db-init does.
    await client.query(exists.rowCount ? `ALTER ROLE temporal WITH LOGIN CREATEDB PASSWORD ${password}` : `CREATE ROLE temporal WITH LOGIN CREATEDB PASSWORD ${password}`);
  } finally {
    await client.end();
  }
  return login;
}

export interface ClusterTemporalOptions {
  adminUrl: string;
  embedded: boolean;
  port: number;
  dataDir: string;
  logFile: string;
  namespace: string;
}

/**
 * Builds (once per machine) the Temporal server on PostgreSQL and sets up its login and schema; what
 * startTemporalServer needs to start it (and to start it again, on the same ports and databases).
 */
export async function prepareClusterTemporal(options: ClusterTemporalOptions): Promise<{ tools: TemporalServerTools; settings: Parameters<typeof startTemporalServer>[1] }> {
  const started = Date.now();
  const tools = await ensureTemporalServer();
  const db = await temporalLogin(options.adminUrl, options.embedded);
  setUpTemporalSchema(tools, db, options.logFile);
  say(`Temporal     schema up to date (temporal-sql-tool, databases temporal and temporal_visibility)  ${elapsed(started)}`);
  const settings = {
    db,
    ports: await allocateTemporalServerPorts(options.port),
    historyShards: historyShards(),
    logLevel: process.env.TEMPORAL_LOG_LEVEL || 'warn',
    rootDir: path.join(options.dataDir, 'temporal-server'),
    namespace: options.namespace,
    retentionSeconds: retentionSeconds(process.env.TEMPORAL_NAMESPACE_RETENTION || '720h'),
    logFile: options.logFile,
  };
  return { tools, settings };
}

/**
 * The Temporal server on PostgreSQL (prepareClusterTemporal) started under the supervisor, which restarts it on the
 * same ports and databases. Resolves with the frontend's address once it serves the namespace.
 */
export async function startClusterTemporal(supervisor: Supervisor, options: ClusterTemporalOptions): Promise<{ address: string; historyShards: number }> {
  const { tools, settings } = await prepareClusterTemporal(options);
  let server: TemporalServer | undefined;
  await supervisor.start({ name: 'Temporal', logFile: options.logFile, start: async () => (server = await startTemporalServer(tools, settings)) });
  return { address: server!.address, historyShards: settings.historyShards };
}
