import { Client } from 'pg';

// How the API and the worker know that the master data they cache changed (halls and their office hours, windows,
// staff, service items, option sets, calendar years). A statement trigger on each of those tables raises the one
// row of master_data_version in the writing transaction and NOTIFYs MASTER_DATA_CHANNEL with the new version
// (migration 20261207020000_master_data_version), so every writer counts: the admin screens, the seed, an SQL
// session. Each process holds one LISTEN connection; a cache tagged with an older version reloads on its next use.

/** The channel master_data_changed() notifies at commit; the payload is the new version. */
export const MASTER_DATA_CHANNEL = 'master_data_changed';

/** A pg Pool or Client: whatever runs one statement. */
export interface Queryable {
  query(text: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/** Where messages about the LISTEN connection go (Nest's Logger fits). */
export interface MasterDataVersionLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ListenOptions {
  /** The LISTEN connection is a connection of its own, outside the pool (a pooled one goes back after each query). */
  databaseUrl: string;
  /**
   * How often the listening connection reads the version anyway: it proves the connection is alive (a half-open
   * TCP connection delivers nothing and reports nothing) and catches a notification that was missed somehow.
   */
  checkIntervalMs?: number;
  /** How long that read may take before the connection counts as lost. */
  checkTimeoutMs?: number;
  /** The wait before connecting again after the connection was lost or could not be opened. */
  reconnectDelayMs?: number;
  logger?: MasterDataVersionLogger;
}

/** How the LISTEN connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'haochaping master-data listener';

const DEFAULT_CHECK_INTERVAL_MS = 5_000;
const DEFAULT_CHECK_TIMEOUT_MS = 5_000;
const DEFAULT_RECONNECT_DELAY_MS = 1_000;

const SILENT: MasterDataVersionLogger = { log: () => undefined, warn: () => undefined };

/** The version the database holds now (0 before anything was ever written). */
export async function readMasterDataVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query('SELECT version FROM master_data_version WHERE id = 1');
  return rows.length === 0 ? 0 : Number(rows[0]?.version);
}

/**
 * The newest master-data version this process knows of. While it listens (start() with ListenOptions) the version
 * comes from the notifications, without a query; while it does not (not started, the connection lost, no options),
 * every cache asks the database first (`listening` is false), so a missed notification can never keep a stale
 * cache: on reconnect the version is read again, and the periodic check bounds a silently dead connection to
 * checkIntervalMs + checkTimeoutMs.
 */
export class MasterDataVersion {
  private newestVersion = 0;
  private client?: Client;
  private stopped = true;
  private failing = false;
  private checkTimer?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private readonly waiters = new Set<{ version: number; resolve: () => void }>();
  private readonly logger: MasterDataVersionLogger;

  constructor(
    private readonly pool: Queryable,
    private readonly listen?: ListenOptions,
  ) {
    this.logger = listen?.logger ?? SILENT;
  }

  /** True while a LISTEN connection is open: then `newest` is current without a query. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** The highest version heard of (notification, check, catch-up): only current while `listening`. */
  get newest(): number {
    return this.newestVersion;
  }

  /**
   * Opens the LISTEN connection. Resolves once it listens, or once the first attempt failed (it keeps trying in the
   * background; until then every cache reads the version itself).
   */
  async start(): Promise<void> {
    if (!this.listen) throw new Error('MasterDataVersion.start() needs ListenOptions (a database URL to LISTEN on)');
    if (!this.stopped) return;
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.checkTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Reads the version from the database now (what a process does after its own write, and while not listening). */
  async catchUp(): Promise<number> {
    const version = await readMasterDataVersion(this.pool);
    this.raise(version);
    return version;
  }

  /** Resolves once this process has heard of `version` (for callers that wait for another process's change). */
  seen(version: number): Promise<void> {
    if (this.newestVersion >= version) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ version, resolve }));
  }

  private async connect(): Promise<void> {
    const options = this.listen;
    if (!options || this.stopped) return;
    const client = new Client({
      connectionString: options.databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      query_timeout: options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    });
    client.on('notification', ({ channel, payload }) => {
      if (channel !== MASTER_DATA_CHANNEL) return;
      const version = Number(payload);
      // A NOTIFY without a version (sent by hand) still means "changed": read it.
      if (payload && Number.isSafeInteger(version)) this.raise(version);
      else void this.check(client);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${MASTER_DATA_CHANNEL}`);
      // Read after LISTEN: a change committed in between is in the version or in a notification, never in neither.
      const version = await readMasterDataVersion(client);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.raise(version);
      this.client = client;
      this.checkTimer = setInterval(() => void this.check(client), options.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS).unref();
      if (this.failing) this.logger.log(`listening on ${MASTER_DATA_CHANNEL} again (version ${version})`);
      this.failing = false;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.retry(`cannot LISTEN on ${MASTER_DATA_CHANNEL}: ${messageOf(error)}`);
    }
  }

  private async check(client: Client): Promise<void> {
    try {
      this.raise(await readMasterDataVersion(client));
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = undefined;
    clearInterval(this.checkTimer);
    void client.end().catch(() => undefined);
    this.retry(`lost the ${MASTER_DATA_CHANNEL} connection (${error === undefined ? 'closed' : messageOf(error)})`);
  }

  private retry(reason: string): void {
    if (this.stopped) return;
    if (!this.failing) this.logger.warn(`${reason}; every use of cached master data reads the version until it listens again`);
    this.failing = true;
    this.reconnectTimer = setTimeout(() => void this.connect(), this.listen?.reconnectDelayMs ?? DEFAULT_RECONNECT_DELAY_MS).unref();
  }

  private raise(version: number): void {
    if (version <= this.newestVersion) return;
    this.newestVersion = version;
    for (const waiter of this.waiters) {
      if (waiter.version > version) continue;
      this.waiters.delete(waiter);
      waiter.resolve();
    }
  }
}

/**
 * Something read from the master data and kept until it changes: the one caching rule of the API and the worker.
 * A snapshot is tagged with the version read just before it, so it is never older than its tag; it is served while
 * the process listens and has heard of nothing newer, and read again on the first use after a change.
 */
export class MasterDataCache<T> {
  private snapshot?: { version: number; value: T };
  private loading?: { atLeast: number; value: Promise<T> };

  constructor(
    private readonly version: MasterDataVersion,
    private readonly load: () => Promise<T>,
  ) {}

  /** The snapshot, read again when the master data changed since (no query while listening and nothing changed). */
  async get(): Promise<T> {
    const wanted = this.version.listening ? this.version.newest : await this.version.catchUp();
    return this.atLeast(wanted);
  }

  /**
   * After a lookup by a stored row's reference missed: the row may be newer than the snapshot (another process wrote
   * it a moment ago, its notification still on the way). Reads the version now and reloads when it moved.
   */
  async refresh(): Promise<T> {
    return this.atLeast(await this.version.catchUp());
  }

  private atLeast(wanted: number): Promise<T> {
    if (this.snapshot && this.snapshot.version >= wanted) return Promise.resolve(this.snapshot.value);
    // A load that started once `wanted` was known reads at least that version: share it. An older one may not.
    if (this.loading && this.loading.atLeast >= wanted) return this.loading.value;
    const loading = { atLeast: wanted, value: this.read() };
    this.loading = loading;
    const done = () => {
      if (this.loading === loading) this.loading = undefined;
    };
    loading.value.then(done, done);
    return loading.value;
  }

  private async read(): Promise<T> {
    const version = await this.version.catchUp();
    const value = await this.load();
    if (!this.snapshot || this.snapshot.version <= version) this.snapshot = { version, value };
    return value;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
