import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { WorkerConfig, WorkerModule } from '@haochaping/worker';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { eventually } from './helpers/eventually';

/**
 * Stopping a worker (SIGTERM in production, close() here) while an activity is still at work: the worker drains
 * first and its database clients close after (apps/worker/src/temporal/temporal-worker.service.ts). The activity
 * held here is the console notice of a new bad review, kept waiting on a lock of the notification table; the stop
 * must wait for it, let it write its row, and then return.
 */
describe('worker shutdown while an activity waits on the database', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let locker: pg.Client;
  let reader: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const taskQueue = `rectification-${randomUUID()}`;
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', taskQueue, 0, '127.0.0.1', 64 * 1024, 200, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(new WorkerConfig(db.url, testTemporalAddress(), 'default', taskQueue, 100, parseDataKey(TEST_DATA_KEY))),
      { logger: false },
    );
    locker = new pg.Client({ connectionString: db.url });
    reader = new pg.Client({ connectionString: db.url });
    await Promise.all([locker.connect(), reader.connect()]);
  });

  afterAll(async () => {
    await locker?.end();
    await reader?.end();
    await worker?.close();
    await app?.close();
    await db?.drop();
  });

  it('waits for the activity, which writes its notice, and then stops', async () => {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE notification IN EXCLUSIVE MODE');

    const response = await fetch(`${await app.getUrl()}/api/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'jintun', level: 1, comment: '窗口无人，等了一个小时', clientKey: randomUUID() }),
    });
    expect(response.status).toBe(201);

    // An activity of the new case's workflow is blocked writing to the notification table.
    await eventually(async () => {
      const { rows } = await reader.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%INSERT INTO%notification%'`,
      );
      return rows[0].waiting > 0;
    });

    const stopping = worker!.close();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    // Still at work: the stop waits for it rather than pulling the database from under it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);

    await locker.query('COMMIT');
    await stopping;
    worker = undefined;

    const { rows } = await reader.query<{ count: number }>(`SELECT count(*)::int AS count FROM notification`);
    expect(rows[0].count).toBeGreaterThan(0);
  }, 90_000);
});
