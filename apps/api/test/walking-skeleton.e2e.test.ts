import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { testTemporalAddress } from '@haochaping/devstack';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

/**
 * The walking skeleton over HTTP against real services: the API as it runs in production (Fastify, global
 * pipes and filters) on a free port, the real worker module, PostgreSQL and the Temporal dev server that
 * `npm test` started.
 */
describe('walking skeleton: a bad review over HTTP starts one durable workflow whose state the API reads back', () => {
  let stack: E2eStack;
  let prisma: PrismaClient;
  let temporal: Client;
  let baseUrl: string;

  beforeAll(async () => {
    stack = await startE2eStack();
    baseUrl = stack.baseUrl;
    prisma = createPrismaClient({ databaseUrl: stack.db.url, poolSize: 2 });
    temporal = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }) });
  });

  afterAll(async () => {
    await temporal?.connection.close();
    await prisma?.$disconnect();
    await stack?.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** A county supervisor, through the development-only identity header. */
  const supervisor = { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) };

  /** The workflow answers its state query (live=1) once its worker has opened the case. */
  const readState = (reviewId: string) =>
    eventually(async () => {
      const response = await fetch(`${baseUrl}/rectifications/${reviewId}?live=1`, { headers: supervisor });
      return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
    });

  it('reports PostgreSQL and Temporal as up', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('starts rectification-<reviewId> for a level-2 review and reads its state back from the workflow', async () => {
    const response = await post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '  排队时间太长  ', clientKey: randomUUID() });
    expect(response.status).toBe(201);
    const review = (await response.json()) as { id: string; comment: string; rectification: { workflowId: string } };
    expect(review.comment).toBe('排队时间太长');
    expect(review.rectification.workflowId).toBe(`rectification-${review.id}`);

    const state = await readState(review.id);
    expect(state).toMatchObject({ reviewId: review.id, hallCode: 'jintun', hallName: '金屯镇', level: 2, state: 'PENDING_VERIFICATION', stateLabel: '待核实' });

    // The read model follows the workflow (written by an activity right after the case opens): poll for it.
    const projection = await eventually(() => prisma.rectificationCase.findUnique({ where: { reviewId: review.id }, include: { timeline: true } }));
    expect(projection).toMatchObject({ state: 'PENDING_VERIFICATION', workflowId: `rectification-${review.id}` });
    expect(projection?.timeline).toHaveLength(1);
  });

  it('starts exactly one workflow however often the same submission is retried', async () => {
    const clientKey = randomUUID();
    const body = { hallCode: 'zhifang', level: 1, comment: '态度生硬', clientKey };
    const responses = await Promise.all(Array.from({ length: 6 }, () => post('/public/reviews', body)));
    const reviews = (await Promise.all(responses.map((r) => r.json()))) as Array<{ id: string; created: boolean }>;

    expect(new Set(reviews.map((r) => r.id)).size).toBe(1);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(5);
    const reviewId = reviews[0].id;
    await readState(reviewId);

    const again = await post('/public/reviews', body);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(reviewId);

    expect(await prisma.review.count({ where: { clientKey } })).toBe(1);
    expect(await prisma.outboxMessage.count({ where: { key: `rectification-${reviewId}` } })).toBe(1);
    const executions = await temporal.workflow.count(`WorkflowId = "rectification-${reviewId}"`);
    expect(executions.count).toBe(1);
  });

  it('records a good review without starting a workflow', async () => {
    const response = await post('/public/reviews', { hallCode: 'macun', level: 5, clientKey: randomUUID() });
    expect(response.status).toBe(201);
    const review = (await response.json()) as { id: string; rectification?: unknown };
    expect(review.rectification).toBeUndefined();
    expect(await prisma.outboxMessage.count({ where: { key: `rectification-${review.id}` } })).toBe(0);
  });

  describe('refuses bad input with one JSON error shape and writes nothing', () => {
    const valid = () => ({ hallCode: 'jintun', level: 2, clientKey: randomUUID() });
    // Every row has all five columns: Jest treats a callback with more parameters than the row as taking `done`.
    const cases: Array<[string, () => unknown, number, string, string | undefined]> = [
      ['missing fields', () => ({}), 422, 'VALIDATION_FAILED', 'level'],
      ['a level of 7', () => ({ ...valid(), level: 7 }), 422, 'VALIDATION_FAILED', 'level'],
      ['a level given as text', () => ({ ...valid(), level: '2' }), 422, 'VALIDATION_FAILED', 'level'],
      ['a fractional level', () => ({ ...valid(), level: 1.5 }), 422, 'VALIDATION_FAILED', 'level'],
      ['an unknown hall', () => ({ ...valid(), hallCode: 'atlantis' }), 422, 'UNKNOWN_HALL', 'hallCode'],
      ['an unknown field', () => ({ ...valid(), trackingCode: 'x' }), 422, 'VALIDATION_FAILED', 'trackingCode'],
      ['a comment of 501 characters', () => ({ ...valid(), comment: '长'.repeat(501) }), 422, 'VALIDATION_FAILED', 'comment'],
      ['a malformed client key', () => ({ ...valid(), clientKey: 'a b' }), 422, 'VALIDATION_FAILED', 'clientKey'],
      ['malformed JSON', () => '{"hallCode": "jintun", "level": ', 400, 'MALFORMED_JSON', undefined],
      ['an oversized body', () => ({ ...valid(), comment: 'x'.repeat(70 * 1024) }), 413, 'PAYLOAD_TOO_LARGE', undefined],
    ];

    it.each(cases)('%s', async (_label, body, status, code, field) => {
      const before = await prisma.review.count();
      const response = await post('/public/reviews', body());
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/json');
      const error = (await response.json()) as { statusCode: number; code: string; message: string; path: string; requestId: string; errors?: Array<{ field: string; message: string }> };
      expect(error).toMatchObject({ statusCode: status, code, path: '/api/public/reviews' });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/); // a Chinese message a citizen can read
      expect(error.requestId).toBeTruthy();
      if (field) expect(error.errors?.map((e) => e.field)).toContain(field);
      error.errors?.forEach((e) => expect(e.message).toMatch(/[\u4e00-\u9fa5]/));
      expect(await prisma.review.count()).toBe(before);
    });
  });

  it('answers 404 in the same shape for a case that does not exist', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const response = await fetch(`${baseUrl}/rectifications/${id}`, { headers: supervisor });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404, code: 'RECTIFICATION_NOT_FOUND', message: '未找到该整改工单' });
    }
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(`${baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/public/reviews', '/api/rectifications/{id}', '/api/health']));
    expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);
  });

  describe('health when a dependency is down', () => {
    it.each([
      ['Temporal', { temporalAddress: '127.0.0.1:1' }, { postgres: 'up', temporal: 'down' }],
      ['PostgreSQL', { databaseUrl: 'postgresql://nobody:nothing@127.0.0.1:1/none' }, { postgres: 'down', temporal: 'up' }],
    ])('answers 503 when %s is down, naming it', async (_label, overrides, expected) => {
      const degraded = await stack.listen(stack.config(overrides));
      try {
        const response = await fetch(`${degraded.url}/health`);
        expect(response.status).toBe(503);
        const report = (await response.json()) as { status: string; checks: Record<string, { status: string }> };
        expect(report.status).toBe('error');
        expect(report.checks.postgres?.status).toBe(expected.postgres);
        expect(report.checks.temporal?.status).toBe(expected.temporal);
      } finally {
        await degraded.app.close();
      }
    });
  });
});
