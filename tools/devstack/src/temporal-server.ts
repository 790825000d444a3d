import { execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { elapsed, say } from './log';
import { REPO_ROOT, toolCacheDir } from './paths';
import { waitUntil } from './ports';
import { SupervisedProcess } from './supervised-process';
import { onPath } from './temporal-cli';

/**
 * The production engine without Docker: the full Temporal server (frontend, history, matching and worker services in
 * one process) on PostgreSQL, the same server version and schema tool as docker-compose.yml's `temporal` and
 * `temporal-setup` (docs/DEPLOYMENT.md, "The production topology, natively").
 */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';
/** Where the PostgreSQL schema sits inside the server's module (and, copied, inside the tool cache). */
const SCHEMA_PATH = path.join('schema', 'postgresql', 'v12');

export interface TemporalServerTools {
  /** `go.temporal.io/server/cmd/server`. */
  server: string;
  /** `go.temporal.io/server/cmd/tools/sql`: temporal-sql-tool. */
  sqlTool: string;
  /** The versioned PostgreSQL schema of this server version: `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
}

/**
 * The server and its sql tool from the tool cache, built there with `go install` the first time (once per machine,
 * like the CLI; the Go caches the CLI's build filled make it a few minutes), with the schema files copied beside them
 * so the module cache may be cleaned afterwards.
 */
export async function ensureTemporalServer(): Promise<TemporalServerTools> {
  const dir = path.join(toolCacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const tools = { server: path.join(dir, 'temporal-server'), sqlTool: path.join(dir, 'temporal-sql-tool'), schemaDir: path.join(dir, SCHEMA_PATH) };
  if (fs.existsSync(tools.server) && fs.existsSync(tools.sqlTool) && fs.existsSync(tools.schemaDir)) return tools;

  if (!onPath('go')) {
    throw new Error(
      `The Temporal server ${TEMPORAL_SERVER_VERSION} is not in ${dir} and Go is not installed to build it: install Go 1.24+ ` +
        '(`apt-get install golang`, or https://go.dev/doc/install), or run the cluster profile against a running server with TEMPORAL_ADDRESS.',
    );
  }
  say(`building the Temporal server ${TEMPORAL_SERVER_VERSION} and its sql tool with \`go install\` into ${dir}`);
  say('  (once per machine: about 3 minutes on 2 cores when the Temporal CLI was built before, longer with empty Go caches) ...');
  const started = Date.now();
  fs.mkdirSync(toolCacheDir(), { recursive: true });
  // Built into a private directory, renamed into place when complete: two clones building at once never see half a build.
  const staging = fs.mkdtempSync(path.join(toolCacheDir(), '.temporal-server-build-'));
  try {
    const packages = [`${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`];
    await goInstall(packages, staging, started);
    fs.renameSync(path.join(staging, 'server'), path.join(staging, 'temporal-server'));
    fs.renameSync(path.join(staging, 'sql'), path.join(staging, 'temporal-sql-tool'));
    const moduleCache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
    copyTree(path.join(moduleCache, `${MODULE}@v${TEMPORAL_SERVER_VERSION}`, SCHEMA_PATH), path.join(staging, SCHEMA_PATH));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  say(`built the Temporal server in ${elapsed(started)}`);
  return tools;
}

/** `go install` with its own output (the modules it downloads) on the terminal and a line every 30 s while it compiles. */
function goInstall(packages: string[], gobin: string, started: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', ['install', '-ldflags', '-s -w', ...packages], {
      env: { ...process.env, GOBIN: gobin, CGO_ENABLED: '0' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const ticker = setInterval(() => say(`  still building the Temporal server (${elapsed(started)}) ...`), 30_000);
    child.once('error', (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearInterval(ticker);
      if (code === 0) resolve();
      else reject(new Error(`go install of the Temporal server failed (${signal ? `signal ${signal}` : `code ${code}`}); its output is above`));
    });
  });
}

/** Copies the files of a directory tree (the module cache's are read-only; the copies are ordinary files). */
function copyTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(path.join(from, entry.name), path.join(to, entry.name));
    else fs.writeFileSync(path.join(to, entry.name), fs.readFileSync(path.join(from, entry.name)));
  }
}

/** A PostgreSQL login the server and the sql tool use (docker-compose.yml's `temporal` role). */
export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
}

