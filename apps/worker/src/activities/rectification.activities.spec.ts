import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { DEFAULT_SLA_POLICY, ERR_REVIEW_NOT_FOUND, type NotificationRequest, type RectificationCaseState } from '@haochaping/contracts';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { createRectificationActivities } from './rectification.activities';

describe('rectification activities against PostgreSQL', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let activities: ReturnType<typeof createRectificationActivities>;
  const env = new MockActivityEnvironment();

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    const notifier = { send: jest.fn<Promise<void>, [NotificationRequest]>(() => Promise.resolve()) };
    activities = createRectificationActivities({ prisma, notifier });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  async function badReview(hallCode = 'mandong') {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: hallCode } });
    return prisma.review.create({ data: { hallId: hall.id, level: 1, channel: 'WINDOW_QR', clientKey: randomUUID() } });
  }

  it('loads the hall that handled the case as its owner (谁办理、谁负责), with the SLA policy in force', async () => {
    const review = await badReview('mandong');
    await expect(env.run(activities.loadReviewContext, review.id)).resolves.toEqual({
      reviewId: review.id,
      hallCode: 'mandong',
      hallName: '满硐镇',
      slaPolicy: DEFAULT_SLA_POLICY,
      // No real-name data or reason options are stored yet (intake issue): no callback, no suggestion.
      canCallBack: false,
      suggestedCategory: null,
    });
  });

  it('fails for good, without retries, when the review does not exist', async () => {
    const failure = await env.run(activities.loadReviewContext, randomUUID()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: ERR_REVIEW_NOT_FOUND, nonRetryable: true });
  });

  it('projects the case idempotently: a retried projection writes each timeline entry once', async () => {
    const review = await badReview();
    const state: RectificationCaseState = {
      reviewId: review.id,
      hallCode: 'mandong',
      hallName: '满硐镇',
      level: 1,
      state: 'PENDING_VERIFICATION',
      stateLabel: '待核实',
      openedAt: '2026-11-27T01:00:00.000Z',
      reviewedAt: '2026-11-27T01:00:00.000Z',
      category: null,
      clockCategory: 'IMMEDIATE',
      slaPolicyVersion: 1,
      canCallBack: false,
      obligations: {},
      escalationLevel: 0,
      outcome: null,
      outcomeLabel: null,
      reopenCount: 0,
      callbacks: [],
      rectifications: [],
      timeline: [{ at: '2026-11-27T01:00:00.000Z', actor: 'system', action: '差评已受理' }],
    };
    await env.run(activities.projectCase, state);
    await env.run(activities.projectCase, state);
    expect(await prisma.rectificationTimelineEntry.count({ where: { reviewId: review.id } })).toBe(1);

    const next: RectificationCaseState = {
      ...state,
      state: 'RECTIFYING',
      stateLabel: '整改中',
      timeline: [...state.timeline, { at: '2026-11-27T02:00:00.000Z', actor: 'handler-1', action: '核实属实', details: { category: '立整立改' } }],
    };
    await env.run(activities.projectCase, next);
    await env.run(activities.projectCase, next);
    const projected = await prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id }, include: { timeline: { orderBy: { seq: 'asc' } } } });
    expect(projected).toMatchObject({ state: 'RECTIFYING', stateLabel: '整改中' });
    expect(projected.timeline.map((entry) => [entry.seq, entry.action, entry.details])).toEqual([
      [0, '差评已受理', null],
      [1, '核实属实', { category: '立整立改' }],
    ]);
  });
});
