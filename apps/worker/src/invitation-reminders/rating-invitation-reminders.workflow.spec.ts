import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createPgPool, createPrismaClient, MasterDataVersion, toCalendarYearData, WorkingCalendarCache, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, ensureTimeSkippingServer, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createRatingInvitationReminderActivities } from './rating-invitation-reminder.activities';
import { ratingInvitationRemindersWorkflow } from './rating-invitation-reminders.workflow';

/*
 * 参评率 (issue 13): the scheduled run of the SMS invitations to rate, on the time-skipping test server against a
 * real database. The test server has no Schedules, so the test is the schedule: every hour, on the hour, it starts
 * the workflow the Schedule starts (rating-invitation-reminders.schedule.ts), and time moves only by env.sleep.
 *
 * The calendar: 2027 with 元旦 on Friday 1 January (and no make-up day), office hours Mon–Fri 09:00–12:00, 13:00–17:00.
 * A case completed Thursday 31 December 10:00 is due its invitation 2 working days later, past the holiday and the
 * weekend: Tuesday 5 January 10:00.
 */
describe('the scheduled SMS invitations to rate', () => {
  let env: TestWorkflowEnvironment;
  /**
   * A plain client on the test server: the environment's own client unlocks time skipping while it waits for a
   * result, and the server then jumps to the run's timeout before the worker takes the first task. Time moves only
   * by env.sleep here, so each run happens at the hour it is started for.
   */
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const taskQueue = `rating-invitations-${randomUUID()}`;

  /** The Java test server from the tool cache, as the workflow tests start it (workflows/rectification/test/helpers/test-environment.ts). */
  async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
    const started = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? ensureTimeSkippingServer() }, extraArgs: ['--enable-time-skipping'] },
    });
    // Started this way the server begins with time skipping unlocked while the SDK assumes it locked.
    await started.connection.testService?.lockTimeSkipping({});
    return started;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    await prisma.calendarYear.create({ data: toCalendarYearData({ year: 2027, source: 'official', notice: 'test: 元旦 only', holidays: ['2027-01-01'], makeUpWorkdays: [] }) });
    const calendars = new WorkingCalendarCache(prisma, new MasterDataVersion(pool));
    env = await createTimeSkippingEnvironment();
    client = new Client({ connection: env.connection });
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('./rating-invitation-reminders.workflow'),
      activities: createRatingInvitationReminderActivities({ prisma, protector, workingTimeOfHall: (hallId) => calendars.byHallId(hallId), publicBaseUrl: 'https://hcp.example.cn' }),
    });
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
  /** The run an instant belongs to: a run's workflow starts a few milliseconds after its hour. */
  const runOf = (instant: Date | undefined) => (instant ? new Date(Math.floor(instant.getTime() / 60_000) * 60_000) : undefined);

  async function completedCase(completedAt: string, phone: string | null): Promise<string> {
    const [hall, item] = await Promise.all([prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } }), prisma.serviceItem.findFirstOrThrow()]);
    const created = await prisma.serviceCase.create({
      data: {
        caseNumber: `JX-${randomUUID().slice(0, 8)}`,
        serviceItemId: item.id,
        hallId: hall.id,
        applicantKind: 'PERSON',
        applicantNameEnc: protector.encrypt('申请人'),
        applicantPhoneEnc: phone ? protector.encrypt(phone) : null,
        applicantPhoneHash: phone ? protector.phoneHash(phone) : null,
        receivedAt: at(completedAt),
        completedAt: at(completedAt),
        channel: 'WINDOW',
        source: 'test',
      },
    });
    return created.id;
  }

  /** The schedule's runs: one per hour on the hour, up to `until`, time moved by the test server. */
  async function runHourlyUntil(until: Date, beforeRun: (now: Date) => Promise<void> = () => Promise.resolve()): Promise<void> {
    for (;;) {
      const now = await env.currentTimeMs();
      const nextHour = Math.floor(now / 3_600_000) * 3_600_000 + 3_600_000;
      if (nextHour > until.getTime()) return;
      await env.sleep(nextHour - now);
      await beforeRun(new Date(nextHour));
      await client.workflow.execute(ratingInvitationRemindersWorkflow, { taskQueue, workflowId: `rating-invitation-reminders-${nextHour}` });
    }
  }

  /** The invitations of a case with the SMS of each (the outbox row the SMS dispatcher sends). */
  async function invitationsOf(caseId: string) {
    const invitations = await prisma.ratingInvitation.findMany({ where: { caseId }, include: { reminder: true } });
    const sms = await prisma.notification.findMany({ where: { key: { in: invitations.map((invitation) => `invitation-sms:${invitation.id}`) } } });
    return { invitations, sms };
  }

  it('sends one SMS per case on the right working day, none after an opt-out, none for a rated case', async () => {
    expect(await env.currentTimeMs()).toBeLessThan(at('2026-12-30T12:00:00').getTime()); // the server starts at the real time
    const due = await completedCase('2026-12-31T10:00:00', '13900000001');
    const optsOutBeforeDue = await completedCase('2026-12-31T10:00:00', '13900000002');
    const rated = await completedCase('2026-12-31T10:00:00', '13900000003');
    const optedOutLongAgo = await completedCase('2026-12-31T10:00:00', '13900000004');
    const fixedLine = await completedCase('2026-12-31T10:00:00', '0537-6851890');
    const afterTheHoliday = await completedCase('2027-01-04T09:00:00', '13900000005');
    await prisma.smsOptOut.create({ data: { phoneHash: protector.phoneHash('13900000004'), source: 'SMS_REPLY' } });

    await env.sleep(at('2026-12-30T12:00:00').getTime() - (await env.currentTimeMs()));
    await runHourlyUntil(at('2027-01-07T12:00:00'), async (now) => {
      // Monday: the second applicant replies 退订, the third rates the case through the window's QR code.
      if (now.getTime() === at('2027-01-04T11:00:00').getTime()) {
        await prisma.smsOptOut.create({ data: { phoneHash: protector.phoneHash('+86 139 0000 0002'), source: 'SMS_REPLY' } });
        const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
        await prisma.review.create({ data: { hallId: hall.id, caseId: rated, level: 5, channel: 'WINDOW_QR', trackingCode: randomUUID().slice(0, 10), clientKey: randomUUID() } });
      }
    });

    const sent = await invitationsOf(due);
    expect(sent.invitations).toHaveLength(1);
    // Not Monday 4 January (Friday was 元旦, then the weekend): Tuesday 10:00, two working days after completion.
    expect(runOf(sent.invitations[0].reminder?.sentAt)).toEqual(at('2027-01-05T10:00:00'));
    // Valid until the rating period closes: 5 working days after completion.
    expect(sent.invitations[0].expiresAt).toEqual(at('2027-01-08T10:00:00'));
    expect(sent.sms).toHaveLength(1);
    expect(sent.sms[0]).toMatchObject({ channel: 'SMS', template: 'RATING_INVITATION', recipientEnc: expect.any(String) as unknown });
    expect(protector.decrypt(sent.sms[0].recipientEnc ?? '')).toBe('13900000001');
    expect(sent.sms[0].body).toMatch(/^您在金屯镇.*办理的“.+”已办结，欢迎对本次服务进行评价：https:\/\/hcp\.example\.cn\/citizen\/i\/[A-Za-z0-9_-]{43}（2027年1月8日/);

    expect((await invitationsOf(afterTheHoliday)).invitations.map((invitation) => runOf(invitation.reminder?.sentAt))).toEqual([at('2027-01-06T09:00:00')]);
    for (const caseId of [optsOutBeforeDue, rated, optedOutLongAgo, fixedLine]) {
      expect(await invitationsOf(caseId)).toEqual({ invitations: [], sms: [] });
    }
  });

  it('never a second SMS: a run repeated for the same hour sends nothing', async () => {
    const now = await env.currentTimeMs();
    const repeated = await Promise.all([1, 2].map((run) => client.workflow.execute(ratingInvitationRemindersWorkflow, { taskQueue, workflowId: `repeat-${now}-${run}` })));
    expect(repeated).toEqual([{ sent: 0 }, { sent: 0 }]);
    expect(await prisma.ratingInvitationReminder.count()).toBe(2);
  });
});
