import { randomUUID } from 'node:crypto';
import { caseProjection, type RectificationCaseState, type TimelineEntry } from '@haochaping/contracts';
import { createPgPool, type Pool } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { newTrackingCode } from '@haochaping/privacy/server';
import { projectCaseSql } from '../activities/case-projection.sql';
import { openedCaseState } from '../activities/opened-case-state.fixture';
import { createExchangeActivities } from './exchange.activities';
import type { BatchOutcome } from './upstream-http.driver';

/**
 * The case projection writes the outbox row of every result and 不予采纳 decision with the timeline entry that
 * records it (one statement), keyed by the entry: projecting the same entries again — a retried activity, the read
 * model's reconciler repairing the case — writes no second row. The delivery round then builds each record from
 * the entry the row names.
 */
describe('the outbox rows of a case’s results and decisions (case projection)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function openedCase(): Promise<RectificationCaseState> {
    const id = randomUUID();
    await pool.query(
      `INSERT INTO review (id, hall_id, level, channel, client_key, tracking_code) SELECT $1::uuid, id, 1, 'WINDOW_QR', $2, $3 FROM hall WHERE code = 'jintun'`,
      [id, randomUUID(), newTrackingCode()],
    );
    return openedCaseState(id);
  }

  const at = (minute: number) => `2026-11-27T02:${String(minute).padStart(2, '0')}:00.000Z`;
  const step = (state: RectificationCaseState, entry: TimelineEntry, change: Partial<RectificationCaseState> = {}): RectificationCaseState => ({
    ...state,
    ...change,
    timeline: [...state.timeline, entry],
  });
  const rows = async (reviewId: string) =>
    (await pool.query<{ record_id: string; type: string; timeline_seq: number }>('SELECT record_id, type, timeline_seq FROM exchange_delivery WHERE review_id = $1 ORDER BY id', [reviewId])).rows;

  it('one row per fact, none for other entries, none twice when the same entries are projected again', async () => {
    const opened = await openedCase();
    const id = opened.reviewId;
    await projectCaseSql(pool, caseProjection(opened, 0));
    expect(await rows(id)).toEqual([]);

    const proposed = step(step(opened, { at: at(1), actor: 'handler-jintun', action: '添加备注', details: { text: '已调监控' } }), {
      at: at(2),
      actor: 'handler-jintun',
      action: '核实为恶意评价，提请不予采纳',
      details: { finding: 'MALICIOUS', evidenceNotes: '监控' },
    }, { state: 'REJECTION_PENDING', stateLabel: '不予采纳待审核' });
    await projectCaseSql(pool, caseProjection(proposed, 1));
    const approved = step(proposed, { at: at(3), actor: 'county-1', action: '同意不予采纳', details: { decision: 'APPROVE', reason: '恶意评价', state: 'CLOSED' } }, {
      state: 'CLOSED',
      stateLabel: '已办结',
      outcome: 'REJECTED',
    });
    await projectCaseSql(pool, caseProjection(approved, 3));
    const expected = [
      { record_id: `${id}:result:2`, type: 'RECTIFICATION', timeline_seq: 2 },
      { record_id: `${id}:rejection`, type: 'REJECTION', timeline_seq: 3 },
    ];
    expect(await rows(id)).toEqual(expected);

    // A retried projection, and the reconciler's repair from the first entry: the same rows.
    await projectCaseSql(pool, caseProjection(approved, 3));
    await projectCaseSql(pool, caseProjection(approved, 0));
    expect(await rows(id)).toEqual(expected);

    // The delivery round builds both records from the entries the rows name (the finding from the proposal).
    const posted: Array<Record<string, unknown>> = [];
    const driver = {
      postRecords: (records: ReadonlyArray<Record<string, unknown>>): Promise<BatchOutcome> => {
        posted.push(...records);
        return Promise.resolve({ kind: 'answered', httpStatus: 200, results: records.map((record) => ({ id: String(record.id), status: 'ACCEPTED' as const })) });
      },
    };
    const activities = createExchangeActivities({ pool, driver, sender: { areaCode: '370829', dataSource: 'JXXHCP', channelMapping: 'national' }, policy: { maxAttempts: 5, deadLetterMs: 3_600_000 } });
    await activities.deliverExchangeBatch(100);
    const ours = posted.filter((record) => record.evaluationId === id);
    expect(ours).toEqual([
      { type: 'RECTIFICATION', id: `${id}:result:2`, areaCode: '370829', orgCode: 'jintun', orgName: '金屯镇', evaluationId: id, verificationFinding: 'MALICIOUS', rectifyTime: at(2), dataSource: 'JXXHCP' },
      { type: 'REJECTION', id: `${id}:rejection`, areaCode: '370829', orgCode: 'jintun', orgName: '金屯镇', evaluationId: id, finding: 'MALICIOUS', reason: '恶意评价', decidedTime: at(3), dataSource: 'JXXHCP' },
    ]);
  });

  it('writes no row when the case cannot be written (the fact and its record together, or neither)', async () => {
    const opened = await openedCase();
    const confirmed = step(opened, { at: at(5), actor: 'citizen-1', action: '群众确认满意，办结', details: { answer: 'SATISFIED', state: 'CLOSED' } });
    await expect(projectCaseSql(pool, { ...caseProjection(confirmed, 0), hallCode: 'no-such-hall' })).rejects.toThrow(/does not exist/);
    expect(await rows(opened.reviewId)).toEqual([]);
    await projectCaseSql(pool, caseProjection(confirmed, 0));
    expect(await rows(opened.reviewId)).toEqual([{ record_id: `${opened.reviewId}:result:1`, type: 'RECTIFICATION', timeline_seq: 1 }]);
  });
});
