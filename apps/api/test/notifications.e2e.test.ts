import pg from 'pg';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { STAFF_NOTICE_KINDS, type NotificationKind } from '@haochaping/contracts';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

const devActor = (actor: { userId: string; role: string; hallCodes?: string[]; departmentCodes?: string[] }) => ({
  'x-dev-actor': JSON.stringify({ hallCodes: [], ...actor }),
});

/** The people who read notices: a jintun handler and leader, the 医保局 guide, the county, an administrator. */
const SUBJECTS = {
  handler: devActor({ userId: 'handler-1', role: 'HANDLER', hallCodes: ['jintun'] }),
  leader: devActor({ userId: 'leader-1', role: 'TOWN_LEADER', hallCodes: ['jintun'] }),
  guide: devActor({ userId: 'guide-1', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] }),
  county: devActor({ userId: 'county-1', role: 'COUNTY_SUPERVISOR' }),
  admin: devActor({ userId: 'admin-1', role: 'ADMIN' }),
} as const;
type Subject = keyof typeof SUBJECTS;

/**
 * How the worker addresses each staff notice kind (apps/worker/src/notifications/outbox-notification.driver.ts, the
 * workflow's `notify` calls), in the subjects' own scope and in another: the hall (jintun / zhifang), the invited
 * department (yibao / renshe), the one user (handler-1 / handler-2).
 */
interface Addressed {
  role: string;
  hall: string;
  userId?: string;
  departmentCodes?: string[];
}
const AUDIENCE: Record<(typeof STAFF_NOTICE_KINDS)[number], { own: Addressed; other: Addressed }> = {
  REMINDER: { own: { role: 'HANDLER', hall: 'jintun' }, other: { role: 'HANDLER', hall: 'zhifang' } },
  OVERDUE_LEVEL_1: { own: { role: 'TOWN_LEADER', hall: 'jintun' }, other: { role: 'TOWN_LEADER', hall: 'zhifang' } },
  OVERDUE_LEVEL_2: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  REOPENED_TO_COUNTY: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  EXTENSION_REQUESTED: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  EXTENSION_DECIDED: { own: { role: 'HANDLER', hall: 'jintun' }, other: { role: 'HANDLER', hall: 'zhifang' } },
  DEPARTMENTS_INVITED: {
    own: { role: 'DEPT_GUIDE', hall: 'jintun', departmentCodes: ['renshe', 'yibao'] },
    other: { role: 'DEPT_GUIDE', hall: 'jintun', departmentCodes: ['renshe'] },
  },
  REASSIGNED: { own: { role: 'HANDLER', hall: 'jintun', userId: 'handler-1' }, other: { role: 'HANDLER', hall: 'jintun', userId: 'handler-2' } },
  PROJECTION_FAILED: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  CASE_OPENED: { own: { role: 'HANDLER', hall: 'jintun' }, other: { role: 'HANDLER', hall: 'zhifang' } },
  REJECTION_PROPOSED: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  EXCHANGE_DEAD_LETTER: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
  READ_MODEL_DRIFT: { own: { role: 'COUNTY_SUPERVISOR', hall: 'jintun' }, other: { role: 'COUNTY_SUPERVISOR', hall: 'zhifang' } },
};

const S = 'seen';
const H = 'hidden';
/** kind × role → [own scope, other scope]: the role a notice is addressed to, within that role's data scope. */
const EXPECTED: Record<(typeof STAFF_NOTICE_KINDS)[number], Record<Subject, [string, string]>> = {
  REMINDER: { handler: [S, H], leader: [H, H], guide: [H, H], county: [H, H], admin: [H, H] },
  OVERDUE_LEVEL_1: { handler: [H, H], leader: [S, H], guide: [H, H], county: [H, H], admin: [H, H] },
  OVERDUE_LEVEL_2: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  REOPENED_TO_COUNTY: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  EXTENSION_REQUESTED: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  EXTENSION_DECIDED: { handler: [S, H], leader: [H, H], guide: [H, H], county: [H, H], admin: [H, H] },
  DEPARTMENTS_INVITED: { handler: [H, H], leader: [H, H], guide: [S, H], county: [H, H], admin: [H, H] },
  REASSIGNED: { handler: [S, H], leader: [H, H], guide: [H, H], county: [H, H], admin: [H, H] },
  PROJECTION_FAILED: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  CASE_OPENED: { handler: [S, H], leader: [H, H], guide: [H, H], county: [H, H], admin: [H, H] },
  REJECTION_PROPOSED: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  EXCHANGE_DEAD_LETTER: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
  READ_MODEL_DRIFT: { handler: [H, H], leader: [H, H], guide: [H, H], county: [S, S], admin: [H, H] },
};

