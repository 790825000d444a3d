import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { WorkerConfig, WorkerModule } from '@haochaping/worker';
import { createApp } from '../../src/app.factory';
import { AppConfig, type AuthSettings, type IntakeLimits, type ThrottleSettings } from '../../src/config/app-config';

/**
 * The system as it runs in production, in one test file: the API (Fastify, global pipes and filters) on a free port,
 * the real worker module on a task queue of its own, a private database, and the Temporal dev server `npm test` started.
 */
export interface E2eStack {
  db: TestDatabase;
  /** `http://127.0.0.1:<port>/api` of the main API instance. */
  baseUrl: string;
  /** The main API instance (for a test that waits until it heard of a change: `app.get(MasterDataVersion)`). */
  app: NestFastifyApplication;
  /** The worker module's context, likewise. */
  worker: INestApplicationContext;
  /** The main instance's configuration with some settings changed (for a second, degraded instance). */
  config(overrides?: Partial<AppConfig>): AppConfig;
  /** Starts another API instance; the caller closes it. */
  listen(config: AppConfig): Promise<{ app: NestFastifyApplication; url: string }>;
  close(): Promise<void>;
}

/** Settings of the API instances other than the defaults (e.g. the fuzz run switches the limits off). */
export interface E2eStackSettings {
  limits?: Partial<IntakeLimits>;
  auth?: Partial<AuthSettings>;
  throttle?: Partial<ThrottleSettings>;
}

export async function startE2eStack(settings: E2eStackSettings = {}): Promise<E2eStack> {
  const db = await createTestDatabase();
  const taskQueue = `rectification-${randomUUID()}`;
  const config = (overrides: Partial<AppConfig> = {}) =>
    Object.assign(
      new AppConfig(db.url, testTemporalAddress(), 'default', taskQueue, 0, '127.0.0.1', 64 * 1024, 200, false, parseDataKey(TEST_DATA_KEY), settings.limits, settings.auth, settings.throttle),
      overrides,
    );
  const listen = async (appConfig: AppConfig) => {
    const instance = await createApp(appConfig, { logger: false });
    await instance.listen(0, '127.0.0.1');
    return { app: instance, url: `${await instance.getUrl()}/api` };
  };

  const main = await listen(config());
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forConfig(new WorkerConfig(db.url, testTemporalAddress(), 'default', taskQueue, 100, parseDataKey(TEST_DATA_KEY))),
    { logger: false },
  );
  return {
    db,
    baseUrl: main.url,
    app: main.app,
    worker,
    config,
    listen,
    async close() {
      await main.app.close();
      await worker.close();
      await db.drop();
    },
  };
}
