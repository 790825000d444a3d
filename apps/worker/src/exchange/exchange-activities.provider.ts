import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ExchangeActivities } from '@haochaping/contracts';
import { createPgPool, type Pool } from '@haochaping/db';
import { WorkerConfig } from '../config/worker-config';
import { createExchangeActivities } from './exchange.activities';
import { createOnlineReviewPullActivities, IntakeHttpClient } from './online-review-pull.activities';
import type { OnlineReviewPullActivities } from './online-review-pull.contract';
import { UpstreamHttpDriver } from './upstream-http.driver';

/**
 * The exchange's activities, with their own small pool (one round holds a connection while its POST runs); none
 * without UPSTREAM_URL. The pull of online reviews only with EXCHANGE_PULL_API_KEY.
 */
@Injectable()
export class ExchangeActivitiesProvider implements OnApplicationShutdown {
  private readonly pool: Pool | null;
  readonly activities: (ExchangeActivities & Partial<OnlineReviewPullActivities>) | null;

  constructor(config: WorkerConfig) {
    const exchange = config.exchange;
    this.pool = exchange ? createPgPool(config.databaseUrl, 2) : null;
    if (!exchange || !this.pool) {
      this.activities = null;
      return;
    }
    const driver = new UpstreamHttpDriver(exchange.upstream);
    this.activities = {
      ...createExchangeActivities({ pool: this.pool, driver, sender: exchange.sender, policy: exchange.policy }),
      ...(exchange.pull ? createOnlineReviewPullActivities({ pool: this.pool, upstream: driver, intake: new IntakeHttpClient(exchange.pull.intake) }) : {}),
    };
  }

  /** After the Temporal worker has drained (TemporalWorkerService, onModuleDestroy). */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
