import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { ActorRole, NotificationKind, NotificationRequest, ObligationKind } from '@haochaping/contracts';
import { createPgPool, createPrismaClient, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, newTrackingCode, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createRectificationActivities } from '../activities/rectification.activities';
import { NotificationDispatcher } from './notification-dispatcher.service';
import { OutboxNotificationDriver } from './outbox-notification.driver';
import { HttpSmsDriver } from './sms/http-sms.driver';
import { FakeSmsGateway } from './sms/testing/fake-sms-gateway';

/**
 * Staff SMS for what cannot wait: the `notify` activity writes, with a console notice whose kind and role have an
 * enabled rule, one SMS row per recipient with a phone, in the same transaction, under keys derived from the notice's.
 */
describe('staff SMS written with the console notice', () => {
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const gateway = new FakeSmsGateway();
  const phones = { handler: '13800000001', leader: '13800000002', guide: '13800000003', duty: '13800000009', otherHallLeader: '13800000004' };
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  let writtenAt: Date;
  let activities: ReturnType<typeof createRectificationActivities>;
  let gatewayUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 3);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    const notifier = new OutboxNotificationDriver({ prisma, publicBaseUrl: 'https://hcp.example.cn', now: () => writtenAt });
    activities = createRectificationActivities({ prisma, pool, notifier });
    gatewayUrl = await gateway.start();

    const staff = (username: string, role: 'HANDLER' | 'TOWN_LEADER' | 'DEPT_GUIDE', scope: { hallCodes?: string[]; departmentCodes?: string[] }, phone: string | null) =>
      prisma.user.create({ data: { username, displayName: username, role, passwordHash: 'x', ...scope, phoneEnc: phone ? protector.encrypt(phone) : null } });
    await staff('sms-handler', 'HANDLER', { hallCodes: ['jintun'] }, phones.handler);
    await staff('sms-handler-nophone', 'HANDLER', { hallCodes: ['jintun'] }, null);
    await staff('sms-leader', 'TOWN_LEADER', { hallCodes: ['jintun'] }, phones.leader);
    await staff('sms-leader-mandong', 'TOWN_LEADER', { hallCodes: ['mandong'] }, phones.otherHallLeader);
    await staff('sms-guide', 'DEPT_GUIDE', { departmentCodes: ['yibao'] }, phones.guide);
    await prisma.staffSmsSettings.update({ where: { id: 1 }, data: { countyDutyPhoneEnc: protector.encrypt(phones.duty) } });
  });
  afterAll(async () => {
    await gateway.stop();
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });
  beforeEach(() => {
    // Wednesday 2026-03-04 10:00 in Shanghai: office time.
    writtenAt = new Date('2026-03-04T02:00:00.000Z');
    gateway.requests.splice(0);
  });

  const execution = (workflowId = `rectification-${randomUUID()}`, activityId = '7') => new MockActivityEnvironment({ activityId, workflowExecution: { workflowId, runId: randomUUID() } });

  const notify = (request: NotificationRequest, env = execution()) => env.run(activities.notify, request);

  async function badReview({ caseNumber }: { caseNumber?: string } = {}) {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const serviceItem = caseNumber ? await prisma.serviceItem.findFirstOrThrow() : null;
    const serviceCase =
      caseNumber && serviceItem
        ? await prisma.serviceCase.create({
            data: { caseNumber, serviceItemId: serviceItem.id, hallId: hall.id, applicantKind: 'PERSON', applicantNameEnc: protector.encrypt('王建国'), receivedAt: writtenAt, channel: 'WINDOW', source: 'test' },
          })
        : null;
    return prisma.review.create({
      data: {
        hallId: hall.id,
        ...(serviceCase ? { caseId: serviceCase.id } : {}),
        level: 1,
        channel: 'WINDOW_QR',
        clientKey: randomUUID(),
        trackingCode: newTrackingCode(),
        comment: '窗口人员态度恶劣',
        reviewerKind: 'REAL_NAME',
        reviewerNameEnc: protector.encrypt('王建国'),
        reviewerPhoneEnc: protector.encrypt('13912345678'),
        reviewerPhoneHash: protector.phoneHash('13912345678'),
      },
    });
  }
  const smsOf = (reviewId: string) =>
    prisma.notification.findMany({ where: { channel: 'SMS', params: { path: ['reviewId'], equals: reviewId } }, orderBy: { id: 'asc' } });
  const phonesOf = (rows: Array<{ recipientEnc: string | null }>) => rows.map((row) => protector.decrypt(row.recipientEnc ?? '')).sort();

  describe('which notices bring an SMS, and to whom (the default rules)', () => {
    const cases: Array<[NotificationKind, ActorRole, ObligationKind | undefined, string[]]> = [
      ['OVERDUE_LEVEL_1', 'TOWN_LEADER', 'callback', [phones.leader]],
      ['OVERDUE_LEVEL_1', 'TOWN_LEADER', 'result', [phones.leader]],
      ['OVERDUE_LEVEL_2', 'COUNTY_SUPERVISOR', 'result', [phones.duty]],
      ['REMINDER', 'HANDLER', 'callback', [phones.handler]],
      ['REMINDER', 'HANDLER', 'result', []],
      ['REMINDER', 'COUNTY_SUPERVISOR', 'extensionDecision', []],
      ['CASE_OPENED', 'HANDLER', 'callback', []],
      ['EXTENSION_REQUESTED', 'COUNTY_SUPERVISOR', 'extensionDecision', []],
      ['REJECTION_PROPOSED', 'COUNTY_SUPERVISOR', 'rejectionDecision', []],
      ['REOPENED_TO_COUNTY', 'COUNTY_SUPERVISOR', 'result', []],
      ['DEPARTMENTS_INVITED', 'DEPT_GUIDE', undefined, []],
      ['PROJECTION_FAILED', 'COUNTY_SUPERVISOR', undefined, []],
    ];
    it.each(cases)('%s to %s (%s) → SMS to %j', async (kind, recipientRole, obligation, expected) => {
      const { id: reviewId } = await badReview();
      await notify({ kind, reviewId, recipientRole, hallCode: 'jintun', ...(obligation ? { obligation } : {}), dueAt: '2026-03-04T03:00:00.000Z', departmentCodes: ['yibao'] });
      const rows = await smsOf(reviewId);
      expect(phonesOf(rows)).toEqual(expected);
      // Every SMS stands beside its console notice.
      await expect(prisma.notification.count({ where: { channel: 'CONSOLE', params: { path: ['reviewId'], equals: reviewId } } })).resolves.toBe(1);
    });
  });

  it('follows a rule the admin changed: invitations to the invited departments’ guides, at once even at night', async () => {
    await prisma.staffSmsRule.create({ data: { kind: 'DEPARTMENTS_INVITED', audienceRole: 'DEPT_GUIDE', enabled: true, holdOutsideOfficeTime: false } });
    try {
      writtenAt = new Date('2026-03-04T14:00:00.000Z'); // 22:00 in Shanghai
      const { id: reviewId } = await badReview();
      await notify({ kind: 'DEPARTMENTS_INVITED', reviewId, recipientRole: 'DEPT_GUIDE', hallCode: 'jintun', departmentCodes: ['yibao'] });
      const rows = await smsOf(reviewId);
      expect(phonesOf(rows)).toEqual([phones.guide]);
      expect(rows[0]?.availableAt).toEqual(writtenAt);
    } finally {
      await prisma.staffSmsRule.delete({ where: { kind_audienceRole: { kind: 'DEPARTMENTS_INVITED', audienceRole: 'DEPT_GUIDE' } } });
    }
  });

  it('sends a reassigned case’s notice to the one handler it names, and the callback reminder to the case’s assignee only', async () => {
    const handler = await prisma.user.findUniqueOrThrow({ where: { username: 'sms-handler' } });
    const { id: reviewId } = await badReview();
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    await prisma.rectificationCase.create({
      data: { reviewId, workflowId: `rectification-${reviewId}`, hallId: hall.id, level: 1, state: 'AWAITING_VERIFICATION', stateLabel: '待核实', openedAt: writtenAt, assigneeUserId: handler.id, assigneeName: '经办人' },
    });
    await notify({ kind: 'REMINDER', reviewId, recipientRole: 'HANDLER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T03:00:00.000Z' });
    const rows = await smsOf(reviewId);
    expect(phonesOf(rows)).toEqual([phones.handler]);
    expect(rows[0]?.userId).toBe(handler.id);
  });

  it('logs each recipient without a phone and writes no SMS for them', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const { id: reviewId } = await badReview();
      await notify({ kind: 'REMINDER', reviewId, recipientRole: 'HANDLER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T03:00:00.000Z' });
      expect(phonesOf(await smsOf(reviewId))).toEqual([phones.handler]);
      expect(warn).toHaveBeenCalledWith(`no staff SMS for REMINDER of ${reviewId}: user sms-handler-nophone has no phone`);
    } finally {
      warn.mockRestore();
    }
  });

  it('writes one SMS for the same notice written twice (a retried activity), and the dispatcher sends it once', async () => {
    const { id: reviewId } = await badReview();
    const request: NotificationRequest = { kind: 'OVERDUE_LEVEL_1', reviewId, recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'result', dueAt: '2026-03-04T01:00:00.000Z' };
    const retried = execution(`rectification-${reviewId}`, '31');
    await notify(request, retried);
    await notify(request, retried);

    const rows = await smsOf(reviewId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toMatch(new RegExp(`^notify:rectification-${reviewId}:.+:31:sms:`));

    await prisma.notification.updateMany({ where: { channel: 'SMS', params: { path: ['reviewId'], not: reviewId } }, data: { sentAt: writtenAt } });
    const dispatcher = new NotificationDispatcher(prisma, protector, new HttpSmsDriver({ url: gatewayUrl, key: 'k', timeoutMs: 2_000 }), { pollMs: 60_000, maxAttempts: 3, retryBaseMs: 30_000, leaseMs: 60_000 }, () => writtenAt);
    await dispatcher.dispatchDue();
    await dispatcher.dispatchDue();
    expect(gateway.requests.map((sent) => (sent.body as { phone: string }).phone)).toEqual([phones.leader]);
  });

  it('holds an SMS written outside office time until the hall’s next opening: Friday 20:00 before Qingming → Tuesday 09:00', async () => {
    writtenAt = new Date('2026-04-03T12:00:00.000Z'); // Friday 2026-04-03 20:00 in Shanghai; 4–6 April is the Qingming holiday
    const { id: reviewId } = await badReview();
    await notify({ kind: 'OVERDUE_LEVEL_1', reviewId, recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'result', dueAt: '2026-04-03T09:00:00.000Z' });
    const [held, ...others] = await smsOf(reviewId);
    expect(others).toHaveLength(0);
    expect(held?.availableAt.toISOString()).toBe('2026-04-07T01:00:00.000Z');
  });

  it('sends in office time at once', async () => {
    const { id: reviewId } = await badReview();
    await notify({ kind: 'OVERDUE_LEVEL_1', reviewId, recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'result', dueAt: '2026-03-04T01:00:00.000Z' });
    const [row] = await smsOf(reviewId);
    expect(row?.availableAt).toEqual(writtenAt);
  });

  it('says case, hall, what is due and by when, and nothing of the reviewer (name, phone, comment)', async () => {
    const { id: reviewId } = await badReview();
    await notify({ kind: 'OVERDUE_LEVEL_1', reviewId, recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T01:00:00.000Z' });
    const [row] = await smsOf(reviewId);
    expect(row?.body).toBe(`金屯镇一件差评整改的回访已超期（时限：2026年3月4日 09:00），请督促办理。差评编号 ${reviewId.slice(0, 8).toUpperCase()}，请登录好差评工作台查看。`);
    expect(row?.body).not.toMatch(/王建国|13912345678|5678|态度恶劣/);
    expect(JSON.stringify(row?.params)).not.toMatch(/王建国|13912345678|态度恶劣/);
  });

  it('names a rated case by its 办件编号', async () => {
    const { id: reviewId } = await badReview({ caseNumber: 'JX-2026-SMS001' });
    await notify({ kind: 'REMINDER', reviewId, recipientRole: 'HANDLER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T03:00:00.000Z' });
    const [row] = await smsOf(reviewId);
    expect(row?.body).toBe('金屯镇一件差评整改的回访即将到期（时限：2026年3月4日 11:00），请及时办理。办件编号 JX-2026-SMS001，请登录好差评工作台查看。');
  });
});
