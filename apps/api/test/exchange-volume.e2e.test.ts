import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SimulatorStats } from '@haochaping/upstream-sim';
import { eventually } from './helpers/eventually';
import { startExchangeE2e, type ExchangeE2e, type simulatorControl } from './helpers/exchange-upstream';

const APP_KEY = 'e2e-volume-key';
const REVIEWS = 1_000;
const HALLS = ['jintun', 'zhifang', 'mandong', 'macun'] as const;
/** Every 50th review is bad (level 2): 20 cases, each a workflow (review i is of hall i mod 4: zhifang's and macun's). */
const isBad = (index: number) => index % 50 === 49;
const hallOf = (index: number) => HALLS[index % HALLS.length];

/**
 * The upward exchange at volume, over real HTTP (issue 15, "done when"): 1,000 reviews through the public intake
 * (four halls, 20 of them bad), the results of two of their cases (one rectified and confirmed, one rejected), and one
 * review the upstream refuses: every record is delivered and stored upstream exactly once (counted on the simulator),
 * the refused one becomes a dead letter that 上报管理 lists and re-sends, and the daily count reconciliation then finds
 * no difference in any hall. The API, the worker's real delivery loop, PostgreSQL, the Temporal dev server and the
 * simulator, each over its real protocol.
 */
describe('1,000 reviews and their results go up exactly once and reconcile', () => {
  let exchange: ExchangeE2e;
  let db: pg.Client;
  let control: ReturnType<typeof simulatorControl>;
  const county = { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) };
  const handler = { 'x-dev-actor': JSON.stringify({ userId: 'handler-zhifang', role: 'HANDLER', hallCodes: ['zhifang'] }) };
  const citizen = { 'x-dev-actor': JSON.stringify({ userId: 'citizen-1', role: 'CITIZEN', hallCodes: [] }) };

  beforeAll(async () => {
    // 1,000 ratings from one test address: the public per-address limit (which would answer 429) is off here.
    exchange = await startExchangeE2e(APP_KEY, { limits: { publicRequestsPerMinute: 0 } });
    ({ db, control } = exchange);
  }, 120_000);

  afterAll(() => exchange?.close());

  const call = <T>(method: string, path: string, headers: Record<string, string> = county, body?: unknown) => exchange.call<T>(method, path, headers, body);
  const act = async (id: string, action: string, body: unknown, headers: Record<string, string>) =>
    expect((await call('POST', `/rectifications/${id}/actions/${action}`, headers, body)).status).toBe(200);
  const stats = async () => (await control('GET', '/_control/stats')) as SimulatorStats;
  const outbox = async () =>
    (await db.query<{ status: string; n: number }>('SELECT status::text, count(*)::int AS n FROM exchange_delivery GROUP BY status')).rows.reduce<Record<string, number>>(
      (counts, row) => ({ ...counts, [row.status]: row.n }),
      {},
    );

  it('delivers every review and result once, re-sends the refused one from 上报管理, and reconciles with zero differences', async () => {
    // The upstream refuses records carrying a text (评价内容) until told otherwise: one review has a comment.
    await control('PUT', '/_control/fault', { mode: 'refuse-field', field: 'text' });
    const refusedIndex = 500;
    const ids: string[] = new Array<string>(REVIEWS);
    let next = 0;
    // Eight citizens at a time, as the hall's QR codes and the public form send them.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let index = next++; index < REVIEWS; index = next++) {
          const body = {
            hallCode: hallOf(index),
            level: isBad(index) ? 2 : 3 + (index % 3),
            clientKey: randomUUID(),
            ...(index === refusedIndex ? { comment: '窗口服务很好' } : {}),
            ...(isBad(index) ? { comment: '排队时间太长' } : {}),
          };
          const response = await call<{ id: string }>('POST', '/public/reviews', {}, body);
          expect(response.status).toBe(201);
          ids[index] = response.body.id;
        }
      }),
    );
    expect(new Set(ids).size).toBe(REVIEWS);
    const badIndexes = ids.map((_id, index) => index).filter(isBad);
    const bad = badIndexes.map((index) => ids[index] ?? '');
    expect(bad).toHaveLength(20);

    // The bad reviews carry their comment too: with the refused one they are the 21 dead letters; the rest delivered.
    await eventually(async () => {
      const counts = await outbox();
      return counts.DELIVERED === REVIEWS - 21 && counts.DEAD === 21;
    }, 120_000);
    const dead = await call<{ total: number; items: Array<{ recordId: string; lastError: string | null }> }>('GET', '/exchange/dead-letters');
    expect(dead.body.total).toBe(21);
    expect(new Set(dead.body.items.map((item) => item.recordId))).toEqual(new Set([ids[refusedIndex], ...bad]));
    for (const item of dead.body.items) expect(item.lastError).toBe('FIELD_REFUSED: field text is not accepted');

    // The upstream accepts again; 上报管理's 全部重新上报 sends the dead letters.
    await control('DELETE', '/_control/fault');
    expect(await call('POST', '/exchange/dead-letters/resend')).toEqual({ status: 200, body: { requeued: 21, deliveryStarted: true } });

    // Two zhifang cases' results: one rectified and confirmed, one rejected as malicious.
    const [rectified = '', rejected = ''] = badIndexes.filter((index) => hallOf(index) === 'zhifang').map((index) => ids[index] ?? '');
    expect(rectified && rejected).toBeTruthy();
    for (const id of [rectified, rejected]) await eventually(async () => (await call('GET', `/rectifications/${id}`)).status === 200);
    await act(rectified, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }, handler);
    await act(rectified, 'record-rectification', { measures: '高峰期增开窗口', result: '已整改，等候时间缩短' }, handler);
    await act(rectified, 'confirm', { answer: 'SATISFIED', comment: '满意' }, citizen);
    await act(rejected, 'verify', { finding: 'MALICIOUS', evidenceNotes: '监控显示评价人当日未到窗口' }, handler);
    await act(rejected, 'decide-rejection', { decision: 'APPROVE', reason: '经调取监控，评价人未到窗口办理' }, county);

    // 1,000 reviews, 3 results of the rectified case, 1 finding and 1 decision of the rejected one: 1,005 records.
    await eventually(async () => (await outbox()).DELIVERED === REVIEWS + 5 && (await outbox()).PENDING === undefined, 120_000);
    expect(await outbox()).toEqual({ DELIVERED: REVIEWS + 5 });
    const after = await stats();
    expect(after.stored).toMatchObject({ REVIEW: REVIEWS, RECTIFICATION: 4, REJECTION: 1 });
    const delivered = (await db.query<{ record_id: string }>('SELECT record_id FROM exchange_delivery')).rows.map((row) => row.record_id);
    expect(delivered).toHaveLength(REVIEWS + 5);
    // Stored once each: a second delivery of any record would be counted here.
    expect(delivered.filter((id) => after.deliveriesById[id] !== 1)).toEqual([]);
    expect(after.duplicates).toBe(0);

    // The daily count reconciliation: ours and the upstream's per hall, day and type agree everywhere.
    const run = await call<{ finished: boolean; differences: number }>('POST', '/exchange/reconciliation/run');
    expect(run).toEqual({ status: 200, body: expect.objectContaining({ finished: true, differences: 0 }) as unknown });
    const listed = await call<{ compared: number; differences: unknown[] }>('GET', '/exchange/reconciliation');
    expect(listed.body.differences).toEqual([]);
    // Four halls' reviews, zhifang's results and its decision were compared (per day: more if the run crossed midnight).
    expect(listed.body.compared).toBeGreaterThanOrEqual(HALLS.length + 2);
  }, 300_000);
});
