import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { NotificationRequest } from '@haochaping/contracts';
import { createPgPool, createPrismaClient, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, newTrackingCode, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createRectificationActivities } from '../activities/rectification.activities';
import { OutboxNotificationDriver } from './outbox-notification.driver';

describe('the notify activity writes the notification outbox', () => {
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const writtenAt = new Date('2026-03-04T02:00:00.000Z');
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  let activities: ReturnType<typeof createRectificationActivities>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    const notifier = new OutboxNotificationDriver({ prisma, publicBaseUrl: 'https://hcp.example.cn', now: () => writtenAt });
    activities = createRectificationActivities({ prisma, pool, notifier });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  /** One activity execution of one workflow run: a retry of it has the same identity. */
  const execution = (workflowId = `rectification-${randomUUID()}`, activityId = '7') => new MockActivityEnvironment({ activityId, workflowExecution: { workflowId, runId: randomUUID() } });

  async function review({ phone, hallCode = 'jintun' }: { phone?: string; hallCode?: string } = {}) {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: hallCode } });
    return prisma.review.create({
      data: {
        hallId: hall.id,
        level: 1,
        channel: 'WINDOW_QR',
        clientKey: randomUUID(),
        trackingCode: newTrackingCode(),
        ...(phone
          ? { reviewerKind: 'REAL_NAME', reviewerNameEnc: protector.encrypt('王建国'), reviewerPhoneEnc: protector.encrypt(phone), reviewerPhoneHash: protector.phoneHash(phone) }
          : {}),
      },
    });
  }
  const notify = (request: NotificationRequest, env = execution()) => env.run(activities.notify, request);
  const rowsOf = (reviewId: string) => prisma.notification.findMany({ where: { params: { path: ['reviewId'], equals: reviewId } }, orderBy: { id: 'asc' } });

  it('writes a console notice for the role at the case hall, available at once, in Chinese and without the reviewer', async () => {
    const { id: reviewId } = await review({ phone: '13812345678' });
    const jintun = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const request: NotificationRequest = { kind: 'OVERDUE_LEVEL_1', reviewId, recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T02:00:00.000Z' };
    await notify(request);

    const [notice, ...others] = await rowsOf(reviewId);
    expect(others).toHaveLength(0);
    expect(notice).toMatchObject({
      channel: 'CONSOLE',
      template: 'OVERDUE_LEVEL_1',
      audienceRole: 'TOWN_LEADER',
      hallId: jintun.id,
      userId: null,
      recipientEnc: null,
      sentAt: writtenAt,
      body: '金屯镇一件差评整改的回访已超期（时限：2026年3月4日 10:00），请督促办理。',
      params: { kind: 'OVERDUE_LEVEL_1', reviewId, hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T02:00:00.000Z' },
    });
    expect(notice.body).not.toMatch(/王建国|5678/);
  });

  it('writes nothing twice when the activity is retried, and a later notification of the same kind anew', async () => {
    const { id: reviewId } = await review();
    const request: NotificationRequest = { kind: 'REASSIGNED', reviewId, recipientRole: 'HANDLER', hallCode: 'mandong', recipientUserId: 'handler-9' };
    const workflowId = `rectification-${reviewId}`;
    const first = execution(workflowId, '12');
    await notify(request, first);
    await notify(request, first); // the same activity, retried after a lost answer
    expect(await rowsOf(reviewId)).toHaveLength(1);

    await notify(request, execution(workflowId, '31')); // reassigned to the same person again, later
    const rows = await rowsOf(reviewId);
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => [row.userId, row.audienceRole, row.body])).toEqual([
      ['handler-9', 'HANDLER', '满硐镇一件差评整改已转交给您办理，请查看案件。'],
      ['handler-9', 'HANDLER', '满硐镇一件差评整改已转交给您办理，请查看案件。'],
    ]);
  });

  it('queues an SMS to the reviewer with the review’s encrypted phone as it is, the status link and the tracking code', async () => {
    const written = await review({ phone: '13812345678' });
    await notify({ kind: 'RESULT_TO_REVIEWER', reviewId: written.id, recipientRole: 'CITIZEN', hallCode: 'jintun' });

    const [sms, ...others] = await rowsOf(written.id);
    expect(others).toHaveLength(0);
    expect(sms).toMatchObject({ channel: 'SMS', template: 'RESULT_TO_REVIEWER', recipientEnc: written.reviewerPhoneEnc, sentAt: null, attempts: 0, audienceRole: null });
    expect(protector.decrypt(sms.recipientEnc ?? '')).toBe('13812345678');
    expect(sms.body).toBe(
      `您对金屯镇的评价已整改完毕，请查看整改结果并告诉我们是否满意：https://hcp.example.cn/citizen/status?code=${written.trackingCode}（查询码${written.trackingCode}）。`,
    );
  });

  it.each<[string, NotificationRequest['kind'], RegExp]>([
    ['the result', 'RESULT_TO_REVIEWER', /^您对马村镇的评价已整改完毕/],
    ['a rejection, politely and with the hotline', 'REJECTION_TO_REVIEWER', /^感谢您对马村镇的评价。经核实，该评价未予采纳.*0537-6851890。$/],
  ])('tells the reviewer %s in Chinese without their name or number', async (_label, kind, text) => {
    const written = await review({ phone: '13912345678', hallCode: 'macun' });
    await notify({ kind, reviewId: written.id, recipientRole: 'CITIZEN', hallCode: 'macun' });
    const [sms] = await rowsOf(written.id);
    expect(sms.body).toMatch(text);
    expect(sms.body).not.toMatch(/王建国|13912345678|5678/);
  });

  it('queues nothing for a reviewer who left no phone (and does not fail the case)', async () => {
    const { id: reviewId } = await review();
    await expect(notify({ kind: 'RESULT_TO_REVIEWER', reviewId, recipientRole: 'CITIZEN', hallCode: 'jintun' })).resolves.toBeUndefined();
    expect(await rowsOf(reviewId)).toHaveLength(0);
  });

  it.each<[NotificationRequest['kind'], Partial<NotificationRequest>, string]>([
    ['REMINDER', { recipientRole: 'HANDLER', obligation: 'result', dueAt: '2026-03-09T09:00:00.000Z' }, '金屯镇一件差评整改的整改结果反馈即将到期（时限：2026年3月9日 17:00），请及时办理。'],
    ['OVERDUE_LEVEL_2', { recipientRole: 'COUNTY_SUPERVISOR', obligation: 'result', dueAt: '2026-03-09T09:00:00.000Z' }, '金屯镇一件差评整改的整改结果反馈超期未完成（时限：2026年3月9日 17:00），已上报县级，请督办。'],
    ['REOPENED_TO_COUNTY', { recipientRole: 'COUNTY_SUPERVISOR', obligation: 'result', dueAt: '2026-03-09T09:00:00.000Z' }, '金屯镇一件差评的评价人对整改结果不满意，已转县级重办（时限：2026年3月9日 17:00）。'],
    ['EXTENSION_REQUESTED', { recipientRole: 'COUNTY_SUPERVISOR', obligation: 'extensionDecision', dueAt: '2026-03-05T02:00:00.000Z' }, '金屯镇一件协调整改案件申请延期，请审批（时限：2026年3月5日 10:00）。'],
    ['EXTENSION_DECIDED', { recipientRole: 'HANDLER', obligation: 'result', dueAt: '2026-03-20T09:00:00.000Z' }, '金屯镇一件协调整改案件的延期申请已审批（时限：2026年3月20日 17:00），请查看审批意见。'],
    ['DEPARTMENTS_INVITED', { recipientRole: 'DEPT_GUIDE', departmentCodes: ['yibao'] }, '金屯镇一件差评需协调整改，邀请贵部门协助办理，请查看案件。'],
  ])('renders %s for staff', async (kind, fields, body) => {
    const { id: reviewId } = await review();
    await notify({ kind, reviewId, hallCode: 'jintun', recipientRole: 'HANDLER', ...fields });
    const [notice] = await rowsOf(reviewId);
    expect(notice).toMatchObject({ channel: 'CONSOLE', audienceRole: fields.recipientRole, body });
    if (fields.departmentCodes) expect(notice.params).toMatchObject({ departmentCodes: fields.departmentCodes });
  });
});
