import { newTrackingCode } from '@haochaping/privacy/server';
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { caseProjection, DEFAULT_SLA_POLICY, ERR_REVIEW_NOT_FOUND, type NotificationRequest, type Obligation, type RectificationCaseState } from '@haochaping/contracts';
import { createPgPool, createPrismaClient, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { openedCaseState } from './opened-case-state.fixture';
import { createRectificationActivities } from './rectification.activities';

describe('rectification activities against PostgreSQL', () => {
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  let activities: ReturnType<typeof createRectificationActivities>;
  const env = new MockActivityEnvironment();

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    const notifier = { send: jest.fn<Promise<void>, [NotificationRequest]>(() => Promise.resolve()) };
    activities = createRectificationActivities({ prisma, pool, notifier });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  async function badReview(hallCode = 'mandong') {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: hallCode } });
    return prisma.review.create({ data: { hallId: hall.id, level: 1, channel: 'WINDOW_QR', clientKey: randomUUID(), trackingCode: newTrackingCode() } });
  }

  it('loads the hall that handled the case as its owner (谁办理、谁负责), with the SLA policy in force', async () => {
    const review = await badReview('mandong');
    await expect(env.run(activities.loadReviewContext, review.id)).resolves.toEqual({
      reviewId: review.id,
      hallCode: 'mandong',
      hallName: '满硐镇',
      slaPolicy: DEFAULT_SLA_POLICY,
      // Anonymous, no reason options: no callback owed, no suggested category.
      canCallBack: false,
      suggestedCategory: null,
    });
  });

  it('owes a callback for a real-name review with a phone and suggests the category its options suggest', async () => {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const optionSet = await prisma.optionSet.findFirstOrThrow({ where: { nature: 'OFFLINE', version: 1 } });
    const review = await prisma.review.create({
      data: {
        hallId: hall.id, level: 2, channel: 'WINDOW_QR', clientKey: randomUUID(), trackingCode: newTrackingCode(),
        reviewerKind: 'REAL_NAME', reviewerPhoneEnc: 'v1.ciphertext-not-read-here', reviewerPhoneHash: 'hash',
        optionSetId: optionSet.id, optionSetVersion: 1, optionCodes: ['B3', 'A1', 'B4'],
      },
    });
    await expect(env.run(activities.loadReviewContext, review.id)).resolves.toMatchObject({ canCallBack: true, suggestedCategory: 'TIME_LIMITED' });
  });

  it('starts a case under the newest SLA policy version admins saved', async () => {
    const review = await badReview('jintun');
    const v2 = { ...DEFAULT_SLA_POLICY, version: 2, reminderRatio: 0.75 };
    await prisma.slaPolicyVersion.create({ data: { version: 2, policy: JSON.parse(JSON.stringify(v2)) as object, createdBy: 'admin-1', note: '提醒提前' } });
    try {
      await expect(env.run(activities.loadReviewContext, review.id)).resolves.toMatchObject({ slaPolicy: v2 });
    } finally {
      await prisma.slaPolicyVersion.delete({ where: { version: 2 } });
    }
  });

  it('fails for good, without retries, when the review does not exist', async () => {
    for (const reviewId of [randomUUID(), 'not-a-review-id']) {
      const failure = await env.run(activities.loadReviewContext, reviewId).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: ERR_REVIEW_NOT_FOUND, nonRetryable: true });
    }
  });

  // Facts of the case the read model keeps in timeline details only, as a case without them has them.
  const beyondTheColumns: Pick<
    RectificationCaseState,
    'owner' | 'assignee' | 'callbackOutcome' | 'invitedDepartments' | 'departmentInputs' | 'notes' | 'extensions' | 'originalResultDueAt'
  > = { owner: 'HALL', assignee: null, callbackOutcome: null, invitedDepartments: [], departmentInputs: [], notes: [], extensions: [], originalResultDueAt: null };

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
      ...beyondTheColumns,
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

  it('writes what changed since the last projection: the row and the new entries at their sequence numbers, idempotently', async () => {
    const review = await badReview('jintun');
    const state = openedCaseState(review.id);
    await env.run(activities.projectCaseChanges, caseProjection(state, 0));
    const next: RectificationCaseState = {
      ...state,
      state: 'RECTIFYING',
      stateLabel: '整改中',
      timeline: [
        ...state.timeline,
        { at: '2026-11-27T02:00:00.000Z', actor: 'handler-1', action: '核实属实' },
        { at: '2026-11-27T02:05:00.000Z', actor: 'handler-1', action: '已回访' },
      ],
    };
    const changes = caseProjection(next, 1);
    expect(changes.timeline).toHaveLength(2); // only the two new entries travel
    await env.run(activities.projectCaseChanges, changes);
    await env.run(activities.projectCaseChanges, changes); // a retried activity adds nothing twice
    const projected = await prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id }, include: { timeline: { orderBy: { seq: 'asc' } } } });
    expect(projected).toMatchObject({ state: 'RECTIFYING', stateLabel: '整改中' });
    expect(projected.timeline.map((entry) => [entry.seq, entry.action])).toEqual([
      [0, '差评已受理'],
      [1, '核实属实'],
      [2, '已回访'],
    ]);
  });
  it('takes the review out of the 好评率 when the county approves its rejection, and writes nothing for a hall that does not exist', async () => {
    const review = await badReview('jintun');
    const rejected: RectificationCaseState = {
      reviewId: review.id, hallCode: 'jintun', hallName: '金屯镇', level: 1, state: 'CLOSED', stateLabel: '已办结',
      openedAt: '2026-11-27T01:00:00.000Z', reviewedAt: '2026-11-27T01:00:00.000Z', category: null, clockCategory: 'IMMEDIATE',
      slaPolicyVersion: 1, canCallBack: false, obligations: {}, escalationLevel: 0, outcome: 'REJECTED', outcomeLabel: '不予采纳',
      reopenCount: 0, callbacks: [], rectifications: [], ...beyondTheColumns,
      assignee: { userId: 'handler-7', name: '张三', assignedAt: '2026-11-27T02:00:00.000Z', assignedBy: 'leader-1' },
      invitedDepartments: [{ departmentCode: 'yibao', invitedAt: '2026-11-27T02:00:00.000Z', invitedBy: 'leader-1' }],
      timeline: [{ at: '2026-11-27T03:00:00.000Z', actor: 'county-1', action: '同意不予采纳', details: { state: 'CLOSED' } }],
    };
    await env.run(activities.projectCase, rejected);
    await expect(prisma.review.findUniqueOrThrow({ where: { id: review.id } })).resolves.toMatchObject({ adoption: 'NOT_ADOPTED' });
    await expect(prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id } })).resolves.toMatchObject({
      outcome: 'REJECTED', assigneeUserId: 'handler-7', assigneeName: '张三', invitedDepartmentCodes: ['yibao'], closedAt: new Date('2026-11-27T03:00:00.000Z'),
    });

    const orphan = await badReview('jintun');
    await expect(env.run(activities.projectCase, { ...rejected, reviewId: orphan.id, hallCode: 'no-such-hall' })).rejects.toThrow('hall no-such-hall does not exist');
    expect(await prisma.rectificationCase.count({ where: { reviewId: orphan.id } })).toBe(0);
    expect(await prisma.rectificationTimelineEntry.count({ where: { reviewId: orphan.id } })).toBe(0);
    await expect(prisma.review.findUniqueOrThrow({ where: { id: orphan.id } })).resolves.toMatchObject({ adoption: 'ADOPTED' });
  });

  const obligation = (dueAt: string, overrides: Partial<Obligation> = {}): Obligation => ({
    openedAt: '2026-11-27T01:00:00.000Z',
    from: '2026-11-27T01:00:00.000Z',
    dueAt,
    provisional: false,
    ownerRole: 'HANDLER',
    remindAt: null,
    escalatesAt: null,
    remindedAt: null,
    doneAt: null,
    waivedAt: null,
    overdue: false,
    escalationLevel: 0,
    ...overrides,
  });

  it("projects the console's columns: category, open due times, overdue, escalation, outcome, policy version, closing time", async () => {
    const review = await badReview('jintun');
    const opened: RectificationCaseState = {
      reviewId: review.id,
      hallCode: 'jintun',
      hallName: '金屯镇',
      level: 2,
      state: 'RECTIFYING',
      stateLabel: '整改中',
      openedAt: '2026-11-27T01:00:00.000Z',
      reviewedAt: '2026-11-27T01:00:00.000Z',
      category: 'TIME_LIMITED',
      clockCategory: 'TIME_LIMITED',
      slaPolicyVersion: 1,
      canCallBack: true,
      obligations: {
        callback: obligation('2026-11-30T01:00:00.000Z', { overdue: true, escalationLevel: 1 }),
        result: obligation('2026-12-02T01:00:00.000Z'),
      },
      escalationLevel: 1,
      outcome: null,
      outcomeLabel: null,
      reopenCount: 0,
      callbacks: [],
      rectifications: [],
      ...beyondTheColumns,
      timeline: [{ at: '2026-11-27T01:00:00.000Z', actor: 'system', action: '差评已受理', details: { state: 'PENDING_VERIFICATION' } }],
    };
    await env.run(activities.projectCase, opened);
    await expect(prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id } })).resolves.toMatchObject({
      state: 'RECTIFYING',
      level: 2,
      category: 'TIME_LIMITED',
      escalationLevel: 1,
      callbackDueAt: new Date('2026-11-30T01:00:00.000Z'),
      resultDueAt: new Date('2026-12-02T01:00:00.000Z'),
      confirmationDueAt: null,
      overdue: true,
      outcome: null,
      slaPolicyVersion: 1,
      closedAt: null,
    });

    // Called back and rectified: the done obligations leave the queue, the overdue one with them.
    const awaiting: RectificationCaseState = {
      ...opened,
      state: 'AWAITING_CONFIRMATION',
      stateLabel: '待群众确认',
      obligations: {
        callback: { ...opened.obligations.callback!, doneAt: '2026-11-30T02:00:00.000Z' },
        result: { ...opened.obligations.result!, doneAt: '2026-12-01T02:00:00.000Z' },
        confirmation: obligation('2026-12-08T02:00:00.000Z'),
      },
      timeline: [...opened.timeline, { at: '2026-12-01T02:00:00.000Z', actor: 'handler-1', action: '已登记整改结果', details: { state: 'AWAITING_CONFIRMATION' } }],
    };
    await env.run(activities.projectCase, awaiting);
    await expect(prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id } })).resolves.toMatchObject({
      callbackDueAt: null,
      resultDueAt: null,
      confirmationDueAt: new Date('2026-12-08T02:00:00.000Z'),
      overdue: false,
      escalationLevel: 1,
    });

    const closed: RectificationCaseState = {
      ...awaiting,
      state: 'CLOSED',
      stateLabel: '已办结',
      outcome: 'SATISFIED',
      outcomeLabel: '满意',
      obligations: { ...awaiting.obligations, confirmation: { ...awaiting.obligations.confirmation!, doneAt: '2026-12-02T03:00:00.000Z' } },
      timeline: [...awaiting.timeline, { at: '2026-12-02T03:00:00.000Z', actor: 'citizen', action: '群众确认满意，办结', details: { state: 'CLOSED' } }],
    };
    await env.run(activities.projectCase, closed);
    await env.run(activities.projectCase, closed);
    await expect(prisma.rectificationCase.findUniqueOrThrow({ where: { reviewId: review.id } })).resolves.toMatchObject({
      state: 'CLOSED',
      outcome: 'SATISFIED',
      confirmationDueAt: null,
      closedAt: new Date('2026-12-02T03:00:00.000Z'),
    });
    expect(await prisma.rectificationTimelineEntry.count({ where: { reviewId: review.id } })).toBe(3);
  });
});