export const TEMPORAL_DATABASES = { main: 'temporal', visibility: 'temporal_visibility' } as const;

/**
 * Creates both databases and brings their schemas to this server version with temporal-sql-tool, as
 * deploy/temporal/setup-schema.sh does in docker-compose.yml: `setup-schema -v 0.0` leaves a database already past
 * 0.0 alone and `update-schema` applies only the versions still missing, so every start may run it.
 */
export function setUpTemporalSchema(tools: TemporalServerTools, db: TemporalDatabase, logFile?: string): void {
  const env = { ...process.env, SQL_PLUGIN: 'postgres12', SQL_HOST: db.host, SQL_PORT: String(db.port), SQL_USER: db.user, SQL_PASSWORD: db.password };
  const run = (args: string[]) => {
    try {
      const output = execFileSync(tools.sqlTool, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (logFile) fs.appendFileSync(logFile, output);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`temporal-sql-tool ${args.join(' ')} failed:\n${stdout}${stderr}`);
    }
  };
  for (const [database, versioned] of [
    [TEMPORAL_DATABASES.main, 'temporal'],
    [TEMPORAL_DATABASES.visibility, 'visibility'],
  ] as const) {
    run(['--db', database, 'create-database', '--defaultdb', 'postgres']);
    run(['--db', database, 'setup-schema', '-v', '0.0']);
    run(['--db', database, 'update-schema', '-d', path.join(tools.schemaDir, versioned, 'versioned')]);
  }
}

/** The ports of one server: the frontend's gRPC port is the one clients use; the others are internal. */
export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

/** Can a server listen on 127.0.0.1:`port` right now? */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below 32768. The server records each service's membership port in cluster_membership.rpc_port, a
 * smallint: a port from the kernel's ephemeral range (32768 and up, what `freePort` gets) makes it stop at once
 * ("value … is out of range for type smallint"). Outside that range, too, no outgoing connection takes the port
 * while its service is away: a service restarted on a port from `freePort` may find it in use (the chaos run did).
 */
export async function freeLowPort(taken: readonly number[] = []): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = randomInt(10_000, 32_768);
    if (!taken.includes(port) && (await canListen(port))) return port;
  }
  throw new Error('no free port between 10000 and 32767 for the Temporal server');
}

/** The frontend on `frontend`; the internal ports free ones, chosen once and kept across restarts of the server. */
export async function allocateTemporalServerPorts(frontend: number): Promise<TemporalServerPorts> {
  const ports: number[] = [];
  while (ports.length < 8) ports.push(await freeLowPort([frontend, ...ports]));
  const [frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership] = ports;
  return { frontend, frontendHttp, frontendMembership, history, historyMembership, matching, matchingMembership, worker, workerMembership };
}

export interface TemporalServerConfig {
  db: TemporalDatabase;
  ports: TemporalServerPorts;
  /** Fixed when the cluster's databases are first set up; a server with another number refuses to start on them. */
  historyShards: number;
  logLevel: string;
}

/**
 * The server's configuration (the shape of the module's config/development-postgres12.yaml), with the dynamic
 * configuration docker-compose.yml mounts, deploy/temporal/dynamicconfig/production.yaml: one file for both.
 */
