import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { PrismaService } from '../prisma/prisma.service';

/**
 * The API's Prometheus metrics (prom-client), one registry per application so tests can build several: HTTP
 * latency by route, reviews accepted by channel, workflow starts, and the outbox's lag read at scrape time.
 * Names and labels never carry personal data (routes are templates, `/api/rectifications/:id`).
 */
@Injectable()
export class ApiMetrics implements OnModuleDestroy {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'haochaping_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly reviewsAccepted = new Counter({
    name: 'haochaping_reviews_accepted_total',
    help: 'Reviews stored, by channel and whether bad (levels 1–2)',
    labelNames: ['channel', 'bad'] as const,
    registers: [this.registry],
  });

  readonly workflowsStarted = new Counter({
    name: 'haochaping_workflows_started_total',
    help: 'Rectification workflows the outbox started (a start Temporal already had is not counted)',
    registers: [this.registry],
  });

  constructor(prisma: PrismaService) {
    collectDefaultMetrics({ register: this.registry, prefix: 'haochaping_api_' });
    new Gauge({
      name: 'haochaping_outbox_lag_seconds',
      help: 'Age of the oldest workflow start not yet delivered to Temporal (0 when none waits)',
      registers: [this.registry],
      async collect() {
        const rows = await prisma.client.$queryRaw<Array<{ lag: number | null }>>`
          SELECT EXTRACT(EPOCH FROM (now() - min("created_at")))::float8 AS lag FROM "outbox_message" WHERE "dispatched_at" IS NULL`;
        this.set(Math.max(0, rows[0]?.lag ?? 0));
      },
    });
    new Gauge({
      name: 'haochaping_outbox_pending',
      help: 'Workflow starts written and not yet delivered to Temporal',
      registers: [this.registry],
      async collect() {
        this.set(await prisma.client.outboxMessage.count({ where: { dispatchedAt: null } }));
      },
    });
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
