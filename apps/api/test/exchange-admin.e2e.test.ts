import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { SimulatorStats } from '@haochaping/upstream-sim';
import type { E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { REVIEW_WITHOUT_OUTBOX_ROW, startExchangeE2e, type ExchangeE2e, type simulatorControl } from './helpers/exchange-upstream';

const APP_KEY = 'e2e-upstream-key';

interface DeadLetter {
  id: string;
  recordId: string;
  type: string;
  typeLabel: string;
  reviewId: string;
  hallCode: string | null;
  hallName: string | null;
  attempts: number;
  lastError: string | null;
}

interface Difference {
  day: string;
  hallCode: string;
  hallName: string | null;
  type: string;
  typeLabel: string;
  ours: number;
  theirs: number;
  difference: number;
  resentAt: string | null;
  resentBy: string | null;
}

/**
 * 上报管理 over real HTTP (issue 15): the API, the real worker delivering to the upstream simulator (a real HTTP
 * server), PostgreSQL and the Temporal dev server. A record the upstream refuses becomes a dead letter, is listed with
 * its attempts and error, and after the upstream is told to accept it again is re-sent from the screen and stored
 * upstream exactly once; the daily count reconciliation finds a hall-day the upstream lacks a record of, and its
 * re-send brings the difference to zero.
 */
describe('上报管理 (/api/exchange)', () => {
  let exchange: ExchangeE2e;
  let stack: E2eStack;
  let db: pg.Client;
  let control: ReturnType<typeof simulatorControl>;
  const county = { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) };
  const handler = { 'x-dev-actor': JSON.stringify({ userId: 'handler-1', role: 'HANDLER', hallCodes: ['jintun'] }) };

  beforeAll(async () => {
    // A record refused for another reason than its content is tried twice, then dead.
    exchange = await startExchangeE2e(APP_KEY);
    ({ stack, db, control } = exchange);
  }, 120_000);

  afterAll(() => exchange?.close());

  const call = <T>(method: string, path: string, headers: Record<string, string> = county, body?: unknown) => exchange.call<T>(method, path, headers, body);
  const stats = async () => (await control('GET', '/_control/stats')) as SimulatorStats;
  const review = async (hallCode: string, body: Record<string, unknown> = {}) => {
    const response = await fetch(`${stack.baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode, level: 5, clientKey: randomUUID(), ...body }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const statusOf = async (recordId: string) => (await db.query<{ status: string }>('SELECT status::text FROM exchange_delivery WHERE record_id = $1', [recordId])).rows[0]?.status;
  const deadLetters = async () => (await call<{ total: number; items: DeadLetter[] }>('GET', '/exchange/dead-letters')).body;

  it('lists a record the upstream refuses as a dead letter, and re-sends it once the upstream accepts: stored exactly once', async () => {
    // The upstream refuses records carrying a text (评价内容) until told otherwise.
    await control('PUT', '/_control/fault', { mode: 'refuse-field', field: 'text' });
    const plain = await review('jintun');
    const refused = await review('jintun', { comment: '服务很好，点赞' });

    await eventually(async () => (await statusOf(plain)) === 'DELIVERED' && (await statusOf(refused)) === 'DEAD');
    const listed = await deadLetters();
    expect(listed.total).toBe(1);
    expect(listed.items).toEqual([
      expect.objectContaining({ recordId: refused, reviewId: refused, type: 'REVIEW', typeLabel: '评价', hallCode: 'jintun', hallName: '金屯镇', attempts: 2, lastError: 'FIELD_REFUSED: field text is not accepted' }),
    ]);
    const overview = await call<{ pending: number; dead: number; deliveredToday: number; lastAttempt: { rejected: number } | null }>('GET', '/exchange/overview');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({ pending: 0, dead: 1, deliveredToday: 1 });
    expect(overview.body.lastAttempt?.rejected).toBe(1);
    // The county was told (the dead-letter notice the worker writes).
    const notices = await db.query<{ body: string }>(`SELECT body FROM notification WHERE template = 'EXCHANGE_DEAD_LETTER' AND key = $1`, [`exchange-dead-letter:${refused}`]);
    expect(notices.rows).toHaveLength(1);

    // Neither a town's handler nor a row that is not dead may be re-sent.
    expect((await call<{ code: string }>('POST', `/exchange/dead-letters/${listed.items[0]?.id}/resend`, handler)).status).toBe(403);
    const delivered = (await db.query<{ id: string }>('SELECT id::text FROM exchange_delivery WHERE record_id = $1', [plain])).rows[0]?.id;
    expect(await call('POST', `/exchange/dead-letters/${delivered}/resend`)).toEqual({ status: 409, body: expect.objectContaining({ code: 'NOT_A_DEAD_LETTER', message: '该记录已上报成功，无需重新上报' }) as unknown });
    expect(await call('POST', '/exchange/dead-letters/999999999/resend')).toEqual({ status: 404, body: expect.objectContaining({ code: 'DEAD_LETTER_NOT_FOUND' }) as unknown });
    expect((await call('POST', '/exchange/dead-letters/not-a-number/resend')).status).toBe(404);

    await control('DELETE', '/_control/fault');
    const before = await stats();
    expect(before.deliveriesById[refused]).toBeUndefined();
    expect(await call('POST', `/exchange/dead-letters/${listed.items[0]?.id}/resend`)).toEqual({ status: 200, body: { requeued: 1, deliveryStarted: true } });
    await eventually(async () => (await statusOf(refused)) === 'DELIVERED');

    const after = await stats();
    expect(after.deliveriesById[refused]).toBe(1);
    expect(after.deliveriesById[plain]).toBe(1);
    expect(after.stored.REVIEW).toBe(2);
    expect((await deadLetters()).total).toBe(0);
    const audit = await db.query(`SELECT actor_id FROM audit_log WHERE action = 'exchange-dead-letter.resend' AND entity_id = $1`, [listed.items[0]?.id]);
    expect(audit.rows).toEqual([{ actor_id: 'county-1' }]);
  });

  it('re-sends every dead letter at once', async () => {
    await control('PUT', '/_control/fault', { mode: 'refuse-field', field: 'text' });
    const refused = [await review('zhifang', { comment: '态度好' }), await review('jintun', { comment: '效率高' })];
    await eventually(async () => (await deadLetters()).total === 2);
    await control('DELETE', '/_control/fault');

    expect(await call('POST', '/exchange/dead-letters/resend')).toEqual({ status: 200, body: { requeued: 2, deliveryStarted: true } });
    await eventually(async () => (await statusOf(refused[0] ?? '')) === 'DELIVERED' && (await statusOf(refused[1] ?? '')) === 'DELIVERED');
    const after = await stats();
    for (const id of refused) expect(after.deliveriesById[id]).toBe(1);
    expect(await call('POST', '/exchange/dead-letters/resend')).toEqual({ status: 200, body: { requeued: 0, deliveryStarted: false } });
  });

  it('finds the hall-day the upstream lacks a record of, re-sends it on request, and then counts no difference', async () => {
    await eventually(async () => (await call<{ pending: number }>('GET', '/exchange/overview')).body.pending === 0);
    // A review written behind the intake's back (as the demo seed writes them): it has no outbox row, so it never went up.
    const template = await review('zhifang');
    await eventually(async () => (await statusOf(template)) === 'DELIVERED');
    const handMade = (await db.query<{ id: string }>(REVIEW_WITHOUT_OUTBOX_ROW, [template])).rows[0]?.id;
    const today = (await db.query<{ day: string }>(`SELECT to_char(created_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM review WHERE id = $1`, [template])).rows[0]?.day;

    const run = await call<{ finished: boolean; days: string[]; differences: number }>('POST', '/exchange/reconciliation/run');
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ finished: true, differences: 1 });
    expect(run.body.days).toHaveLength(7);
    expect(run.body.days[6]).toBe(today);

    const listed = await call<{ lastCheckedAt: string | null; compared: number; differences: Difference[] }>('GET', '/exchange/reconciliation');
    // jintun's and zhifang's reviews of today were compared; only zhifang's differ, by the hand-made review.
    expect(listed.body.compared).toBe(2);
    expect(listed.body.lastCheckedAt).toMatch(/\+08:00$/);
    expect(listed.body.differences).toEqual([
      expect.objectContaining({ day: today, hallCode: 'zhifang', hallName: '纸坊镇', type: 'REVIEW', typeLabel: '评价', ours: 3, theirs: 2, difference: 1, resentAt: null }),
    ]);

    expect((await call('POST', '/exchange/reconciliation/resend', handler, { day: today, hallCode: 'zhifang' })).status).toBe(403);
    expect(await call('POST', '/exchange/reconciliation/resend', county, { day: '2026-02-30', hallCode: 'zhifang' })).toEqual({
      status: 422,
      body: expect.objectContaining({ code: 'VALIDATION_FAILED', errors: [{ field: 'day', message: '日期不存在' }] }) as unknown,
    });
    expect((await call<{ code: string }>('POST', '/exchange/reconciliation/resend', county, { day: today, hallCode: 'nowhere' })).body.code).toBe('HALL_NOT_FOUND');
    expect((await call<{ code: string }>('POST', '/exchange/reconciliation/resend', county, { day: 'yesterday', hallCode: 'zhifang' })).status).toBe(422);

    const before = await stats();
    // zhifang's three reviews of today go again: the two the upstream has are answered "already exists".
    expect(await call('POST', '/exchange/reconciliation/resend', county, { day: today, hallCode: 'zhifang' })).toEqual({ status: 200, body: { added: 1, requeued: 3, deliveryStarted: true } });
    await eventually(async () => (await statusOf(handMade ?? '')) === 'DELIVERED' && (await call<{ pending: number }>('GET', '/exchange/overview')).body.pending === 0);
    const after = await stats();
    expect(after.stored.REVIEW - before.stored.REVIEW).toBe(1);
    expect(after.deliveriesById[handMade ?? '']).toBe(1);
    expect(after.duplicates - before.duplicates).toBe(2);
    expect((await call<{ differences: Difference[] }>('GET', '/exchange/reconciliation')).body.differences[0]?.resentBy).toBe('county-1');

    expect((await call<{ differences: number }>('POST', '/exchange/reconciliation/run')).body).toMatchObject({ finished: true, differences: 0 });
    expect((await call<{ differences: Difference[] }>('GET', '/exchange/reconciliation')).body.differences).toEqual([]);
  });

  it('refuses the town roles every part of 上报管理', async () => {
    for (const [method, path] of [
      ['GET', '/exchange/overview'],
      ['GET', '/exchange/dead-letters'],
      ['GET', '/exchange/reconciliation'],
      ['POST', '/exchange/reconciliation/run'],
      ['POST', '/exchange/dead-letters/resend'],
    ] as const) {
      expect(await call(method, path, handler)).toEqual({ status: 403, body: expect.objectContaining({ code: expect.any(String) as unknown, message: expect.any(String) as unknown }) as unknown });
    }
  });
});
