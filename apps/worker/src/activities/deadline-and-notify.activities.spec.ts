import { Logger } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DEFAULT_SLA_POLICY, ERR_INVALID_ARGUMENT, type ComputedDeadline, type NotificationRequest, type ObligationDeadlines, type SlaClock } from '@haochaping/contracts';
import { createPgPool, createPrismaClient, MasterDataVersion, readMasterDataVersion, WorkingCalendarCache, type Pool, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { LogNotificationDriver } from '../notifications/log-notification.driver';
import type { NotificationContext, NotificationDriver } from '../notifications/notification.driver';
import { createRectificationActivities } from './rectification.activities';

describe('computeDeadline and notify activities', () => {
  const env = new MockActivityEnvironment();
  const send = jest.fn<Promise<void>, [NotificationRequest, NotificationContext?]>(() => Promise.resolve());
  const notifier: NotificationDriver = { send };
  // computeDeadline reads the hall's office hours and the calendar_year rows the county maintains.
  let db: TestDatabase;
  let pool: Pool;
  let prisma: PrismaClient;
  let activities: ReturnType<typeof createRectificationActivities>;
  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
    activities = createRectificationActivities({ prisma, pool, notifier });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  const hour = (amount: number): SlaClock => ({ amount, unit: 'WORKING_HOURS' });
  const day = (amount: number): SlaClock => ({ amount, unit: 'WORKING_DAYS' });

  // DOMAIN.md "How clocks count", default office hours (Mon–Fri 09:00–12:00, 13:00–17:00, Asia/Shanghai).
  it.each<[string, string, SlaClock, string]>([
    ['Friday 16:30 + 1 working hour is Monday 09:30', '2026-03-06T16:30:00+08:00', hour(1), '2026-03-09T09:30:00+08:00'],
    ['11:30 + 1 working hour is 13:30 (lunch does not count)', '2026-03-04T11:30:00+08:00', hour(1), '2026-03-04T13:30:00+08:00'],
    ['16:00 + 1 working hour is 17:00 the same day', '2026-03-04T16:00:00+08:00', hour(1), '2026-03-04T17:00:00+08:00'],
    ['Saturday 10:00 + 1 working hour is Monday 10:00', '2026-03-07T10:00:00+08:00', hour(1), '2026-03-09T10:00:00+08:00'],
    ['2026-09-30 10:00 + 1 working day is 2026-10-08 10:00 (国庆)', '2026-09-30T10:00:00+08:00', day(1), '2026-10-08T10:00:00+08:00'],
    ['the 80% reminder of a 1-working-hour callback is 48 working minutes in', '2026-03-04T09:00:00+08:00', hour(0.8), '2026-03-04T09:48:00+08:00'],
    ['10:00 + 3 working days is 10:00 three working days later', '2026-03-04T10:00:00+08:00', day(3), '2026-03-09T10:00:00+08:00'],
    ['calendar hours count the night too', '2026-03-06T16:30:00+08:00', { amount: 1, unit: 'CALENDAR_HOURS' }, '2026-03-06T17:30:00+08:00'],
    ['calendar days count weekends too', '2026-03-06T16:30:00+08:00', { amount: 1, unit: 'CALENDAR_DAYS' }, '2026-03-07T16:30:00+08:00'],
  ])('%s', async (_rule, from, clock, dueAt) => {
    const deadline = await env.run(activities.computeDeadline, { hallCode: 'jintun', from: new Date(from).toISOString(), clock });
    expect(deadline).toEqual({ dueAt: new Date(dueAt).toISOString(), provisional: false });
  });

  it.each<[string, SlaClock, number | null, SlaClock | null, [string, string | null, string | null]]>([
    // Friday 16:30. Reminders at 80% of the clock in working time (a working day is the 7 office hours): 48 minutes of
    // 1 working hour; 2.4 of 3 working days = Tuesday 16:30 + 2.8 hours = Wednesday 11:18. Escalation: 1 working day after due.
    ['a duty that escalates', hour(1), 0.8, day(1), ['2026-03-09T09:30:00+08:00', '2026-03-09T09:18:00+08:00', '2026-03-10T09:30:00+08:00']],
    ['a duty the county owes itself (no escalation)', day(3), 0.8, null, ['2026-03-11T16:30:00+08:00', '2026-03-11T11:18:00+08:00', null]],
    ['the confirmation window (no reminder, no escalation)', day(5), null, null, ['2026-03-13T16:30:00+08:00', null, null]],
  ])('computes the deadlines of %s in one call, as three computeDeadline calls would', async (_what, clock, reminderRatio, escalationAfter, [due, remind, escalation]) => {
    const from = new Date('2026-03-06T16:30:00+08:00').toISOString();
    const deadlines: ObligationDeadlines = await env.run(activities.computeObligationDeadlines, { hallCode: 'jintun', from, clock, reminderRatio, escalationAfter });
    const at = (instant: string | null) => (instant === null ? null : { dueAt: new Date(instant).toISOString(), provisional: false });
    expect(deadlines).toEqual({ due: at(due), remind: at(remind), escalation: at(escalation) });
    // The same answers as one deadline at a time.
    expect(deadlines.due).toEqual(await env.run(activities.computeDeadline, { hallCode: 'jintun', from, clock }));
    if (escalationAfter) expect(deadlines.escalation).toEqual(await env.run(activities.computeDeadline, { hallCode: 'jintun', from: deadlines.due.dueAt, clock: escalationAfter }));
  });

  it('marks a deadline in a year without the State Council notice as provisional', async () => {
    const deadline: ComputedDeadline = await env.run(activities.computeDeadline, { hallCode: 'jintun', from: '2027-03-03T02:00:00.000Z', clock: DEFAULT_SLA_POLICY.categories.TIME_LIMITED.result });
    expect(deadline.provisional).toBe(true);
  });

  it('counts with the calendar as the county maintains it: a holiday added by an admin moves the next deadline', async () => {
    const from = new Date('2026-11-30T16:30:00+08:00').toISOString(); // Monday
    const before: ComputedDeadline = await env.run(activities.computeDeadline, { hallCode: 'jintun', from, clock: hour(1) });
    expect(before.dueAt).toBe(new Date('2026-12-01T09:30:00+08:00').toISOString());

    const year = await prisma.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    await prisma.calendarYear.update({ where: { year: 2026 }, data: { holidays: [...year.holidays, new Date('2026-12-01T00:00:00.000Z')] } });
    const after: ComputedDeadline = await env.run(activities.computeDeadline, { hallCode: 'jintun', from, clock: hour(1) });
    expect(after.dueAt).toBe(new Date('2026-12-02T09:30:00+08:00').toISOString());
  });

  it('with the worker’s listening calendar: the first deadline after an admin’s change (once the NOTIFY is heard) counts with it', async () => {
    // As RectificationActivitiesProvider wires it; the periodic check is an hour away, so only the notification counts.
    const listening = new MasterDataVersion(pool, { databaseUrl: db.url, checkIntervalMs: 3_600_000 });
    await listening.start();
    try {
      const worker = createRectificationActivities({ prisma, pool, notifier, workingCalendar: new WorkingCalendarCache(prisma, listening) });
      const from = new Date('2026-12-03T16:30:00+08:00').toISOString(); // Thursday
      const input = { hallCode: 'jintun', from, clock: hour(1), reminderRatio: 0.8, escalationAfter: day(1) };
      const before: ObligationDeadlines = await env.run(worker.computeObligationDeadlines, input);
      expect(before.due.dueAt).toBe(new Date('2026-12-04T09:30:00+08:00').toISOString());

      const year = await prisma.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
      await prisma.calendarYear.update({ where: { year: 2026 }, data: { holidays: [...year.holidays, new Date('2026-12-04T00:00:00.000Z')] } });
      await listening.seen(await readMasterDataVersion(pool));

      const after: ObligationDeadlines = await env.run(worker.computeObligationDeadlines, input);
      expect(after.due.dueAt).toBe(new Date('2026-12-07T09:30:00+08:00').toISOString()); // Friday off: Monday
      expect(after.escalation?.dueAt).toBe(new Date('2026-12-08T09:30:00+08:00').toISOString());
    } finally {
      await listening.stop();
    }
  });

  it('fails for good, without retries, for a hall that does not exist', async () => {
    const failure = await env.run(activities.computeDeadline, { hallCode: 'atlantis', from: '2026-03-04T02:00:00.000Z', clock: hour(1) }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: ERR_INVALID_ARGUMENT, nonRetryable: true });
  });

  it('fails for good, without retries, on a clock no calendar can count', async () => {
    const failure = await env.run(activities.computeDeadline, { hallCode: 'jintun', from: '2026-03-04T02:00:00.000Z', clock: hour(-1) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: ERR_INVALID_ARGUMENT, nonRetryable: true });
  });

  it("hands a notification to the driver as it is, with the case hall's working time", async () => {
    const request: NotificationRequest = { kind: 'OVERDUE_LEVEL_1', reviewId: 'r-1', recipientRole: 'TOWN_LEADER', hallCode: 'jintun', obligation: 'callback', dueAt: '2026-03-04T02:00:00.000Z' };
    await env.run(activities.notify, request);
    expect(send.mock.calls.at(-1)?.[0]).toEqual(request);
    // Friday 2026-03-06 20:00 in Shanghai: jintun opens again on Monday morning.
    const workingTime = await send.mock.calls.at(-1)?.[1]?.workingTime();
    expect(workingTime?.nextOfficeTimeStart(new Date('2026-03-06T12:00:00.000Z')).toISOString()).toBe('2026-03-09T01:00:00.000Z');
  });

  it('the log driver writes one structured line per notification and no personal data', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new LogNotificationDriver().send({ kind: 'REMINDER', reviewId: 'r-2', recipientRole: 'HANDLER', hallCode: 'mandong' });
      expect(log).toHaveBeenCalledTimes(1);
      expect(JSON.parse(log.mock.calls[0][0] as string)).toEqual({ event: 'notification', driver: 'log', kind: 'REMINDER', reviewId: 'r-2', recipientRole: 'HANDLER', hallCode: 'mandong' });
    } finally {
      log.mockRestore();
    }
  });
});
