import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { WorkerConfig } from '../config/worker-config';
import { WorkerModule } from '../worker.module';
import { NotificationDispatcher, type NotificationDispatcherOptions } from './notification-dispatcher.service';
import { HttpSmsDriver } from './sms/http-sms.driver';
import { FakeSmsGateway, type GatewayRequest } from './sms/testing/fake-sms-gateway';

describe('NotificationDispatcher against PostgreSQL and a local SMS gateway', () => {
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const gateway = new FakeSmsGateway();
  const options: NotificationDispatcherOptions = { pollMs: 60_000, maxAttempts: 3, retryBaseMs: 30_000, leaseMs: 60_000 };
  let db: TestDatabase;
  let prisma: PrismaClient;
  let gatewayUrl: string;
  let clock: Date;
  let dispatcher: NotificationDispatcher;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    gatewayUrl = await gateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
    await prisma.$disconnect();
    await db.drop();
  });
  beforeEach(async () => {
    await prisma.notification.deleteMany();
    gateway.requests.splice(0);
    gateway.answer = () => ({ status: 200, body: '{"code":0}' });
    clock = new Date('2026-03-04T02:00:00.000Z');
    dispatcher = newDispatcher(prisma);
  });

  function newDispatcher(client: PrismaClient): NotificationDispatcher {
    return new NotificationDispatcher(client, protector, new HttpSmsDriver({ url: gatewayUrl, key: 'k', timeoutMs: 2_000 }), options, () => clock);
  }
  const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

  async function sms(phone: string, { dueInMs = -60_000, recipientEnc = protector.encrypt(phone) } = {}) {
    return prisma.notification.create({
      data: {
        channel: 'SMS',
        key: `test:${randomUUID()}`,
        template: 'RESULT_TO_REVIEWER',
        params: {},
        recipientEnc,
        body: `您对金屯镇的评价已整改完毕（${phone.slice(-4)}）。`,
        availableAt: new Date(clock.getTime() + dueInMs),
      },
    });
  }
  const row = (id: bigint) => prisma.notification.findUniqueOrThrow({ where: { id } });
  const phonesSent = (requests: GatewayRequest[] = gateway.requests) => requests.map((request) => (request.body as { phone: string }).phone);

  it('sends each due SMS once, decrypted, with its text and template, and a second pass sends nothing', async () => {
    const first = await sms('13800000001');
    const second = await sms('13800000002');
    const later = await sms('13800000003', { dueInMs: 60_000 });

    await expect(dispatcher.dispatchDue()).resolves.toEqual({ consoleReleased: 0, sent: 2, retrying: 0, failed: 0 });
    expect(gateway.requests.map((request) => request.body)).toEqual([
      { phone: '13800000001', text: '您对金屯镇的评价已整改完毕（0001）。', templateId: 'RESULT_TO_REVIEWER' },
      { phone: '13800000002', text: '您对金屯镇的评价已整改完毕（0002）。', templateId: 'RESULT_TO_REVIEWER' },
    ]);
    for (const id of [first.id, second.id]) expect(await row(id)).toMatchObject({ sentAt: clock, attempts: 1, lastError: null });
    expect(await row(later.id)).toMatchObject({ sentAt: null, attempts: 0 });

    await expect(dispatcher.dispatchDue()).resolves.toEqual({ consoleReleased: 0, sent: 0, retrying: 0, failed: 0 });
    expect(gateway.requests).toHaveLength(2);
  });

  it('retries a failed send after 30 s, then 60 s (exponential backoff), and delivers it once the gateway accepts', async () => {
    const answers = [{ status: 500, body: 'busy' }, { status: 200, body: '{"code":1003,"message":"限流"}' }, { status: 200, body: '{"code":0}' }];
    gateway.answer = () => answers.shift() ?? { status: 599, body: 'no more answers' };
    const notification = await sms('13800000004');

    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ sent: 0, retrying: 1 });
    expect(await row(notification.id)).toMatchObject({ sentAt: null, attempts: 1, lastError: 'SMS gateway answered HTTP 500: busy', availableAt: new Date(clock.getTime() + 30_000) });

    advance(29_999);
    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ sent: 0, retrying: 0 });
    expect(gateway.requests).toHaveLength(1);

    advance(1);
    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ retrying: 1 });
    expect(await row(notification.id)).toMatchObject({ attempts: 2, lastError: 'SMS gateway refused the message (code 1003): 限流', availableAt: new Date(clock.getTime() + 60_000) });

    advance(60_000);
    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ sent: 1 });
    expect(await row(notification.id)).toMatchObject({ sentAt: clock, attempts: 3, lastError: null });
    advance(3_600_000);
    await dispatcher.dispatchDue();
    expect(phonesSent()).toEqual(['13800000004', '13800000004', '13800000004']);
  });

  it('gives up after the last attempt and keeps the row, marked failed', async () => {
    gateway.answer = () => ({ status: 503, body: 'down' });
    const notification = await sms('13800000005');
    for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
      await dispatcher.dispatchDue();
      advance(3_600_000);
    }
    expect(gateway.requests).toHaveLength(options.maxAttempts);
    expect(await row(notification.id)).toMatchObject({ sentAt: null, attempts: 3, lastError: 'gave up after 3 attempt(s): SMS gateway answered HTTP 503: down' });

    advance(24 * 3_600_000);
    await expect(dispatcher.dispatchDue()).resolves.toEqual({ consoleReleased: 0, sent: 0, retrying: 0, failed: 0 });
    expect(gateway.requests).toHaveLength(options.maxAttempts);
  });

  it('gives up at once, without calling the gateway, on a recipient that cannot be decrypted', async () => {
    const notification = await sms('13800000006', { recipientEnc: new DataProtector(Buffer.alloc(32, 9)).encrypt('13800000006') });
    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ failed: 1 });
    expect((await row(notification.id)).lastError).toMatch(/^gave up after 1 attempt\(s\): the recipient cannot be decrypted/);
    advance(24 * 3_600_000);
    await expect(dispatcher.dispatchDue()).resolves.toMatchObject({ failed: 0 });
    expect(gateway.requests).toHaveLength(0);
  });

  it('marks console notices written without sentAt as available and never sends them by SMS', async () => {
    const notice = await prisma.notification.create({
      data: { channel: 'CONSOLE', key: `test:${randomUUID()}`, template: 'REMINDER', params: {}, audienceRole: 'HANDLER', body: '提醒', availableAt: new Date(clock.getTime() - 1) },
    });
    await expect(dispatcher.dispatchDue()).resolves.toEqual({ consoleReleased: 1, sent: 0, retrying: 0, failed: 0 });
    expect((await row(notice.id)).sentAt).toEqual(clock);
    expect(gateway.requests).toHaveLength(0);
  });

  it('never sends one row twice when two workers poll at the same time (FOR UPDATE SKIP LOCKED)', async () => {
    // A slow gateway keeps both passes busy at once.
    gateway.answer = () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: '{"code":0}' }), 20));
    const phones = Array.from({ length: 30 }, (_, index) => `139${String(index).padStart(8, '0')}`);
    for (const phone of phones) await sms(phone);
    const other = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    try {
      const small = { ...options, batchSize: 5 };
      const dispatchers = [prisma, other].map((client) => new NotificationDispatcher(client, protector, new HttpSmsDriver({ url: gatewayUrl, key: 'k', timeoutMs: 2_000 }), small, () => clock));
      for (let round = 0; round < 4; round += 1) await Promise.all(dispatchers.map((d) => d.dispatchDue()));
      expect(phonesSent().sort()).toEqual(phones);
      expect(await prisma.notification.count({ where: { sentAt: null } })).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });

  it('runs in the worker module: SMS_DRIVER=http delivers a due SMS without anyone asking, once', async () => {
    const notification = await sms('13800000007', { dueInMs: Date.now() - clock.getTime() - 1_000 });
    const config = new WorkerConfig(db.url, testTemporalAddress(), 'default', `notifications-${randomUUID()}`, 10, parseDataKey(TEST_DATA_KEY), {
      smsDriver: 'http',
      smsGatewayUrl: gatewayUrl,
      smsGatewayKey: 'worker-key',
      notificationPollMs: 50,
    });
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forConfig(config), { logger: false });
    try {
      await eventually(async () => (await row(notification.id)).sentAt !== null);
      expect(gateway.requests.map((request) => [request.authorization, (request.body as { phone: string }).phone])).toEqual([['Bearer worker-key', '13800000007']]);
    } finally {
      await worker.close();
    }
  });
});

/** Polls the database (real time, not a workflow's) until the condition holds. */
async function eventually(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
