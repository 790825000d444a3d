import { startUpstreamSimulator, type SimulatorStats, type UpstreamSimulator } from './simulator';

const KEY = 'test-upstream-key';

/** A valid review record as the county sends it (docs/EXCHANGE.md). */
const review = (id: string, more: Record<string, unknown> = {}) => ({
  type: 'REVIEW',
  id,
  areaCode: '370829',
  orgCode: 'jintun',
  orgName: '金屯镇便民服务中心',
  deptCode: '11370829MB2857318X',
  taskCode: 'RS-001',
  taskName: '城乡居民养老保险参保登记',
  projectNo: 'JX-2026-0001',
  pf: 3,
  channelRaw: 'WINDOW_QR',
  evaluatorType: 1,
  satisfaction: 2,
  reasonCodes: ['A1'],
  optionSetVersion: 1,
  text: '排队时间太长',
  evaluateTime: '2026-11-30T10:00:00+08:00',
  evaluateType: 1,
  dataSource: 'JXXHCP',
  ...more,
});

const rectification = (id: string, evaluationId: string) => ({
  type: 'RECTIFICATION',
  id,
  areaCode: '370829',
  orgCode: 'jintun',
  orgName: '金屯镇便民服务中心',
  evaluationId,
  callbackResult: 'REACHED',
  callbackTime: '2026-11-30T10:30:00+08:00',
  verificationFinding: 'TRUE',
  measures: '增开窗口',
  result: '已整改',
  rectifyTime: '2026-11-30T16:00:00+08:00',
  dataSource: 'JXXHCP',
});

