import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { actor, CHINESE, freshPhone, type ErrorBody, type ReviewBody } from './helpers/rating-stack';

/**
 * The reviewer answers 满意/不满意 on the rectification result from the status page (件件有反馈), against the real
 * worker: a real-name bad review on the public form, verified and rectified by the hall, then confirmed with the
 * tracking code and the phone's last four digits.
 */
describe('the reviewer confirms the rectification result from the status page', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });

  afterAll(async () => {
    await stack?.close();
  });

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const handler = actor('HANDLER', ['jintun'], 'handler-jintun');
  const supervisor = actor('COUNTY_SUPERVISOR', [], 'county-1');

  async function expectRefusal(response: Response, status: number, code: string): Promise<void> {
    const error = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: error.code }).toEqual({ status, code });
    expect(error.message).toMatch(CHINESE);
  }

  it('is refused before there is a result, then closes the case as 满意 and the status page says so', async () => {
    const phone = freshPhone();
    const last4 = phone.slice(-4);
    const submitted = await post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '排队太久', reviewer: { kind: 'REAL_NAME', name: '周八', phone }, clientKey: randomUUID() });
    expect(submitted.status).toBe(201);
    const review = (await submitted.json()) as ReviewBody;
    const confirm = (body: Record<string, unknown>) => post(`/public/reviews/${review.trackingCode}/confirmation`, body);
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${review.id}?live=1`, { headers: supervisor })).status === 200);

    await expectRefusal(await confirm({ phoneLast4: last4, answer: 'SATISFIED' }), 409, 'INVALID_STATE');

    expect((await post(`/rectifications/${review.id}/actions/verify`, { finding: 'TRUE', category: 'TIME_LIMITED', notes: '高峰期排队属实' }, handler)).status).toBe(200);
    expect((await post(`/rectifications/${review.id}/actions/record-rectification`, { measures: '高峰期增开窗口', result: '已增开一个窗口，等候时间缩短' }, handler)).status).toBe(200);

    const status = async () => (await (await post('/public/reviews/status', { trackingCode: review.trackingCode, phoneLast4: last4 })).json()) as Record<string, unknown>;
    expect(await eventually(async () => ((await status()).stage as { code: string }).code === 'AWAITING_CONFIRMATION' && status())).toMatchObject({
      rectification: { state: 'AWAITING_CONFIRMATION', resultSummary: '已增开一个窗口，等候时间缩短', confirmationOpen: true },
    });

    const wrongDigits = String((Number(last4) + 1) % 10_000).padStart(4, '0');
    await expectRefusal(await confirm({ phoneLast4: wrongDigits, answer: 'SATISFIED' }), 404, 'REVIEW_NOT_FOUND');
    await expectRefusal(await confirm({ phoneLast4: last4, answer: 'MAYBE' }), 422, 'VALIDATION_FAILED');

    const confirmed = await confirm({ phoneLast4: last4, answer: 'SATISFIED', comment: '很满意' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ trackingCode: review.trackingCode, state: 'CLOSED', stateLabel: '已办结', outcome: 'SATISFIED', outcomeLabel: '满意' });
    expect(await eventually(async () => ((await status()).stage as { code: string }).code === 'CLOSED' && status())).toMatchObject({
      rectification: { state: 'CLOSED', outcome: 'SATISFIED', outcomeLabel: '满意', confirmationOpen: false },
    });
    // The workflow has finished: there is nothing left to answer.
    await expectRefusal(await confirm({ phoneLast4: last4, answer: 'UNSATISFIED' }), 409, 'CONFIRMATION_NOT_OPEN');

    // The reviewer's answers are in the audit trail like the staff's actions, refused ones too (what was asked, what
    // came of it); wrong digits and an invalid body never reached the case, so they are not.
    const reviewer = { actorId: 'reviewer', actorRole: 'CITIZEN', action: 'rectification.confirm' };
    expect(await auditOf(review.id)).toEqual([
      { ...reviewer, details: { answer: 'SATISFIED', outcome: 'refused', status: 409, code: 'INVALID_STATE' } },
      { actorId: 'handler-jintun', actorRole: 'HANDLER', action: 'rectification.verify', details: { finding: 'TRUE', category: 'TIME_LIMITED', notes: '高峰期排队属实', outcome: 'accepted', state: 'RECTIFYING' } },
      {
        actorId: 'handler-jintun',
        actorRole: 'HANDLER',
        action: 'rectification.recordRectification',
        details: { measures: '高峰期增开窗口', result: '已增开一个窗口，等候时间缩短', outcome: 'accepted', state: 'AWAITING_CONFIRMATION' },
      },
      { ...reviewer, details: { answer: 'SATISFIED', comment: '很满意', outcome: 'accepted', state: 'CLOSED' } },
      { ...reviewer, details: { answer: 'UNSATISFIED', outcome: 'refused', status: 409, code: 'CONFIRMATION_NOT_OPEN' } },
    ]);
  });

  async function auditOf(reviewId: string) {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ actorId: string; actorRole: string; action: string; details: unknown }>(
        `SELECT actor_id AS "actorId", actor_role AS "actorRole", action, details FROM audit_log WHERE entity_type = 'rectification' AND entity_id = $1 ORDER BY id`,
        [reviewId],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it('has nothing to confirm for a good review', async () => {
    const submitted = await post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey: randomUUID() });
    const review = (await submitted.json()) as ReviewBody;
    await expectRefusal(await post(`/public/reviews/${review.trackingCode}/confirmation`, { answer: 'SATISFIED' }), 409, 'CONFIRMATION_NOT_OPEN');
  });
});