interface NoticeRow {
  id: string;
  kind: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  reviewId: string | null;
}

/** The console notices the worker's `notify` writes into the notification outbox, as each user reads them. */
describe('console notices (/api/notifications)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let client: pg.Client;

  /** Writes a notice as the worker does; its body names kind and scope, so a test can find it. */
  const insertNotice = async (kind: NotificationKind, scope: string, to: Addressed, channel = 'CONSOLE', createdAt = new Date()) => {
    const params = { kind, reviewId: '00000000-0000-4000-8000-000000000001', hallCode: to.hall, ...(to.departmentCodes ? { departmentCodes: to.departmentCodes } : {}) };
    await client.query(
      `INSERT INTO notification (channel, key, template, params, audience_role, hall_id, user_id, body, sent_at, created_at)
       VALUES ($1::notification_channel, $2, $3, $4, $5, (SELECT id FROM hall WHERE code = $6), $7, $8, now(), $9)`,
      [channel, `${kind}:${scope}:${channel}`, kind, JSON.stringify(params), channel === 'CONSOLE' ? to.role : null, to.hall, to.userId ?? null, `${kind}:${scope}`, createdAt],
    );
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'notifications-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const kind of STAFF_NOTICE_KINDS) {
      await insertNotice(kind, 'own', AUDIENCE[kind].own);
      await insertNotice(kind, 'other', AUDIENCE[kind].other);
    }
    // An SMS to the reviewer is never a console notice, whoever asks.
    await insertNotice('RESULT_TO_REVIEWER', 'own', { role: 'HANDLER', hall: 'jintun' }, 'SMS');
  });

  afterAll(async () => {
    await client?.end();
    await app?.close();
    await db?.drop();
  });

  const list = async (headers: Record<string, string>, filter?: unknown, query = '') => {
    const params = [filter === undefined ? '' : `filter=${encodeURIComponent(JSON.stringify(filter))}`, query].filter(Boolean).join('&');
    const response = await fetch(`${baseUrl}/notifications${params ? `?${params}` : ''}`, { headers });
    expect(response.status).toBe(200);
    return { rows: (await response.json()) as NoticeRow[], range: response.headers.get('content-range') };
  };
  const unreadCount = async (headers: Record<string, string>) => {
    const response = await fetch(`${baseUrl}/notifications/unread-count`, { headers });
    expect(response.status).toBe(200);
    return ((await response.json()) as { unread: number }).unread;
  };
  const post = (path: string, headers: Record<string, string>) => fetch(`${baseUrl}/notifications/${path}`, { method: 'POST', headers });

  describe('who sees which kind (kind × role × own/other scope)', () => {
    const cells = STAFF_NOTICE_KINDS.flatMap((kind) =>
      (Object.keys(SUBJECTS) as Subject[]).flatMap((subject) => [
        [kind, subject, 'own', EXPECTED[kind][subject][0]] as const,
        [kind, subject, 'other', EXPECTED[kind][subject][1]] as const,
      ]),
    );

    it.each(cells)('%s × %s × %s scope → %s', async (kind, subject, scope, expected) => {
      const { rows } = await list(SUBJECTS[subject], { kind });
      expect(rows.every((row) => row.kind === kind)).toBe(true);
      expect(rows.some((row) => row.body === `${kind}:${scope}`) ? S : H).toBe(expected);
    });

    it.each(Object.keys(SUBJECTS) as Subject[])('%s: the list, its Content-Range and the unread count agree with the table, and no SMS is among them', async (subject) => {
      const expected = STAFF_NOTICE_KINDS.flatMap((kind) => (['own', 'other'] as const).filter((_scope, index) => EXPECTED[kind][subject][index] === S).map((scope) => `${kind}:${scope}`));
      const { rows, range } = await list(SUBJECTS[subject]);
      expect(rows.map((row) => row.body).sort()).toEqual(expected.sort());
      expect(rows.every((row) => row.kind !== 'RESULT_TO_REVIEWER')).toBe(true);
      expect(range).toBe(expected.length === 0 ? 'notifications */0' : `notifications 0-${expected.length - 1}/${expected.length}`);
      expect(await unreadCount(SUBJECTS[subject])).toBe(expected.length);
    });
  });

  it('gives each notice its kind, its case and its Shanghai time', async () => {
    const { rows } = await list(SUBJECTS.guide);
    expect(rows).toEqual([{ id: expect.stringMatching(/^\d+$/) as unknown, kind: 'DEPARTMENTS_INVITED', body: 'DEPARTMENTS_INVITED:own', createdAt: expect.stringMatching(/\+08:00$/) as unknown, readAt: null, reviewId: '00000000-0000-4000-8000-000000000001' }]);
  });

  it('refuses a kind filter outside the staff kinds', async () => {
    for (const kind of ['RESULT_TO_REVIEWER', 'NOPE']) {
      const response = await fetch(`${baseUrl}/notifications?filter=${encodeURIComponent(JSON.stringify({ kind }))}`, { headers: SUBJECTS.county });
      expect(response.status).toBe(422);
    }
  });

  it('marks one notice read: unread first, the count falls, the first reading time stays, another scope\'s notice is not found', async () => {
    const leaderB = devActor({ userId: 'leader-b', role: 'TOWN_LEADER', hallCodes: ['dazhanglou'] });
    const older = new Date(Date.now() - 3_600_000);
    await insertNotice('OVERDUE_LEVEL_1', 'b-older', { role: 'TOWN_LEADER', hall: 'dazhanglou' }, 'CONSOLE', older);
    await insertNotice('REMINDER', 'b-newer', { role: 'TOWN_LEADER', hall: 'dazhanglou' });
    const before = (await list(leaderB)).rows;
    expect(before.map((row) => row.body)).toEqual(['REMINDER:b-newer', 'OVERDUE_LEVEL_1:b-older']);
    const newer = before[0];

    expect((await post(`${newer.id}/read`, SUBJECTS.leader)).status).toBe(404);
    expect((await post('not-a-number/read', leaderB)).status).toBe(404);
    expect(await unreadCount(leaderB)).toBe(2);

    expect((await post(`${newer.id}/read`, leaderB)).status).toBe(204);
    const after = (await list(leaderB)).rows;
    // The unread one comes first although it is older.
    expect(after.map((row) => [row.body, row.readAt === null])).toEqual([['OVERDUE_LEVEL_1:b-older', true], ['REMINDER:b-newer', false]]);
    expect(await unreadCount(leaderB)).toBe(1);
    expect((await list(leaderB, { unread: true })).rows.map((row) => row.body)).toEqual(['OVERDUE_LEVEL_1:b-older']);
    expect((await list(leaderB, { unread: false })).rows.map((row) => row.body)).toEqual(['REMINDER:b-newer']);

    const firstRead = after[1]?.readAt;
    expect((await post(`${newer.id}/read`, leaderB)).status).toBe(204);
    expect((await list(leaderB, { unread: false })).rows[0]?.readAt).toBe(firstRead);
  });

  it('marks all read within the caller\'s scope only', async () => {
    const leaderC = devActor({ userId: 'leader-c', role: 'TOWN_LEADER', hallCodes: ['macun'] });
    const handlerC = devActor({ userId: 'handler-c', role: 'HANDLER', hallCodes: ['macun'] });
    await insertNotice('OVERDUE_LEVEL_1', 'c-1', { role: 'TOWN_LEADER', hall: 'macun' });
    await insertNotice('OVERDUE_LEVEL_1', 'c-2', { role: 'TOWN_LEADER', hall: 'macun' });
    await insertNotice('REMINDER', 'c-handler', { role: 'HANDLER', hall: 'macun' });
    const countyBefore = await unreadCount(SUBJECTS.county);
    const jintunLeaderBefore = await unreadCount(SUBJECTS.leader);

    const response = await post('read-all', leaderC);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ marked: 2 });
    expect(await unreadCount(leaderC)).toBe(0);
    expect(await unreadCount(handlerC)).toBe(1);
    expect(await unreadCount(SUBJECTS.county)).toBe(countyBefore);
    expect(await unreadCount(SUBJECTS.leader)).toBe(jintunLeaderBefore);
    expect(await (await post('read-all', leaderC)).json()).toEqual({ marked: 0 });
  });

  it('needs a signed-in user', async () => {
    for (const [method, path] of [['GET', ''], ['GET', '/unread-count'], ['POST', '/read-all'], ['POST', '/1/read']]) {
      const response = await fetch(`${baseUrl}/notifications${path}`, { method });
      expect(response.status).toBe(401);
    }
  });
});