describe('the upstream simulator over real HTTP', () => {
  let simulator: UpstreamSimulator;

  beforeEach(async () => {
    simulator = await startUpstreamSimulator({ appKey: KEY });
  });
  afterEach(async () => {
    await simulator.close();
  });

  const call = async (method: string, path: string, body?: unknown, key: string | null = KEY) => {
    const headers: Record<string, string> = {};
    if (key !== null) headers['x-app-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${simulator.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const send = (records: unknown[]) => call('POST', '/api/v1/records', { records });
  const stats = async () => (await call('GET', '/_control/stats')).body as unknown as SimulatorStats;

  it('stores each record once by id: a resend answers DUPLICATE, and the stats count both deliveries', async () => {
    const first = await send([review('r-1'), rectification('r-1:result:1', 'r-1')]);
    expect(first).toEqual({ status: 200, body: { results: [{ id: 'r-1', status: 'ACCEPTED' }, { id: 'r-1:result:1', status: 'ACCEPTED' }] } });
    const again = await send([review('r-1')]);
    expect(again.body.results).toEqual([{ id: 'r-1', status: 'DUPLICATE', code: 'ALREADY_EXISTS', message: 'a record with this id already exists' }]);
    expect(await stats()).toEqual({ requests: 2, stored: { REVIEW: 1, RECTIFICATION: 1, REJECTION: 0 }, duplicates: 1, rejected: 0, deliveriesById: { 'r-1': 2, 'r-1:result:1': 1 } });
  });

  it.each([
    ['a satisfaction outside 1–5', { satisfaction: 6 }, /\/satisfaction must be <= 5/],
    ['an unknown channel code', { pf: 9 }, /\/pf must be equal to one of the allowed values/],
    ['a field the format does not have', { phone: '13900000000' }, /must NOT have additional properties/],
    ['a malformed time', { evaluateTime: '30/11/2026' }, /\/evaluateTime must match format "date-time"/],
    ['a malformed unified social credit code', { deptCode: '123' }, /\/deptCode must match pattern/],
  ])('refuses one record with %s and keeps the others of the batch', async (_what, change, message) => {
    const { body } = await send([review('good-1'), review('bad-1', change)]);
    const results = body.results as Array<{ id: string; status: string; code?: string; message?: string }>;
    expect(results[0]).toEqual({ id: 'good-1', status: 'ACCEPTED' });
    expect(results[1]).toMatchObject({ id: 'bad-1', status: 'REJECTED', code: 'INVALID_RECORD' });
    expect(results[1].message).toMatch(message);
    expect((await stats()).stored.REVIEW).toBe(1);
  });

  it('refuses a request without the app key (401) and a malformed batch (400), storing nothing', async () => {
    expect((await call('POST', '/api/v1/records', { records: [review('k-1')] }, null)).status).toBe(401);
    expect((await call('POST', '/api/v1/records', { records: [review('k-1')] }, 'wrong')).status).toBe(401);
    expect(await call('POST', '/api/v1/records', { records: [] })).toEqual({ status: 400, body: { code: 'INVALID_BATCH', message: 'body must be { records: [...] } with 1 to 500 records' } });
    expect((await stats()).stored.REVIEW).toBe(0);
  });

  it('fails on command for a number of requests, then recovers; nothing is stored while it fails', async () => {
    await call('PUT', '/_control/fault', { mode: 'fail', status: 502, times: 2 });
    expect((await send([review('f-1')])).status).toBe(502);
    expect((await send([review('f-1')])).status).toBe(502);
    expect((await send([review('f-1')])).body.results).toEqual([{ id: 'f-1', status: 'ACCEPTED' }]);
    expect(await stats()).toMatchObject({ requests: 3, stored: { REVIEW: 1 }, deliveriesById: { 'f-1': 1 } });
  });

  it('answers "already exists" on command (a lost answer to an earlier delivery): the record is stored once all the same', async () => {
    await call('PUT', '/_control/fault', { mode: 'duplicate' });
    expect((await send([review('d-1')])).body.results).toMatchObject([{ id: 'd-1', status: 'DUPLICATE', code: 'ALREADY_EXISTS' }]);
    await call('DELETE', '/_control/fault');
    expect((await send([review('d-1')])).body.results).toMatchObject([{ id: 'd-1', status: 'DUPLICATE' }]);
    expect((await stats()).stored.REVIEW).toBe(1);
  });

  it('refuses records carrying a named field on command', async () => {
    await call('PUT', '/_control/fault', { mode: 'refuse-field', field: 'reasonCodes' });
    const { body } = await send([review('x-1'), review('x-2', { reasonCodes: undefined })]);
    expect(body.results).toEqual([
      { id: 'x-1', status: 'REJECTED', code: 'FIELD_REFUSED', message: 'field reasonCodes is not accepted' },
      { id: 'x-2', status: 'ACCEPTED' },
    ]);
  });

  it('times out on command: the connection is dropped unanswered and nothing is stored', async () => {
    await call('PUT', '/_control/fault', { mode: 'timeout', delayMs: 50, times: 1 });
    await expect(send([review('t-1')])).rejects.toThrow();
    expect((await stats()).stored.REVIEW).toBe(0);
  });

  it('answers slowly on command, then normally', async () => {
    await call('PUT', '/_control/fault', { mode: 'slow', delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await send([review('s-1')])).body.results).toEqual([{ id: 's-1', status: 'ACCEPTED' }]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('counts records per hall, type and Shanghai day of their time, for the daily reconciliation', async () => {
    await send([
      review('c-1', { evaluateTime: '2026-11-30T23:59:59+08:00' }),
      review('c-2', { evaluateTime: '2026-11-30T00:00:00+08:00' }),
      review('c-3', { evaluateTime: '2026-11-29T16:00:00Z' }), // 2026-11-30 00:00 in Shanghai
      review('c-4', { evaluateTime: '2026-12-01T00:00:00+08:00' }),
      review('c-5', { orgCode: 'zhifang', evaluateTime: '2026-11-30T09:00:00+08:00' }),
      rectification('c-1:result:1', 'c-1'),
    ]);
    expect((await call('GET', '/api/v1/counts?date=2026-11-30')).body).toEqual({
      date: '2026-11-30',
      counts: [
        { orgCode: 'jintun', type: 'RECTIFICATION', count: 1 },
        { orgCode: 'jintun', type: 'REVIEW', count: 3 },
        { orgCode: 'zhifang', type: 'REVIEW', count: 1 },
      ],
    });
    expect((await call('GET', '/api/v1/counts?date=30-11-2026')).status).toBe(400);
  });

  it('serves online reviews from a cursor, resumable: each page once, in order, and logs the pages asked for', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ evaluationId: `SD-EVAL-000${i}`, projectNo: `ONLINE-${i}`, satisfaction: 5 - (i % 5), evaluateTime: '2026-11-30T02:00:00.000Z' }));
    expect((await call('POST', '/_control/online-reviews', { items })).body).toEqual({ total: 5 });
    const first = (await call('GET', '/api/v1/online-reviews?limit=2')).body;
    expect(first).toEqual({ items: items.slice(0, 2), nextCursor: '2' });
    const second = (await call('GET', `/api/v1/online-reviews?cursor=${String(first.nextCursor)}&limit=10`)).body;
    expect(second).toEqual({ items: items.slice(2), nextCursor: '5' });
    expect((await call('GET', '/api/v1/online-reviews?cursor=5')).body).toEqual({ items: [], nextCursor: '5' });
    expect((await call('GET', '/api/v1/online-reviews?cursor=abc')).status).toBe(400);
    expect((await call('GET', '/_control/online-reviews')).body).toEqual({
      total: 5,
      requests: [
        { cursor: '', limit: 2, served: 2 },
        { cursor: '2', limit: 10, served: 3 },
        { cursor: '5', limit: 100, served: 0 },
      ],
    });
  });

  // [what is seeded, what the refusal names]: nothing of a refused batch is served.
  it.each<[string, unknown, RegExp]>([
    ['no items array', { reviews: [] }, /items/],
    ['an item without its case number', { items: [{ evaluationId: 'SD-1', satisfaction: 5, evaluateTime: '2026-11-30T02:00:00.000Z' }] }, /items\[0\].*projectNo/],
    ['a satisfaction of 6', { items: [{ evaluationId: 'SD-1', projectNo: 'P', satisfaction: 6, evaluateTime: '2026-11-30T02:00:00.000Z' }] }, /items\[0\]\/satisfaction/],
    ['a time without its zone', { items: [{ evaluationId: 'SD-1', projectNo: 'P', satisfaction: 5, evaluateTime: '2026-11-30 10:00' }] }, /evaluateTime/],
  ])('refuses to seed online reviews with %s (the feed\'s schema)', async (_what, body, message) => {
    const answer = await call('POST', '/_control/online-reviews', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'INVALID_ONLINE_REVIEWS', message: expect.stringMatching(message) as unknown });
    expect((await call('GET', '/api/v1/online-reviews')).body).toEqual({ items: [], nextCursor: '0' });
  });

  it('serves the record schemas it validates against', async () => {
    const { body } = await call('GET', '/api/v1/schema');
    expect(Object.keys(body)).toEqual(['REVIEW', 'RECTIFICATION', 'REJECTION', 'ONLINE_REVIEW']);
    expect((body.REVIEW as { required: string[] }).required).toContain('satisfaction');
  });
});