export function renderTemporalServerConfig(config: TemporalServerConfig): string {
  const { db, ports } = config;
  const datastore = (database: string, maxConns: number) => `      sql:
        pluginName: "postgres12"
        databaseName: "${database}"
        connectAddr: "${db.host}:${db.port}"
        connectProtocol: "tcp"
        user: ${JSON.stringify(db.user)}
        password: ${JSON.stringify(db.password)}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
  const service = (grpc: number, membership: number, http?: number) => `    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnLocalHost: true${http ? `\n      httpPort: ${http}` : ''}`;
  return `# Generated by the devstack (tools/devstack/src/temporal-server.ts) on every start: edit that file, not this one.
log:
  stdout: true
  level: ${config.logLevel}

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${config.historyShards}
  datastores:
    postgres-default:
${datastore(TEMPORAL_DATABASES.main, 20)}
    postgres-visibility:
${datastore(TEMPORAL_DATABASES.visibility, 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: "127.0.0.1"

services:
  frontend:
${service(ports.frontend, ports.frontendMembership, ports.frontendHttp)}
  matching:
${service(ports.matching, ports.matchingMembership)}
  history:
${service(ports.history, ports.historyMembership)}
  worker:
${service(ports.worker, ports.workerMembership)}

clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: "127.0.0.1:${ports.frontend}"

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${JSON.stringify(path.join(REPO_ROOT, 'deploy', 'temporal', 'dynamicconfig', 'production.yaml'))}
  pollInterval: "60s"
`;
}

export interface TemporalServer {
  address: string;
  whenExited(): Promise<string>;
  stop(): Promise<void>;
}

/** Does the frontend report itself SERVING on the gRPC health service (what `temporal operator cluster health` asks)? */
async function serving(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    const answer = await connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' });
    return Number(answer.status) === 1; // grpc.health.v1 SERVING
  } finally {
    await connection.close();
  }
}

/** "720h" (docker-compose.yml's TEMPORAL_NAMESPACE_RETENTION) → seconds. */
export function retentionSeconds(value: string): number {
  const match = /^(\d+)h$/.exec(value.trim());
  if (!match || Number(match[1]) < 24) throw new Error(`TEMPORAL_NAMESPACE_RETENTION must be whole hours, at least 24h (e.g. 720h), got "${value}"`);
  return Number(match[1]) * 3_600;
}

type ProtoDuration = NonNullable<Parameters<Connection['workflowService']['registerNamespace']>[0]['workflowExecutionRetentionPeriod']>;

/** A protobuf Duration: protobufjs encodes a plain number in its int64 `seconds` (typed Long, which it does not require). */
function durationOfSeconds(seconds: number): ProtoDuration {
  return { seconds } as unknown as ProtoDuration;
}

/**
 * Registers the namespace unless it exists (deploy/temporal/create-namespace.sh), then waits until the frontend
 * serves calls in it: a namespace just registered is unknown to the frontend's cache for a few seconds, and a worker
 * started in that window stops at once.
 */
async function ensureNamespace(address: string, namespace: string, retention: number): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const exists = await connection.workflowService.describeNamespace({ namespace }).then(
      () => true,
      (error: { code?: number }) => {
        if (error.code === 5) return false; // NOT_FOUND
        throw error;
      },
    );
    if (!exists) {
      await connection.workflowService
        .registerNamespace({ namespace, workflowExecutionRetentionPeriod: durationOfSeconds(retention), description: '好差评差评整改 (haochaping)' })
        .catch((error: { code?: number }) => {
          if (error.code !== 6) throw error; // ALREADY_EXISTS: another start got there first
        });
    }
    await waitUntil(`namespace ${namespace}`, async () => {
      await connection.workflowService.countWorkflowExecutions({ namespace });
      return true;
    }, 60_000, 500);
  } finally {
    await connection.close();
  }
}

/**
 * Starts the server with a configuration written to `rootDir/config/cluster.yaml`, waits until it serves and the
 * namespace exists. The supervisor calls this again after a crash: same ports, same databases.
 */
export async function startTemporalServer(
  tools: TemporalServerTools,
  options: TemporalServerConfig & { rootDir: string; namespace: string; retentionSeconds: number; logFile?: string },
): Promise<TemporalServer> {
  const configDir = path.join(options.rootDir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, 'cluster.yaml'), renderTemporalServerConfig(options), { mode: 0o600 });
  const server = new SupervisedProcess('temporal', tools.server, ['--root', options.rootDir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start'], {
    logFile: options.logFile,
  });
  const address = `127.0.0.1:${options.ports.frontend}`;
  try {
    await waitUntil('the Temporal server', async () => !server.running || (await serving(address)), 120_000, 500);
    if (!server.running) throw new Error(`the Temporal server exited while starting (${await server.whenEnded()}); its log: ${options.logFile ?? '(none)'}\n${server.tail(3)}`);
    await ensureNamespace(address, options.namespace, options.retentionSeconds);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { address, whenExited: () => server.whenEnded(), stop: () => server.stop('SIGTERM', 20_000) };
}
