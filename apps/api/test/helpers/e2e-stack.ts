import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { WorkerConfig, WorkerModule, type ExchangeConfig } from '@haochaping/worker';
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
  /** Stops the worker, runs `whileDown`, and starts it again with the same configuration (a restarted worker process). */
  restartWorker(whileDown?: () => Promise<void>): Promise<void>;
  /** The main instance's configuration with some settings changed (for a second, degraded instance). */
  config(overrides?: Partial<AppConfig>): AppConfig;
  /** Starts another API instance; the caller closes it. */
  listen(config: AppConfig): Promise<{ app: NestFastifyApplication; url: string }>;
  close(): Promise<void>;
}

export interface E2eStackOptions {
  /**
   * The worker's upward exchange (docs/EXCHANGE.md); none by default. Called once the API listens, with its URL (the
   * pull driver hands online reviews to it).
   */
  exchange?: (api: { baseUrl: string }) => ExchangeConfig | Promise<ExchangeConfig>;
  /** Settings of the API instances other than the defaults (e.g. the fuzz run switches the limits off). */
  limits?: Partial<IntakeLimits>;
  auth?: Partial<AuthSettings>;
  throttle?: Partial<ThrottleSettings>;
}

export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const db = await createTestDatabase();
  const taskQueue = `rectification-${randomUUID()}`;
  // The exchange's delivery loop is one per namespace; e2e stacks share the test server's namespace, so each runs its
  // own (the API signals it after a re-send).
  const exchangeDeliveryWorkflowId = `exchange-delivery-${taskQueue}`;
  const config = (overrides: Partial<AppConfig> = {}) =>
    Object.assign(
      new AppConfig(db.url, testTemporalAddress(), 'default', taskQueue, 0, '127.0.0.1', 64 * 1024, 200, false, parseDataKey(TEST_DATA_KEY), options.limits, options.auth, options.throttle),
      { exchangeDeliveryWorkflowId },
      overrides,
    );
  const listen = async (appConfig: AppConfig) => {
    const instance = await createApp(appConfig, { logger: false });
    await instance.listen(0, '127.0.0.1');
    return { app: instance, url: `${await instance.getUrl()}/api` };
  };

  const main = await listen(config());
  const given = options.exchange ? await options.exchange({ baseUrl: main.url }) : null;
  const exchange = given ? { ...given, workflowId: given.workflowId ?? exchangeDeliveryWorkflowId } : null;
  const startWorker = () =>
    NestFactory.createApplicationContext(
      WorkerModule.forConfig(
        // The county's schedules under ids of this stack's own: stacks share the test server's namespace.
        Object.assign(new WorkerConfig(db.url, testTemporalAddress(), 'default', taskQueue, 100, parseDataKey(TEST_DATA_KEY), {}, exchange), { scheduleIdSuffix: `-${taskQueue}` }),
      ),
      { logger: false },
    );
  const stack: E2eStack = {
    db,
    baseUrl: main.url,
    app: main.app,
    worker: await startWorker(),
    config,
    listen,
    async restartWorker(whileDown) {
      await stack.worker.close();
      await whileDown?.();
      stack.worker = await startWorker();
    },
    async close() {
      await main.app.close();
      await stack.worker.close();
      await db.drop();
    },
  };
  return stack;
}
