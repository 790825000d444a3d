import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { createPgPool, createPrismaClient, MasterDataVersion, WorkingCalendarCache, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createRatingInvitationReminderActivities } from './rating-invitation-reminder.activities';

/**
 * The rules of one run of the SMS invitations to rate, each a table row: when a case is due (the county's N working
 * days after completion), and when a due case still gets nothing (office time, the rating period, the number).
 * 2026 official calendar; office hours Mon–Fri 09:00–12:00, 13:00–17:00. The schedule itself: the workflow spec.
 */
describe('sendDueRatingInvitations', () => {
  const env = new MockActivityEnvironment();
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  let activities: ReturnType<typeof createRatingInvitationReminderActivities>;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    const calendars = new WorkingCalendarCache(prisma, new MasterDataVersion(pool));
    activities = createRatingInvitationReminderActivities({ prisma, protector, workingTimeOfHall: (hallId) => calendars.byHallId(hallId), publicBaseUrl: 'https://hcp.example.cn' });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });
  beforeEach(async () => {
    // Each row on its own cases: earlier rows' cases are invited or left, and must not count here.
    await prisma.$executeRaw`TRUNCATE rating_invitation_reminder, rating_invitation, notification, sms_opt_out, rating_invitation_setting, review CASCADE`;
    await prisma.$executeRaw`DELETE FROM service_case`;
  });

  const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

  async function completedCase(completedAt: string, phone = '13900000001'): Promise<string> {
    const [hall, item] = await Promise.all([prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } }), prisma.serviceItem.findFirstOrThrow()]);
    const created = await prisma.serviceCase.create({
      data: {
        caseNumber: `JX-${randomUUID().slice(0, 8)}`,
        serviceItemId: item.id,
        hallId: hall.id,
        applicantKind: 'PERSON',
        applicantNameEnc: protector.encrypt('申请人'),
        applicantPhoneEnc: protector.encrypt(phone),
        applicantPhoneHash: protector.phoneHash(phone),
        receivedAt: at(completedAt),
        completedAt: at(completedAt),
        channel: 'WINDOW',
        source: 'test',
      },
    });
    return created.id;
  }

  const run = (shanghai: string) => env.run(activities.sendDueRatingInvitations, { at: at(shanghai).toISOString() });

  // Completed Monday 2026-03-02 10:00: 2 working days → Wednesday 10:00; 3 → Thursday 10:00; the period closes Monday 03-09 10:00.
  it.each<[string, number | null, string, number]>([
    ['just before the default 2 working days', null, '2026-03-04T09:59:00', 0],
    ['at the default 2 working days', null, '2026-03-04T10:00:00', 1],
    ['2 working days later, but the admin set 3', 3, '2026-03-04T10:00:00', 0],
    ['at the 3 working days the admin set', 3, '2026-03-05T10:00:00', 1],
    ['due, but after office hours (the next run in office time sends it)', null, '2026-03-04T17:30:00', 0],
    ['due, but on a Saturday', null, '2026-03-07T10:00:00', 0],
    ['due, on the last morning of the rating period', null, '2026-03-09T09:30:00', 1],
    ['due, but the rating period has closed', null, '2026-03-09T10:30:00', 0],
  ])('a case %s (N set by the admin: %s; the run at %s) → %i SMS', async (_case, setting, runAt, sent) => {
    if (setting !== null) await prisma.ratingInvitationSetting.create({ data: { id: 1, reminderAfterWorkingDays: setting, updatedBy: 'admin-1' } });
    const caseId = await completedCase('2026-03-02T10:00:00');
    expect(await run(runAt)).toEqual({ sent });
    expect(await prisma.ratingInvitationReminder.count({ where: { caseId } })).toBe(sent);
    expect(await prisma.notification.count({ where: { template: 'RATING_INVITATION' } })).toBe(sent);
  });

  it.each([
    ['a fixed line', '0537-6851890'],
    ['a number that opted out', '13900000009'],
  ])('sends nothing to %s', async (_case, phone) => {
    await prisma.smsOptOut.create({ data: { phoneHash: protector.phoneHash('13900000009'), source: 'HALL', recordedBy: 'handler-1' } });
    await completedCase('2026-03-02T10:00:00', phone);
    expect(await run('2026-03-04T10:00:00')).toEqual({ sent: 0 });
  });

  it('sends once per case however often it runs', async () => {
    await completedCase('2026-03-02T10:00:00');
    expect(await run('2026-03-04T10:00:00')).toEqual({ sent: 1 });
    expect(await run('2026-03-04T11:00:00')).toEqual({ sent: 0 });
    expect(await run('2026-03-05T10:00:00')).toEqual({ sent: 0 });
    expect(await prisma.ratingInvitation.count()).toBe(1);
  });
});
