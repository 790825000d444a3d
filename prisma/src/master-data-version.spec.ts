import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { LISTENER_APPLICATION_NAME, MASTER_DATA_CHANNEL, MasterDataCache, MasterDataVersion, readMasterDataVersion } from './master-data-version';

/** Polls real state (a connection coming back), not workflow time. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Long enough that only a notification (not the periodic check) can explain what a test sees. */
const NO_CHECK = { checkIntervalMs: 3_600_000 };

describe('master_data_version and its notifications in PostgreSQL', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  /** A LISTEN connection of the test's own, to see what the trigger sends. */
  let listener: pg.Client;
  let notified: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
    listener = new pg.Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (message) => notified.push(`${message.channel}:${message.payload ?? ''}`));
    await listener.query(`LISTEN ${MASTER_DATA_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await pool?.end();
    await db?.drop();
  });

  beforeEach(() => {
    notified = [];
  });

  /** A statement on each table, in one transaction of its own; resolves once its notification (if any) is here. */
  async function write(sql: string): Promise<void> {
    await pool.query(sql);
    // A round trip on the listening connection: PostgreSQL sends a notification before the answer to a later query.
    await listener.query('SELECT 1');
  }

  it.each([
    ['hall', 'UPDATE hall SET name = name WHERE false'],
    ['service_window', 'DELETE FROM service_window WHERE false'],
    ['staff', 'DELETE FROM staff WHERE false'],
    ['service_item', 'UPDATE service_item SET name = name WHERE false'],
    ['option_set', 'DELETE FROM option_set WHERE false'],
    ['review_option', 'DELETE FROM review_option WHERE false'],
    ['calendar_year', "UPDATE calendar_year SET notice = notice WHERE year = 2026"],
  ])('a statement on %s raises the version by one and notifies the new version at commit', async (_table, sql) => {
    const before = await readMasterDataVersion(pool);
    await write(sql);
    const after = await readMasterDataVersion(pool);
    expect(after).toBe(before + 1);
    expect(notified).toEqual([`${MASTER_DATA_CHANNEL}:${after}`]);
  });

  it('leaves the version alone and notifies nothing for tables nobody caches', async () => {
    const before = await readMasterDataVersion(pool);
    await write('DELETE FROM review WHERE false');
    await write('DELETE FROM department WHERE false');
    expect(await readMasterDataVersion(pool)).toBe(before);
    expect(notified).toEqual([]);
  });

  it('notifies nothing for a write that is rolled back, and the version stays', async () => {
    const before = await readMasterDataVersion(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("UPDATE hall SET name = name || '（测试）' WHERE code = 'jintun'");
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await listener.query('SELECT 1');
    expect(await readMasterDataVersion(pool)).toBe(before);
    expect(notified).toEqual([]);
  });

  it('notifies only at commit: a transaction of three statements sends its three versions when it commits', async () => {
    const before = await readMasterDataVersion(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE hall SET name = name WHERE false');
      await client.query('UPDATE staff SET name = name WHERE false');
      await client.query('UPDATE calendar_year SET notice = notice WHERE false');
      await listener.query('SELECT 1');
      expect(notified).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await listener.query('SELECT 1');
    expect(notified).toEqual([1, 2, 3].map((step) => `${MASTER_DATA_CHANNEL}:${before + step}`));
  });

  describe('MasterDataVersion', () => {
    let version: MasterDataVersion;
    afterEach(() => version?.stop());

    it('listens after start() and knows the version the database holds', async () => {
      version = new MasterDataVersion(pool, { databaseUrl: db.url, ...NO_CHECK });
      expect(version.listening).toBe(false);
      await version.start();
      expect(version.listening).toBe(true);
      expect(version.newest).toBe(await readMasterDataVersion(pool));
    });

    it('hears of another connection’s change by its notification, without reading the version', async () => {
      version = new MasterDataVersion(pool, { databaseUrl: db.url, ...NO_CHECK });
      await version.start();
      await write("UPDATE calendar_year SET notice = notice WHERE year = 2026");
      const changed = await readMasterDataVersion(pool);
      await version.seen(changed);
      expect(version.newest).toBe(changed);
    });

    it('reads the version when a notification carries none (a NOTIFY sent by hand)', async () => {
      version = new MasterDataVersion(pool, { databaseUrl: db.url, ...NO_CHECK });
      await version.start();
      const { rows } = await pool.query<{ version: string }>('UPDATE master_data_version SET version = version + 1 RETURNING version');
      await pool.query(`NOTIFY ${MASTER_DATA_CHANNEL}`);
      await version.seen(Number(rows[0]?.version));
      expect(version.newest).toBe(Number(rows[0]?.version));
    });

    it('finds, by its periodic check, a version no notification announced', async () => {
      version = new MasterDataVersion(pool, { databaseUrl: db.url, checkIntervalMs: 50 });
      await version.start();
      // The version row written directly: no trigger, no NOTIFY (as if the notification had been lost).
      const { rows } = await pool.query<{ version: string }>('UPDATE master_data_version SET version = version + 1 RETURNING version');
      await version.seen(Number(rows[0]?.version));
      expect(version.listening).toBe(true);
    });

    it('stops vouching for its version when the connection is lost, and listens again with the newest version', async () => {
      version = new MasterDataVersion(pool, { databaseUrl: db.url, reconnectDelayMs: 300, ...NO_CHECK });
      await version.start();
      await pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', [LISTENER_APPLICATION_NAME]);
      await until(() => !version.listening);
      // Changed while nobody listened: no notification reaches this process for it.
      await write("UPDATE calendar_year SET notice = notice WHERE year = 2026");
      const changed = await readMasterDataVersion(pool);
      await until(() => version.listening);
      expect(version.newest).toBeGreaterThanOrEqual(changed);
    });

    it('reads the version for catchUp() and without listening at all', async () => {
      version = new MasterDataVersion(pool);
      expect(version.listening).toBe(false);
      await expect(version.catchUp()).resolves.toBe(await readMasterDataVersion(pool));
      await expect(version.start()).rejects.toThrow(/ListenOptions/);
    });
  });
});

/** MasterDataCache's rule, over a version the test moves by hand. */
describe('MasterDataCache', () => {
  /** What the database holds (catchUp reads it) and what the process has heard (newest). */
  class HandMovedVersion {
    listening = true;
    newest = 1;
    stored = 1;
    catchUps = 0;
    catchUp(): Promise<number> {
      this.catchUps += 1;
      this.newest = Math.max(this.newest, this.stored);
      return Promise.resolve(this.stored);
    }
    /** A write committed in the database, its notification not (yet) heard. */
    commit(): void {
      this.stored += 1;
    }
    /** Its notification arrives. */
    hear(): void {
      this.newest = this.stored;
    }
  }

  let version: HandMovedVersion;
  let contents: string;
  let load: jest.Mock<Promise<string>, []>;
  const cache = () => new MasterDataCache(version as unknown as MasterDataVersion, load);

  beforeEach(() => {
    version = new HandMovedVersion();
    contents = 'v1';
    load = jest.fn(() => Promise.resolve(contents));
  });

  it('while listening, serves its snapshot without a query until a change is heard, then reads again once', async () => {
    const cached = cache();
    expect(await cached.get()).toBe('v1');
    const queriesAfterLoad = version.catchUps;
    contents = 'v2';
    version.commit();
    expect(await cached.get()).toBe('v1');
    expect(version.catchUps).toBe(queriesAfterLoad);
    version.hear();
    expect(await cached.get()).toBe('v2');
    expect(await cached.get()).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('while not listening, asks the database for the version at every use and reloads only when it moved', async () => {
    version.listening = false;
    const cached = cache();
    await cached.get();
    await cached.get();
    expect(load).toHaveBeenCalledTimes(1);
    contents = 'v2';
    version.commit();
    expect(await cached.get()).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refresh() asks the database now: a change whose notification is on the way counts', async () => {
    const cached = cache();
    await cached.get();
    contents = 'v2';
    version.commit();
    expect(await cached.refresh()).toBe('v2');
    expect(await cached.get()).toBe('v2');
    await cached.refresh();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load among concurrent users', async () => {
    const cached = cache();
    expect(await Promise.all([cached.get(), cached.get(), cached.get()])).toEqual(['v1', 'v1', 'v1']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not hand a load that started before a change to a user who has heard of it', async () => {
    const cached = cache();
    let finishFirst: (value: string) => void = () => undefined;
    load.mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)));
    const first = cached.get();
    await Promise.resolve();
    await Promise.resolve();
    contents = 'v2';
    version.commit();
    version.hear();
    const second = cached.get();
    finishFirst('v1');
    expect(await first).toBe('v1');
    expect(await second).toBe('v2');
    // Whichever load finished last, the snapshot is the newer one.
    expect(await cached.get()).toBe('v2');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not remember a failed load', async () => {
    const cached = cache();
    load.mockRejectedValueOnce(new Error('database away'));
    await expect(cached.get()).rejects.toThrow('database away');
    expect(await cached.get()).toBe('v1');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
