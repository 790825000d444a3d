import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ExchangeReconciliationActivities } from '@haochaping/contracts';
import { createPgPool, type Pool } from '@haochaping/db';
import { WorkerConfig } from '../config/worker-config';
import { createExchangeReconciliationActivities } from './exchange-reconciliation.activities';
import { fetchUpstreamCounts } from './upstream-counts.client';

/**
 * The count reconciliation's activity, always registered (so a 立即核对 without an upstream fails at once with why,
 * rather than waiting for a worker that has it), with a small pool of its own.
 */
@Injectable()
export class ExchangeReconciliationProvider implements OnApplicationShutdown {
  private readonly pool: Pool;
  readonly activities: ExchangeReconciliationActivities;

  constructor(config: WorkerConfig) {
    this.pool = createPgPool(config.databaseUrl, 1);
    const upstream = config.exchange?.upstream;
    this.activities = createExchangeReconciliationActivities({ pool: this.pool, upstreamCounts: upstream ? (day) => fetchUpstreamCounts(upstream, day) : null });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
