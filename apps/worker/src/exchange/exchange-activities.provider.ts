import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ExchangeActivities } from '@haochaping/contracts';
import { createPgPool, type Pool } from '@haochaping/db';
import { WorkerConfig } from '../config/worker-config';
import { createExchangeActivities } from './exchange.activities';
import { UpstreamHttpDriver } from './upstream-http.driver';

/** The exchange's activity, with its own small pool (one round holds a connection while its POST runs); none without UPSTREAM_URL. */
@Injectable()
export class ExchangeActivitiesProvider implements OnApplicationShutdown {
  private readonly pool: Pool | null;
  readonly activities: ExchangeActivities | null;

  constructor(config: WorkerConfig) {
    const exchange = config.exchange;
    this.pool = exchange ? createPgPool(config.databaseUrl, 2) : null;
    this.activities =
      exchange && this.pool ? createExchangeActivities({ pool: this.pool, driver: new UpstreamHttpDriver(exchange.upstream), sender: exchange.sender, policy: exchange.policy }) : null;
  }

  /** After the Temporal worker has drained (TemporalWorkerService, onModuleDestroy). */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.end();
  }
}
