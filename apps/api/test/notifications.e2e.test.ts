import pg from 'pg';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

const as = (userId: string, role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) });

/** The console notices the worker's `notify` writes into the notification outbox, as each user reads them. */
describe('console notices (GET /api/notifications)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'notifications-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;

    // What the worker writes (see apps/worker/src/notifications/outbox-notification.driver.ts).
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows: Array<[string, string, string | null, string | null, string | null, string]> = [
        // key, channel, audience role, hall code, user id, body
        ['n-leader-jintun', 'CONSOLE', 'TOWN_LEADER', 'jintun', null, '金屯镇：差评工单回访已超期'],
        ['n-leader-macun', 'CONSOLE', 'TOWN_LEADER', 'macun', null, '马村镇：差评工单回访已超期'],
        ['n-county-jintun', 'CONSOLE', 'COUNTY_SUPERVISOR', 'jintun', null, '金屯镇：差评工单已超期一个工作日'],
        ['n-handler-1', 'CONSOLE', 'HANDLER', 'jintun', 'handler-1', '金屯镇：回访时限将到，请及时回访'],
        ['n-handler-2', 'CONSOLE', 'HANDLER', 'jintun', 'handler-2', '金屯镇：新的差评工单已指派给您'],
        ['n-sms', 'SMS', null, 'jintun', null, '您的评价已整改'],
      ];
      for (const [key, channel, role, hallCode, userId, body] of rows) {
        await client.query(
          `INSERT INTO notification (channel, key, template, params, audience_role, hall_id, user_id, body, sent_at)
           VALUES ($1::notification_channel, $2, 'OVERDUE', '{"reviewId":"00000000-0000-4000-8000-000000000001"}', $3, (SELECT id FROM hall WHERE code = $4), $5, $6, now())`,
          [channel, key, role, hallCode, userId, body],
        );
      }
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const list = async (headers: Record<string, string>, filter?: unknown) => {
    const query = filter === undefined ? '' : `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const response = await fetch(`${baseUrl}/notifications${query}`, { headers });
    expect(response.status).toBe(200);
    return { bodies: ((await response.json()) as Array<{ id: string; body: string; reviewId: string | null }>).map((row) => row.body).sort(), range: response.headers.get('content-range') };
  };

  it.each([
    ['the jintun leader: their role in their hall', as('leader-1', 'TOWN_LEADER', ['jintun']), ['金屯镇：差评工单回访已超期']],
    ['the macun leader: not jintun\'s', as('leader-2', 'TOWN_LEADER', ['macun']), ['马村镇：差评工单回访已超期']],
    ['the county: its role in every hall', as('county-1', 'COUNTY_SUPERVISOR'), ['金屯镇：差评工单已超期一个工作日']],
    ['handler-1: what is addressed to them, not to handler-2', as('handler-1', 'HANDLER', ['jintun']), ['金屯镇：回访时限将到，请及时回访']],
    ['a guide: nothing addressed to guides', as('guide-1', 'DEPT_GUIDE'), []],
  ])('shows %s, never an SMS', async (_who, headers, expected) => {
    const { bodies, range } = await list(headers);
    expect(bodies).toEqual([...expected].sort());
    expect(range).toBe(`notifications 0-${Math.max(expected.length - 1, 0)}/${expected.length}`.replace('0-0/0', '*/0'));
  });

  it('marks a notice read, filters unread, and refuses to touch a notice that is not the caller\'s', async () => {
    const leader = as('leader-1', 'TOWN_LEADER', ['jintun']);
    const [notice] = (await (await fetch(`${baseUrl}/notifications`, { headers: leader })).json()) as Array<{ id: string; readAt: string | null; reviewId: string }>;
    expect(notice).toMatchObject({ readAt: null, reviewId: '00000000-0000-4000-8000-000000000001' });
    const other = await fetch(`${baseUrl}/notifications/${notice?.id}/read`, { method: 'POST', headers: as('leader-2', 'TOWN_LEADER', ['macun']) });
    expect(other.status).toBe(404);
    expect((await list(leader, { unread: true })).bodies).toHaveLength(1);

    const read = await fetch(`${baseUrl}/notifications/${notice?.id}/read`, { method: 'POST', headers: leader });
    expect(read.status).toBe(204);
    expect((await list(leader, { unread: true })).bodies).toEqual([]);
    expect((await list(leader, { unread: false })).bodies).toEqual(['金屯镇：差评工单回访已超期']);
    expect((await fetch(`${baseUrl}/notifications/not-a-number/read`, { method: 'POST', headers: leader })).status).toBe(404);
  });

  it('needs a signed-in user', async () => {
    const response = await fetch(`${baseUrl}/notifications`);
    expect(response.status).toBe(401);
  });
});
