import { newTrackingCode } from '@haochaping/privacy/server';
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ERR_PROJECTION_INVALID, type NotificationRequest, type RectificationCaseState } from '@haochaping/contracts';
import { createPgPool, createPrismaClient, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { openedCaseState } from './opened-case-state.fixture';
import { createRectificationActivities } from './rectification.activities';

/**
 * A projection that no retry can ever write fails for good (ERR_PROJECTION_INVALID), so that the workflow reports it
 * instead of retrying it forever; one that a retry may cure stays an ordinary, retried failure.
 */
describe('projectCase: which failures are for good', () => {
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  const env = new MockActivityEnvironment();
  const notifier = { send: jest.fn<Promise<void>, [NotificationRequest]>(() => Promise.resolve()) };

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  async function openedCase(): Promise<RectificationCaseState> {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const review = await prisma.review.create({ data: { hallId: hall.id, level: 1, channel: 'WINDOW_QR', clientKey: randomUUID(), trackingCode: newTrackingCode() } });
    return openedCaseState(review.id);
  }

  const note = (text: string) => ({ text, at: '2026-11-27T02:00:00.000Z', recordedBy: 'handler-jintun', actorRole: 'HANDLER' as const });
  const noted = (state: RectificationCaseState, text: string): RectificationCaseState => ({
    ...state,
    notes: [note(text)],
    timeline: [...state.timeline, { at: '2026-11-27T02:00:00.000Z', actor: 'handler-jintun', action: '添加备注', details: { text } }],
  });

  // [what, the state's change, what the failure names: the place in what is written (the row's columns, new entries)]
  it.each<[string, (state: RectificationCaseState) => RectificationCaseState, string]>([
    ['a note with NUL (jsonb: "unsupported Unicode escape sequence")', (state) => noted(state, 'a\u0000b'), 'projection.timeline.1.details.text'],
    ['a note with a lone surrogate (no UTF-8 form)', (state) => noted(state, 'a\ud800b'), 'projection.timeline.1.details.text'],
    ['an assignee whose name holds NUL (a text column)', (state) => ({ ...state, assignee: { userId: 'handler-li', name: 'a\u0000', assignedAt: '2026-11-27T02:00:00.000Z', assignedBy: 'leader-jintun' } }), 'projection.columns.assigneeName'],
    ['a value PostgreSQL refuses as data (an opening instant that is none: SQLSTATE 22007)', (state) => ({ ...state, openedAt: 'not an instant' }), '22007'],
  ])('%s fails for good, without retries, and writes nothing', async (_what, change, named) => {
    const activities = createRectificationActivities({ prisma, pool, notifier });
    const state = change(await openedCase());

    const failure = await env.run(activities.projectCase, state).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: ERR_PROJECTION_INVALID, nonRetryable: true });
    expect((failure as ApplicationFailure).message).toContain(named);
    expect(await prisma.rectificationCase.count({ where: { reviewId: state.reviewId } })).toBe(0);
  });

  it('writes Chinese text and characters outside the BMP (a surrogate pair is one character)', async () => {
    const activities = createRectificationActivities({ prisma, pool, notifier });
    const state = noted(await openedCase(), '已约评价人 👍 𠀀');
    await env.run(activities.projectCase, state);
    const timeline = await prisma.rectificationTimelineEntry.findMany({ where: { reviewId: state.reviewId }, orderBy: { seq: 'asc' } });
    expect(timeline.at(-1)?.details).toEqual({ text: '已约评价人 👍 𠀀' });
  });

  it('a database that cannot be reached is an ordinary failure, which Temporal retries', async () => {
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const away = { query: () => Promise.reject(unreachable) } as unknown as Pool;
    const activities = createRectificationActivities({ prisma, pool: away, notifier });

    const failure = await env.run(activities.projectCase, await openedCase()).catch((error: unknown) => error);

    expect(failure).toBe(unreachable);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
  });
});
