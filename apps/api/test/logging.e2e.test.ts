import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createTestDatabase, freePort, SupervisedProcess, testTemporalAddress, waitUntil, type TestDatabase } from '@haochaping/devstack';

const PHONE = '13912345678';
const NAME = '李四测试';

/** The API as production runs it (dist/main.js), its stdout read as the county's log shipper would. */
describe('structured logs (pino)', () => {
  let db: TestDatabase;
  let api: SupervisedProcess;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    api = new SupervisedProcess('api', process.execPath, [path.join(__dirname, '..', 'dist', 'main.js')], {
      env: { ...process.env, DATABASE_URL: db.url, TEMPORAL_ADDRESS: testTemporalAddress(), TEMPORAL_TASK_QUEUE: `logs-${randomUUID()}`, API_PORT: String(port), DATA_ENCRYPTION_KEY: TEST_DATA_KEY, LOG_LEVEL: 'info' },
    });
    baseUrl = `http://127.0.0.1:${port}/api`;
    await waitUntil('the API', async () => (await fetch(`${baseUrl}/health`)).ok, 60_000);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const lines = () =>
    api
      .tail(2_000)
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('one JSON line per answer with its request id, the user id and role, route path and status; no name, phone or secret', async () => {
    const reviewRequest = `req-${randomUUID()}`;
    const review = await fetch(`${baseUrl}/public/reviews?from=sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': reviewRequest },
      body: JSON.stringify({ hallCode: 'jintun', level: 1, comment: '排队时间太长', clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', name: NAME, phone: PHONE } }),
    });
    expect(review.status).toBe(201);
    const listRequest = `req-${randomUUID()}`;
    const actor = JSON.stringify({ userId: 'handler-logs-1', role: 'HANDLER', hallCodes: ['jintun'] });
    const list = await fetch(`${baseUrl}/reviews?filter=${encodeURIComponent(JSON.stringify({ q: NAME }))}`, { headers: { 'x-dev-actor': actor, 'x-request-id': listRequest } });
    expect(list.status).toBe(200);

    const completed = (id: string) => lines().find((line) => line.msg === 'request completed' && (line.req as { id?: string } | undefined)?.id === id);
    await waitUntil('both completion lines', () => Promise.resolve(completed(reviewRequest) !== undefined && completed(listRequest) !== undefined), 10_000, 50);
    expect(completed(reviewRequest)).toMatchObject({ level: 30, service: 'api', req: { id: reviewRequest, method: 'POST', path: '/api/public/reviews' }, res: { statusCode: 201 } });
    expect(completed(reviewRequest)).not.toHaveProperty('userId');
    expect(completed(listRequest)).toMatchObject({ req: { id: listRequest, method: 'GET', path: '/api/reviews' }, res: { statusCode: 200 }, userId: 'handler-logs-1', role: 'HANDLER' });
    expect(typeof completed(listRequest)?.responseTime).toBe('number');

    expect(lines().filter((line) => (line.req as { path?: string } | undefined)?.path === '/api/health')).toEqual([]);
    const everything = api.tail(2_000);
    expect(everything).not.toContain(PHONE);
    expect(everything).not.toContain(NAME);
    expect(everything).not.toContain(encodeURIComponent(NAME));
    expect(everything).not.toContain('handler-logs-1","role":"HANDLER","hallCodes');
  });
});
