import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Connection } from '@temporalio/client';
import { RECTIFICATION_WORKFLOW_TYPE } from '@haochaping/contracts';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { WorkerConfig, WorkerModule } from '@haochaping/worker';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { eventually } from './helpers/eventually';

/**
 * A TCP forwarder on a port of its own in front of the real Temporal: "down" is nothing listening on the port
 * (connections refused, as when the Temporal host is away), "up" forwards every connection to Temporal.
 */
class TemporalLink {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  /** Takes a free port and leaves it closed: the API is configured with it while nothing answers there. */
  async reservePort(): Promise<void> {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    this.port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }

  async up(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.port, '127.0.0.1', resolve);
    });
  }

  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

/**
 * The transactional outbox's promise (apps/api/src/outbox): while Temporal is unreachable a bad review is still
 * recorded and answered 201, its workflow-start message waits in the outbox, and the workflow starts once Temporal
 * is back, with nobody resubmitting anything.
 */
describe('outbox resilience: Temporal down, then up', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let link: TemporalLink;
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let temporal: Client;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    const [host, port] = testTemporalAddress().split(':');
    link = new TemporalLink({ host, port: Number(port) });
    await link.reservePort();

    const taskQueue = `rectification-${randomUUID()}`;
    // The API reaches Temporal only through the link; the worker (another host in production) reaches it directly.
    const config = new AppConfig(db.url, `127.0.0.1:${link.port}`, 'default', taskQueue, 0, '127.0.0.1', 64 * 1024, 200, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forConfig(new WorkerConfig(db.url, testTemporalAddress(), 'default', taskQueue, 100, parseDataKey(TEST_DATA_KEY))),
      { logger: false },
    );
    temporal = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
  });

  afterAll(async () => {
    await app?.close();
    await worker?.close();
    await link?.down();
    await temporal?.connection.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const submit = (body: Record<string, unknown>) =>
    fetch(`${baseUrl}/public/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const temporalHealth = async () => {
    const response = await fetch(`${baseUrl}/health`);
    return { status: response.status, temporal: ((await response.json()) as { checks: { temporal: { status: string } } }).checks.temporal.status };
  };

  it('accepts bad reviews while Temporal is unreachable and starts their workflows once it is back', async () => {
    expect(await temporalHealth()).toEqual({ status: 503, temporal: 'down' });

    const submissions = [
      { hallCode: 'jintun', level: 1, comment: '窗口无人，等了一个小时', clientKey: randomUUID() },
      { hallCode: 'mandong', level: 2, comment: '材料被退回三次', clientKey: randomUUID() },
      { hallCode: 'macun', level: 1, comment: '态度生硬', clientKey: randomUUID() },
    ];
    const submittedAt = Date.now();
    const responses = await Promise.all(submissions.map(submit));
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
    // The request waits for its workflow start only briefly (IN_REQUEST_DELIVERY_DEADLINE_MS, 1 s), never for the
    // polling loop's 10 s deadline: a citizen's page must not hang while Temporal is away. Generous bound.
    expect(Date.now() - submittedAt).toBeLessThan(5_000);
    const reviews = (await Promise.all(responses.map((response) => response.json()))) as Array<{ id: string; hallCode: string; rectification: { workflowId: string } }>;
    const workflowIds = reviews.map((review) => review.rectification.workflowId);
    expect(workflowIds).toEqual(reviews.map((review) => `rectification-${review.id}`));

    // A citizen retrying while Temporal is still away gets the first review back, and no second message is queued.
    const retry = await submit(submissions[0]);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { id: string }).id).toBe(reviews[0].id);

    // Every review is recorded with its start message waiting in the outbox, the failed attempt on record.
    expect(await prisma.review.count({ where: { id: { in: reviews.map((review) => review.id) } } })).toBe(3);
    const pending = await prisma.outboxMessage.findMany({ where: { key: { in: workflowIds } }, orderBy: { id: 'asc' } });
    expect(pending.map((message) => message.key).sort()).toEqual([...workflowIds].sort());
    for (const message of pending) {
      expect(message.dispatchedAt).toBeNull();
      expect(message.attempts).toBeGreaterThanOrEqual(1);
      expect(message.lastError).toBeTruthy();
    }
    for (const workflowId of workflowIds) {
      await expect(temporal.workflow.getHandle(workflowId).describe()).rejects.toMatchObject({ name: 'WorkflowNotFoundError' });
    }

    await link.up();

    // The outbox loop delivers every message on its own, and each workflow exists once, running on our task queue.
    await eventually(async () => (await prisma.outboxMessage.count({ where: { key: { in: workflowIds }, dispatchedAt: { not: null } } })) === workflowIds.length, 90_000);
    for (const workflowId of workflowIds) {
      const description = await temporal.workflow.getHandle(workflowId).describe();
      expect(description).toMatchObject({ workflowId, type: RECTIFICATION_WORKFLOW_TYPE, status: { name: 'RUNNING' } });
    }
    expect(await prisma.outboxMessage.count({ where: { key: { in: workflowIds } } })).toBe(3);
    // The worker ran them: each case opened in the read model.
    await eventually(async () => (await prisma.rectificationCase.count({ where: { workflowId: { in: workflowIds } } })) === workflowIds.length);
    expect(await temporalHealth()).toEqual({ status: 200, temporal: 'up' });
  });
});
