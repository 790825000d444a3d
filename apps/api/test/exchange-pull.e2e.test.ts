import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { startUpstreamSimulator, type OnlineReview, type UpstreamSimulator } from '@haochaping/upstream-sim';
import { createOnlineReviewPullActivities, IntakeHttpClient, loadExchangeConfig, UpstreamHttpDriver, type ExchangeConfig } from '@haochaping/worker';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { query } from './helpers/sql';

/**
 * Online reviews from 山东政务服务网 come down by pull (docs/EXCHANGE.md, issue 15): the worker's pull loop reads the
 * simulator's feed over real HTTP from the cursor stored in the database, page by page, and hands every review to
 * the API's intake as the portal's push does. A review both pushed and pulled is stored once; a restarted worker
 * and a page cut short by a crash go on from the stored cursor, storing each review once.
 */
describe('the pull driver of online reviews', () => {
  const KEY = 'exchange-pull-e2e';
  const PAGE = 2;
  let simulator: UpstreamSimulator;
  let stack: E2eStack;
  let exchange: ExchangeConfig;
  /** The portal bridge's integration client: its key pushes, and the worker pulls with it. */
  let bridge: { id: string; key: string };

  beforeAll(async () => {
    simulator = await startUpstreamSimulator({ appKey: KEY });
    stack = await startE2eStack({
      exchange: async ({ baseUrl }) => {
        const created = await fetch(`${baseUrl}/admin/api-clients`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-dev-actor': JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] }) },
          body: JSON.stringify({ name: '山东政务服务网对接' }),
        });
        expect(created.status).toBe(201);
        bridge = (await created.json()) as { id: string; key: string };
        const env = { UPSTREAM_URL: simulator.url, UPSTREAM_APP_KEY: KEY, EXCHANGE_PULL_API_KEY: bridge.key, EXCHANGE_PULL_INTAKE_URL: baseUrl, EXCHANGE_PULL_PAGE_SIZE: String(PAGE), EXCHANGE_PULL_INTERVAL_MS: '200' };
        const config = loadExchangeConfig(env);
        if (!config?.pull) throw new Error('the pull needs UPSTREAM_URL and EXCHANGE_PULL_API_KEY');
        // Loops of their own: other test files share the Temporal namespace.
        exchange = { ...config, workflowId: `exchange-delivery-${randomUUID()}`, pull: { ...config.pull, workflowId: `online-review-pull-${randomUUID()}` } };
        return exchange;
      },
    });
  });
  afterAll(async () => {
    const connection = await Connection.connect({ address: testTemporalAddress() });
    const client = new Client({ connection });
    for (const id of [exchange?.workflowId, exchange?.pull?.workflowId]) if (id) await client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
    await connection.close();
    await stack?.close();
    await simulator?.close();
  });

  const sql = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => query<R>(stack.db.url, text, values);

  const asBridge = () => ({ 'content-type': 'application/json', 'x-api-key': bridge.key });
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  /** Completed cases at 金屯镇, pushed by the bridge as a business system would (数据归集). */
  async function pushCases(count: number): Promise<string[]> {
    const numbers = Array.from({ length: count }, () => `SD-${randomUUID().slice(0, 12).toUpperCase()}`);
    const cases = numbers.map((caseNumber) => ({
      caseNumber,
      serviceItemCode: 'RS-001',
      hallCode: 'jintun',
      applicant: { kind: 'PERSON', name: '张三', phone: '13812345678' },
      receivedAt: minutesAgo(180),
      completedAt: minutesAgo(120),
      channel: 'ONLINE',
    }));
    const response = await fetch(`${stack.baseUrl}/integration/cases`, { method: 'POST', headers: asBridge(), body: JSON.stringify({ cases }) });
    expect(response.status).toBe(200);
    return numbers;
  }

  /** The portal's review of a case, as its feed serves it. */
  const onlineReview = (caseNumber: string, satisfaction = 5): OnlineReview => ({
    evaluationId: `eval-${randomUUID()}`,
    projectNo: caseNumber,
    satisfaction,
    ...(satisfaction <= 2 ? { reasonCodes: [], text: '网上办理系统卡顿' } : {}),
    evaluateTime: minutesAgo(60),
  });

  async function seed(items: OnlineReview[]): Promise<void> {
    const response = await fetch(`${simulator.url}/_control/online-reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
    expect(response.status).toBe(200);
  }
  const feedLog = async () => ((await (await fetch(`${simulator.url}/_control/online-reviews`)).json()) as { total: number; requests: Array<{ cursor: string; served: number }> });
  const cursor = async () => (await sql<{ cursor: string; pulled: number }>(`SELECT cursor, pulled FROM exchange_pull_cursor WHERE source = 'online-reviews'`))[0];
  /** The reviews stored under the portal's ids (the bridge's client keys), per portal id. */
  async function storedUnder(items: OnlineReview[]): Promise<Map<string, string[]>> {
    const keys = items.map((item) => `api:${bridge.id}:${item.evaluationId}`);
    const rows = await sql<{ id: string; client_key: string }>('SELECT id::text, client_key FROM review WHERE client_key = ANY($1::text[])', [keys]);
    const byItem = new Map(items.map((item) => [item.evaluationId, [] as string[]]));
    for (const row of rows) byItem.get(row.client_key.split(':').slice(2).join(':'))?.push(row.id);
    return byItem;
  }
  async function expectStoredOnceEach(items: OnlineReview[]): Promise<void> {
    const stored = await eventually(async () => {
      const found = await storedUnder(items);
      return [...found.values()].every((ids) => ids.length > 0) && found;
    });
    for (const ids of stored.values()) expect(ids).toHaveLength(1);
    // One rating per case, and it is the portal's.
    const numbers = items.map((item) => item.projectNo);
    const perCase = await sql<{ case_number: string; reviews: number }>(
      'SELECT c.case_number, count(r.id)::int AS reviews FROM service_case c LEFT JOIN review r ON r.case_id = c.id WHERE c.case_number = ANY($1::text[]) GROUP BY 1',
      [numbers],
    );
    expect(perCase.map((row) => row.reviews)).toEqual(numbers.map(() => 1));
  }

  let pulled: OnlineReview[] = [];

  it('pulls two pages from the stored cursor; a review the portal pushed before is stored once', async () => {
    const numbers = await pushCases(4);
    const items = numbers.map((caseNumber, index) => onlineReview(caseNumber, index === 1 ? 2 : 5));
    // The portal pushed the first one already (its bridge, its id as the key).
    const push = await fetch(`${stack.baseUrl}/integration/reviews`, {
      method: 'POST',
      headers: asBridge(),
      body: JSON.stringify({ clientKey: items[0].evaluationId, caseNumber: items[0].projectNo, level: items[0].satisfaction, ratedAt: items[0].evaluateTime }),
    });
    expect(push.status).toBe(201);
    const pushedId = ((await push.json()) as { id: string }).id;

    await seed(items);
    await eventually(async () => (await cursor())?.cursor === '4');
    await expectStoredOnceEach(items);
    expect((await storedUnder(items)).get(items[0].evaluationId)).toEqual([pushedId]);
    expect(await cursor()).toEqual({ cursor: '4', pulled: 4 });

    const log = await feedLog();
    // The first page: from the start ('' before any page, '0' after an empty one while nothing was seeded yet).
    expect(log.requests.filter((request) => request.served > 0)).toEqual([
      { cursor: expect.stringMatching(/^0?$/) as unknown, limit: PAGE, served: 2 },
      { cursor: '2', limit: PAGE, served: 2 },
    ]);
    // The bad one opened its rectification case like any bad review.
    const badKey = `api:${bridge.id}:${items[1].evaluationId}`;
    await eventually(async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM rectification_case rc JOIN review r ON r.id = rc.review_id WHERE r.client_key = $1', [badKey]))[0].n === 1);
    pulled = items;
  });

  it('a restarted worker goes on from the stored cursor: what came while it was down is pulled, nothing twice', async () => {
    expect(pulled).toHaveLength(4);
    const numbers = await pushCases(3);
    const items = numbers.map((caseNumber) => onlineReview(caseNumber));
    const asked = (await feedLog()).requests.length;
    await stack.restartWorker(() => seed(items));

    await eventually(async () => (await cursor())?.cursor === '7');
    await expectStoredOnceEach([...pulled, ...items]);
    const after = (await feedLog()).requests.slice(asked);
    // Resumed from the stored cursor: never from the start again.
    expect(after[0].cursor).toBe('4');
    expect(after.every((request) => Number(request.cursor) >= 4)).toBe(true);
    pulled = [...pulled, ...items];
  });

  it('a page cut short by a crash is read again from the stored cursor: the reviews handed over before the crash are stored once', async () => {
    expect(pulled).toHaveLength(7);
    // The loop stops (its worker gone for this test); the page is pulled here by the same activity, twice.
    const connection = await Connection.connect({ address: testTemporalAddress() });
    await new Client({ connection }).workflow.getHandle(exchange.pull?.workflowId ?? '').terminate('the crash test pulls by hand');
    await connection.close();

    const numbers = await pushCases(2);
    const items = numbers.map((caseNumber) => onlineReview(caseNumber));
    await seed(items);
    const pool = new pg.Pool({ connectionString: stack.db.url, max: 2 });
    try {
      const upstream = new UpstreamHttpDriver(exchange.upstream);
      const intake = new IntakeHttpClient(exchange.pull?.intake ?? { url: stack.baseUrl, apiKey: bridge.key, timeoutMs: 10_000 });
      let handed = 0;
      // The worker dies after the first review of the page reached the intake, before the page was done.
      const crashing = { submit: async (body: Record<string, unknown>) => (handed++ === 0 ? intake.submit(body) : Promise.reject(new Error('worker killed'))) };
      await expect(createOnlineReviewPullActivities({ pool, upstream, intake: crashing }).pullOnlineReviews(PAGE)).rejects.toThrow('worker killed');
      expect(await cursor()).toEqual({ cursor: '7', pulled: 7 });
      expect([...(await storedUnder(items)).values()].map((ids) => ids.length)).toEqual([1, 0]);

      const again = await createOnlineReviewPullActivities({ pool, upstream, intake }).pullOnlineReviews(PAGE);
      expect(again).toEqual({ items: 2, created: 1, alreadyStored: 1, refused: 0, cursor: '7', nextCursor: '9' });
      expect(await cursor()).toEqual({ cursor: '9', pulled: 9 });
      await expectStoredOnceEach([...pulled, ...items]);
    } finally {
      await pool.end();
    }
  });

  it('keeps a review the intake refuses, with its answer, and goes on past it', async () => {
    const pool = new pg.Pool({ connectionString: stack.db.url, max: 2 });
    try {
      const [known] = await pushCases(1);
      const unknownCase = onlineReview('NO-SUCH-CASE');
      const good = onlineReview(known);
      await seed([unknownCase, good]);
      const activities = createOnlineReviewPullActivities({ pool, upstream: new UpstreamHttpDriver(exchange.upstream), intake: new IntakeHttpClient(exchange.pull?.intake ?? { url: '', apiKey: '', timeoutMs: 1 }) });
      expect(await activities.pullOnlineReviews(PAGE)).toEqual({ items: 2, created: 1, alreadyStored: 0, refused: 1, cursor: '9', nextCursor: '11' });
      const refusals = await sql<{ upstream_id: string; http_status: number; code: string; message: string; cursor: string }>('SELECT upstream_id, http_status, code, message, cursor FROM exchange_pull_refusal');
      expect(refusals).toEqual([{ upstream_id: unknownCase.evaluationId, http_status: 422, code: 'CASE_NOT_FOUND', message: expect.stringContaining('NO-SUCH-CASE') as unknown, cursor: '9' }]);
      await expectStoredOnceEach([good]);
    } finally {
      await pool.end();
    }
  });
});
