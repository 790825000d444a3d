import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PrismaClient } from '@haochaping/db';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/**
 * The worker's Prometheus metrics (prom-client) at GET /metrics on WORKER_METRICS_PORT. What the worker's work left
 * in the database is read at scrape time — SMS sent, given up and waiting, notices by kind, open cases overdue and
 * escalated — so the figures survive restarts and agree across several workers (take the max, not the sum). No
 * label carries personal data. The Temporal SDK's own metrics are its runtime's (TEMPORAL_METRICS_ADDRESS, main.ts).
 */
export function workerMetricsRegistry(prisma: Pick<PrismaClient, '$queryRaw'>): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'haochaping_worker_' });

  const countOf = async (query: Promise<Array<{ n: number }>>) => (await query)[0]?.n ?? 0;
  new Counter({
    name: 'haochaping_sms_sent_total',
    help: 'SMS the gateway accepted (reviewers and staff)',
    registers: [registry],
    async collect() {
      this.reset();
      this.inc(await countOf(prisma.$queryRaw`SELECT count(*)::int AS n FROM "notification" WHERE "channel" = 'SMS' AND "sent_at" IS NOT NULL`));
    },
  });
  new Counter({
    name: 'haochaping_sms_failed_total',
    help: 'SMS given up after their attempts or on a failure no retry can fix',
    registers: [registry],
    async collect() {
      this.reset();
      this.inc(await countOf(prisma.$queryRaw`SELECT count(*)::int AS n FROM "notification" WHERE "channel" = 'SMS' AND "sent_at" IS NULL AND "last_error" LIKE 'gave up%'`));
    },
  });
  new Gauge({
    name: 'haochaping_sms_pending',
    help: 'SMS waiting to be sent (held for office time or retrying)',
    registers: [registry],
    async collect() {
      this.set(await countOf(prisma.$queryRaw`SELECT count(*)::int AS n FROM "notification" WHERE "channel" = 'SMS' AND "sent_at" IS NULL AND ("last_error" IS NULL OR "last_error" NOT LIKE 'gave up%')`));
    },
  });
  new Counter({
    name: 'haochaping_notices_total',
    help: 'Console notices written, by kind (reminders, overdue, escalations, requests awaiting the county…)',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const rows = await prisma.$queryRaw<Array<{ kind: string; n: number }>>`
        SELECT "template" AS kind, count(*)::int AS n FROM "notification" WHERE "channel" = 'CONSOLE' GROUP BY 1`;
      this.reset();
      for (const row of rows) this.inc({ kind: row.kind }, row.n);
    },
  });
  new Gauge({
    name: 'haochaping_cases_overdue',
    help: 'Open rectification cases with an obligation past its due time',
    registers: [registry],
    async collect() {
      this.set(await countOf(prisma.$queryRaw`SELECT count(*)::int AS n FROM "rectification_case" WHERE "state" <> 'CLOSED' AND "overdue"`));
    },
  });
  new Gauge({
    name: 'haochaping_cases_escalated',
    help: 'Open rectification cases by the highest escalation reached: 1 town leader, 2 county',
    labelNames: ['level'] as const,
    registers: [registry],
    async collect() {
      const rows = await prisma.$queryRaw<Array<{ level: number; n: number }>>`
        SELECT LEAST("escalation_level", 2)::int AS level, count(*)::int AS n FROM "rectification_case"
        WHERE "state" <> 'CLOSED' AND "escalation_level" > 0 GROUP BY 1`;
      for (const level of [1, 2]) this.set({ level: String(level) }, rows.find((row) => row.level === level)?.n ?? 0);
    },
  });
  return registry;
}

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A bare HTTP server answering GET /metrics with the registry (the worker has no other HTTP surface). */
export async function startMetricsServer(registry: Registry, port: number, host = '127.0.0.1'): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(text),
      (error: unknown) => response.writeHead(503, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://${host}:${bound}/metrics`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
