import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { startMetricsServer, workerMetricsRegistry, type MetricsServer } from './worker-metrics';

/** One sample's value from the Prometheus text format, 0 when the series does not exist yet. */
function sample(metrics: string, name: string, labels = ''): number {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('the worker’s GET /metrics', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let server: MetricsServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    server = await startMetricsServer(workerMetricsRegistry(prisma), 0);
  });
  afterAll(async () => {
    await server?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const scrape = async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };
  const notice = (data: { channel: 'SMS' | 'CONSOLE'; template: string; sentAt?: Date; lastError?: string }) =>
    prisma.notification.create({ data: { key: randomUUID(), params: {}, body: '提醒', recipientEnc: data.channel === 'SMS' ? 'enc' : null, ...data } });

  it('moves with what the worker wrote: SMS sent, given up and waiting, notices by kind, open cases overdue and escalated', async () => {
    const before = await scrape();
    await notice({ channel: 'SMS', template: 'RESULT_TO_REVIEWER', sentAt: new Date() });
    await notice({ channel: 'SMS', template: 'STAFF_OVERDUE', sentAt: new Date() });
    await notice({ channel: 'SMS', template: 'RESULT_TO_REVIEWER', lastError: 'gave up after 6 attempt(s): 503' });
    await notice({ channel: 'SMS', template: 'STAFF_OVERDUE', lastError: 'gateway timeout' });
    await notice({ channel: 'CONSOLE', template: 'OVERDUE_LEVEL_1' });
    await notice({ channel: 'CONSOLE', template: 'OVERDUE_LEVEL_1' });
    await notice({ channel: 'CONSOLE', template: 'OVERDUE_LEVEL_2' });

    const hall = await prisma.hall.findFirstOrThrow({ where: { code: 'jintun' } });
    for (const [level, overdue, state] of [
      [1, true, 'RECTIFYING'],
      [2, true, 'REOPENED'],
      [2, false, 'AWAITING_CONFIRMATION'],
      [2, true, 'CLOSED'],
    ] as const) {
      const review = await prisma.review.create({ data: { hallId: hall.id, level: 1, channel: 'PUBLIC_FORM', trackingCode: randomUUID().slice(0, 10), clientKey: randomUUID() } });
      await prisma.rectificationCase.create({
        data: { reviewId: review.id, workflowId: `rectification-${review.id}`, hallId: hall.id, level: 1, state, stateLabel: state, openedAt: new Date(), escalationLevel: level, overdue },
      });
    }

    const after = await scrape();
    expect(sample(after, 'haochaping_sms_sent_total') - sample(before, 'haochaping_sms_sent_total')).toBe(2);
    expect(sample(after, 'haochaping_sms_failed_total') - sample(before, 'haochaping_sms_failed_total')).toBe(1);
    expect(sample(after, 'haochaping_sms_pending') - sample(before, 'haochaping_sms_pending')).toBe(1);
    expect(sample(after, 'haochaping_notices_total', 'kind="OVERDUE_LEVEL_1"') - sample(before, 'haochaping_notices_total', 'kind="OVERDUE_LEVEL_1"')).toBe(2);
    expect(sample(after, 'haochaping_notices_total', 'kind="OVERDUE_LEVEL_2"') - sample(before, 'haochaping_notices_total', 'kind="OVERDUE_LEVEL_2"')).toBe(1);
    expect(sample(after, 'haochaping_cases_overdue') - sample(before, 'haochaping_cases_overdue')).toBe(2);
    expect(sample(after, 'haochaping_cases_escalated', 'level="1"') - sample(before, 'haochaping_cases_escalated', 'level="1"')).toBe(1);
    expect(sample(after, 'haochaping_cases_escalated', 'level="2"') - sample(before, 'haochaping_cases_escalated', 'level="2"')).toBe(2);
    expect(after).toMatch(/^haochaping_worker_process_resident_memory_bytes \d/m);
  });

  it('answers only GET /metrics', async () => {
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(404);
  });
});
