import { randomUUID } from 'node:crypto';
import { Client, Connection, type ConnectionLike } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { ensureExchangeReconciliationSchedule } from '../exchange-reconciliation/exchange-reconciliation.schedule';
import { ensureFigureDaysSchedule } from '../figure-days/figure-days.schedule';
import { ensureRatingInvitationRemindersSchedule } from '../invitation-reminders/rating-invitation-reminders.schedule';
import { ensureReadModelReconciliationSchedule } from '../read-model-reconciliation/read-model-reconciliation.schedule';

type Ensure = (connection: ConnectionLike, namespace: string, taskQueue: string, scheduleId: string) => Promise<'created' | 'updated'>;

/** When a schedule runs: every so many milliseconds, or daily at a Shanghai time (and so next at that UTC time). */
type When = { every: number } | { shanghai: { hour: number; minute: number }; nextUtc: string };

const SCHEDULES: Array<{ name: string; ensure: Ensure; workflowType: string; args?: unknown[]; when: When }> = [
  { name: 'the SMS invitations to rate, hourly', ensure: ensureRatingInvitationRemindersSchedule, workflowType: 'ratingInvitationRemindersWorkflow', when: { every: 3_600_000 } },
  { name: 'the results’ daily aggregates, every 30 minutes', ensure: ensureFigureDaysSchedule, workflowType: 'figureDaysWorkflow', when: { every: 1_800_000 } },
  {
    name: 'the read model reconciliation, daily at 02:30 Shanghai time',
    ensure: ensureReadModelReconciliationSchedule,
    workflowType: 'readModelReconciliationWorkflow',
    args: [{ trigger: 'SCHEDULE' }],
    when: { shanghai: { hour: 2, minute: 30 }, nextUtc: 'T18:30:00.000Z' },
  },
  {
    name: 'the exchange count reconciliation, daily at 03:00 Shanghai time, checking the default days',
    ensure: ensureExchangeReconciliationSchedule,
    workflowType: 'exchangeReconciliationWorkflow',
    args: [{}],
    when: { shanghai: { hour: 3, minute: 0 }, nextUtc: 'T19:00:00.000Z' },
  },
];

/** The worker sets every schedule up at every start: created the first time, brought up to date after (the dev server). */
describe.each(SCHEDULES)('the schedule of $name', ({ ensure, workflowType, args, when }) => {
  let connection: Connection;
  const scheduleId = `${workflowType}-${randomUUID()}`;

  beforeAll(async () => {
    connection = await Connection.connect({ address: testTemporalAddress() });
  });

  afterAll(async () => {
    await new Client({ connection }).schedule.getHandle(scheduleId).delete().catch(() => undefined);
    await connection?.close();
  });

  it('is created once, then updated in place (a new task queue), never overlapping itself', async () => {
    expect(await ensure(connection, 'default', 'queue-a', scheduleId)).toBe('created');
    expect(await ensure(connection, 'default', 'queue-b', scheduleId)).toBe('updated');
    const described = await new Client({ connection }).schedule.getHandle(scheduleId).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType, taskQueue: 'queue-b', ...(args ? { args } : {}) });
    expect(described.policies.overlap).toBe('SKIP');
    if ('every' in when) {
      expect(described.spec.intervals).toEqual([expect.objectContaining({ every: when.every })]);
    } else {
      const { hour, minute } = when.shanghai;
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: hour, end: hour, step: 1 }], minute: [{ start: minute, end: minute, step: 1 }] })]);
      expect(described.info.nextActionTimes[0]?.toISOString()).toMatch(new RegExp(`${when.nextUtc.replace(/\./g, '\\.')}$`));
    }
  });
});
