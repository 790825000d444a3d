import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { RateLimiter } from '../src/rate-limit/rate-limiter';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';

/** One clock for both processes (as NTP keeps the hosts' clocks together), moved by the test. */
class TestClock extends Clock {
  private offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/**
 * Two API processes (two createApp instances) on one database enforce one limit: the public intake's per-address
 * limit, sign-in's and the staff writes' are counted in PostgreSQL (rate-limit/rate-limiter.ts), so requests
 * alternated between the two meet the limit after as many requests as one process alone would take.
 */
describe('rate limits shared by two API processes', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let apps: NestFastifyApplication[] = [];
  let urls: string[] = [];
  const clock = new TestClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    const config = () =>
      new AppConfig(
        db.url,
        testTemporalAddress(),
        'default',
        'shared-rate-limits',
        0,
        '127.0.0.1',
        64 * 1024,
        60_000,
        true,
        parseDataKey(TEST_DATA_KEY),
        { publicRequestsPerMinute: 4 },
        { tokenSecret: TEST_AUTH_TOKEN_SECRET },
        { signInPerAccountAddress: 3, staffWritesPerMinute: 5 },
      );
    apps = [await createApp(config(), { logger: false, clock }), await createApp(config(), { logger: false, clock })];
    for (const app of apps) await app.listen(0, '127.0.0.1');
    urls = await Promise.all(apps.map(async (app) => `${await app.getUrl()}/api`));
    await createAccounts(db.url, [{ username: 'shared-handler', role: 'HANDLER', hallCodes: ['jintun'] }]);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    for (const app of apps) await app.close();
    await db?.drop();
  });

  // Each test in fresh windows (the longest is sign-in's 15 minutes; windows are aligned to their length).
  beforeEach(() => clock.advance(15 * 60_000));

  /** Sends the n-th request to process n % 2 and answers the statuses in order. */
  async function alternate(count: number, send: (baseUrl: string) => Promise<Response>): Promise<number[]> {
    const statuses: number[] = [];
    for (let n = 0; n < count; n++) statuses.push((await send(urls[n % 2] ?? '')).status);
    return statuses;
  }

  it('the public intake: 4 POSTs a minute from one address, counted across both processes', async () => {
    const from = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.10' };
    const statuses = await alternate(6, (baseUrl) =>
      fetch(`${baseUrl}/public/reviews/status`, { method: 'POST', headers: from, body: JSON.stringify({ trackingCode: 'ABCDEFGH23' }) }),
    );
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
  });

  it('sign-in: 3 wrong passwords for one username from one address, counted across both processes', async () => {
    const statuses = await alternate(5, (baseUrl) =>
      fetch(`${baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.11' },
        body: JSON.stringify({ username: 'shared-handler', password: 'Wrong-password-1' }),
      }),
    );
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("staff writes: 5 a minute per signed-in user, counted across both processes; reads are not counted", async () => {
    const token = bearer(await accessTokenOf(urls[0] ?? '', 'shared-handler'));
    const writes = await alternate(7, (baseUrl) => fetch(`${baseUrl}/notifications/read-all`, { method: 'POST', headers: token }));
    expect(writes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(await alternate(2, (baseUrl) => fetch(`${baseUrl}/notifications/unread-count`, { headers: token }))).toEqual([200, 200]);

    const refused = await fetch(`${urls[1] ?? ''}/notifications/read-all`, { method: 'POST', headers: token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '操作过于频繁，请稍后再试' });

    clock.advance(60_000);
    expect((await fetch(`${urls[1] ?? ''}/notifications/read-all`, { method: 'POST', headers: token })).status).toBe(200);
  });

  it('concurrent hits (sent together by each process) are each counted once, in one sequence across both processes', async () => {
    const limit = { name: 'test.concurrent', limit: 25, windowMs: 60_000 };
    const other = { name: 'test.concurrent-other', limit: 25, windowMs: 60_000 };
    const limiters = apps.map((app) => app.get(RateLimiter));
    // 40 requests at once, alternating between the two processes; every fourth also counts a second subject.
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        limiters[n % 2].hit(n % 4 === 0 ? [{ limit, subject: 'one-address' }, { limit: other, subject: 'one-address' }] : [{ limit, subject: 'one-address' }]),
      ),
    );
    const firsts = counts.map((count) => count[0]?.hits ?? 0).sort((a, b) => a - b);
    expect(firsts).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    expect(counts.filter((count) => count[0]?.over).length).toBe(15);
    expect(counts.flatMap((count) => count.slice(1)).map((count) => count.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, n) => n + 1));
    const stored = await prisma.rateLimitCounter.findMany({ where: { rateKey: { startsWith: 'test.concurrent' } } });
    expect(stored.map((row) => row.hits).sort((a, b) => a - b)).toEqual([10, 40]);
  });

  it("purges the windows that have ended, whichever process does it", async () => {
    const from = { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.12' };
    await fetch(`${urls[0] ?? ''}/public/reviews/status`, { method: 'POST', headers: from, body: JSON.stringify({ trackingCode: 'ABCDEFGH23' }) });
    expect(await prisma.rateLimitCounter.count()).toBeGreaterThan(0);
    clock.advance(60 * 60_000);
    expect(await apps[1]?.get(RateLimiter).purgeExpired()).toBeGreaterThan(0);
    expect(await prisma.rateLimitCounter.count()).toBe(0);
  });
});
