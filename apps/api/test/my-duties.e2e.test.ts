import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { newTrackingCode, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';

/** "Now" for the API, moved by the tests (a token is taken again after a move: its lifetime counts from it). */
class SettableClock extends Clock {
  at = new Date('2026-03-04T02:00:00.000Z'); // Wednesday 10:00 in Shanghai, a working day
  override now(): Date {
    return this.at;
  }
}

type Duty = { reviewId: string; hallCode: string; duty: string; dutyLabel: string; dueAt: string; overdue: boolean; escalated: boolean; state: string };

/** 工作台 "my duties today" (GET /api/dashboard/my-duties) over a hand-built read model. */
describe('my duties today', () => {
  const clock = new SettableClock();
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const fixture: Record<string, string> = {};

  // Shanghai wall-clock times of the fixture (UTC+8).
  const at = (local: string) => new Date(`${local}+08:00`);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'my-duties-test', 0, '127.0.0.1', 64 * 1024, 60_000, true, parseDataKey(TEST_DATA_KEY), {}, {
      tokenSecret: TEST_AUTH_TOKEN_SECRET,
    });
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    await createAccounts(db.url, [
      { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'jintun-leader', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
      { username: 'yibao-guide', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
      { username: 'county', role: 'COUNTY_SUPERVISOR' },
      { username: 'root', role: 'ADMIN' },
    ]);

    const caseOf = async (name: string, hallCode: string, columns: Record<string, unknown>, decisionDue?: Record<string, string>) => {
      const hall = await prisma.hall.findUniqueOrThrow({ where: { code: hallCode } });
      const review = await prisma.review.create({ data: { hallId: hall.id, level: 1, channel: 'WINDOW_QR', clientKey: randomUUID(), trackingCode: newTrackingCode() } });
      await prisma.rectificationCase.create({
        data: { reviewId: review.id, workflowId: `rectification-${review.id}`, hallId: hall.id, level: 1, state: 'RECTIFYING', stateLabel: '整改中', openedAt: at('2026-03-02T09:30:00'), ...columns },
      });
      if (decisionDue) {
        await prisma.rectificationTimelineEntry.create({ data: { reviewId: review.id, seq: 0, at: at('2026-03-03T10:00:00'), actor: 'HANDLER', action: 'request', details: { dueAt: decisionDue } } });
      }
      fixture[name] = review.id;
    };
    await caseOf('due today', 'jintun', { resultDueAt: at('2026-03-04T15:00:00') });
    await caseOf('callback overdue', 'jintun', { state: 'PENDING_VERIFICATION', stateLabel: '待核实', callbackDueAt: at('2026-03-03T16:00:00'), overdue: true });
    await caseOf('due tonight after office', 'jintun', { resultDueAt: at('2026-03-04T20:00:00') });
    await caseOf('due tomorrow', 'jintun', { resultDueAt: at('2026-03-05T10:00:00') });
    await caseOf('other handler’s', 'jintun', { resultDueAt: at('2026-03-04T11:00:00'), assigneeUserId: randomUUID(), assigneeName: '另一位经办人' });
    await caseOf('other hall’s', 'mandong', { resultDueAt: at('2026-03-04T11:00:00') });
    await caseOf('closed', 'jintun', { state: 'CLOSED', stateLabel: '已办结', outcome: 'SATISFIED', closedAt: at('2026-03-03T11:00:00') });
    await caseOf('invited', 'mandong', { state: 'RECTIFYING', resultDueAt: at('2026-03-04T16:00:00'), invitedDepartmentCodes: ['yibao'], category: 'COORDINATED' });
    await caseOf('extension awaiting the county', 'mandong', { state: 'EXTENSION_PENDING', stateLabel: '延期待审批', resultDueAt: at('2026-03-10T17:00:00') }, { extensionDecision: '2026-03-04T03:00:00.000Z', result: '2026-03-10T09:00:00.000Z' });
    await caseOf('rejection due tomorrow', 'jintun', { state: 'REJECTION_PENDING', stateLabel: '不予采纳待审核' }, { rejectionDecision: '2026-03-05T03:00:00.000Z' });
    await caseOf('escalated', 'jintun', { escalationLevel: 2, overdue: true, resultDueAt: at('2026-03-02T16:00:00') });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  async function dutiesOf(username: string): Promise<Duty[]> {
    const response = await fetch(`${baseUrl}/dashboard/my-duties`, { headers: bearer(await accessTokenOf(baseUrl, username)) });
    expect(response.status).toBe(200);
    return (await response.json()) as Duty[];
  }
  const named = (duties: Duty[]) => duties.map((duty) => `${Object.keys(fixture).find((name) => fixture[name] === duty.reviewId) ?? duty.reviewId}: ${duty.duty}`);

  it.each([
    ['jintun-handler', ['escalated: result', 'callback overdue: callback', 'due today: result']],
    ['jintun-leader', ['escalated: result', 'callback overdue: callback', 'other handler’s: result', 'due today: result']],
    ['yibao-guide', ['invited: result']],
    ['county', ['escalated: result', 'extension awaiting the county: extensionDecision']],
    ['root', []],
  ])('%s at 10:00 on a working day owes, by due time: %j', async (username, expected) => {
    expect(named(await dutiesOf(username))).toEqual(expected);
  });

  it('says what is due, when, whether it is overdue or escalated, for the row to open its case', async () => {
    const [escalated, overdue, dueToday] = await dutiesOf('jintun-handler');
    expect(escalated).toMatchObject({ reviewId: fixture.escalated, duty: 'result', dutyLabel: '整改结果反馈', overdue: true, escalated: true, dueAt: '2026-03-02T16:00:00+08:00' });
    expect(overdue).toMatchObject({ reviewId: fixture['callback overdue'], dutyLabel: '回访', overdue: true, escalated: false, state: 'PENDING_VERIFICATION' });
    expect(dueToday).toMatchObject({ reviewId: fixture['due today'], hallCode: 'jintun', overdue: false, dueAt: '2026-03-04T15:00:00+08:00' });
  });

  it('after office time only what is overdue is still today’s', async () => {
    clock.at = at('2026-03-04T18:00:00');
    try {
      expect(named(await dutiesOf('jintun-handler'))).toEqual(['escalated: result', 'callback overdue: callback', 'due today: result']);
      const [, , dueToday] = await dutiesOf('jintun-handler');
      expect(dueToday?.overdue).toBe(true);
    } finally {
      clock.at = new Date('2026-03-04T02:00:00.000Z');
    }
  });

  it('refuses without a token (401, the one error shape)', async () => {
    const response = await fetch(`${baseUrl}/dashboard/my-duties`);
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
  });
});
