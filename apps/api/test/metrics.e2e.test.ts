import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrismaClient } from '@haochaping/db';
import { workerMetricsRegistry } from '@haochaping/worker';
import { eventually } from './helpers/eventually';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';

/** One sample's value from the Prometheus text format, 0 when the series does not exist yet. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of metrics.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return 0;
}

describe('GET /metrics (Prometheus)', () => {
  let stack: E2eStack;
  let origin: string;

  beforeAll(async () => {
    stack = await startE2eStack();
    origin = stack.baseUrl.replace(/\/api$/, '');
  });
  afterAll(async () => {
    await stack?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${origin}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const review = (level: number) =>
    fetch(`${stack.baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'jintun', level, comment: level <= 2 ? '排队时间太长' : undefined, clientKey: randomUUID() }),
    });

  it('counts reviews by channel, the workflow a bad one starts, and each answer by route template; no personal data', async () => {
    const before = await scrape();
    expect((await review(1)).status).toBe(201);
    expect((await review(5)).status).toBe(201);

    const startedBefore = sample(before, 'haochaping_workflows_started_total');
    await eventually(async () => sample(await scrape(), 'haochaping_workflows_started_total') === startedBefore + 1);
    const after = await scrape();
    expect(sample(after, 'haochaping_reviews_accepted_total', { channel: 'PUBLIC_FORM', bad: 'true' })).toBe(sample(before, 'haochaping_reviews_accepted_total', { channel: 'PUBLIC_FORM', bad: 'true' }) + 1);
    expect(sample(after, 'haochaping_reviews_accepted_total', { channel: 'PUBLIC_FORM', bad: 'false' })).toBe(sample(before, 'haochaping_reviews_accepted_total', { channel: 'PUBLIC_FORM', bad: 'false' }) + 1);
    const posts = { method: 'POST', route: '/api/public/reviews', status: '201' };
    expect(sample(after, 'haochaping_http_request_duration_seconds_count', posts)).toBe(sample(before, 'haochaping_http_request_duration_seconds_count', posts) + 2);
    expect(after).toMatch(/^haochaping_outbox_lag_seconds \d/m);
    expect(after).toMatch(/^haochaping_outbox_pending \d/m);
    expect(after).toMatch(/^haochaping_api_process_resident_memory_bytes \d/m);
    expect(after).not.toMatch(/排队|jintun|clientKey/);
  });

  it('every metric the alert rules and the Grafana dashboard in deploy/ use is one the API or the worker exposes', async () => {
    const prisma = createPrismaClient({ databaseUrl: stack.db.url, poolSize: 1 });
    try {
      const exposed = `${await scrape()}\n${await workerMetricsRegistry(prisma).metrics()}`;
      const names = new Set([...exposed.matchAll(/^# TYPE (\w+) /gm)].map((match) => match[1]));
      const deploy = path.join(__dirname, '..', '..', '..', 'deploy');
      const used = ['prometheus/alerts.yml', 'grafana/dashboards/haochaping-overview.json']
        .map((file) => fs.readFileSync(path.join(deploy, file), 'utf8'))
        .flatMap((text) => [...text.matchAll(/haochaping_\w+/g)].map((match) => match[0].replace(/_(bucket|count|sum)$/, '')));
      expect(used.length).toBeGreaterThan(10);
      expect([...new Set(used)].filter((name) => !names.has(name))).toEqual([]);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('names a request by its route template, never its URL', async () => {
    await fetch(`${stack.baseUrl}/public/reviews/${randomUUID()}/nothing`);
    const metrics = await scrape();
    expect(metrics).toMatch(/route="unmatched",status="404"/);
    expect(metrics).not.toMatch(/route="\/api\/public\/reviews\/[0-9a-f-]{36}/);
  });
});
