import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, DEMO_ACCOUNT_PASSWORD, seedDemoAccounts, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { bearer, createAccounts, login, refreshCookieOf, TEST_PASSWORD } from './helpers/auth-accounts';

/** A clock the test moves: token and cookie expiry without waiting. */
class TestClock extends Clock {
  private offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

type ErrorBody = { statusCode: number; code: string; message: string; errors?: Array<{ field: string; message: string }> };
type LoginBody = { accessToken: string; tokenType: string; expiresIn: number; user: Record<string, unknown> };

/** Sign-in over HTTP in production mode: login, refresh-token rotation and reuse, logout, no lockout, the first password change. */
describe('sign-in (/api/auth)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  let ids: Record<string, string>;
  const clock = new TestClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'auth-test', 0, '127.0.0.1', 64 * 1024, 60_000, true, parseDataKey(TEST_DATA_KEY), {}, {
      tokenSecret: TEST_AUTH_TOKEN_SECRET,
    });
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    ids = await createAccounts(db.url, [
      { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'rotating', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'lockme', role: 'TOWN_LEADER', hallCodes: ['zhifang'] },
      { username: 'gone', role: 'HANDLER', hallCodes: ['macun'] },
      { username: 'newcomer', role: 'DEPT_GUIDE', departmentCodes: ['yibao'], mustChangePassword: true },
      { username: 'expiring', role: 'COUNTY_SUPERVISOR' },
    ]);
    await prisma.user.update({ where: { id: ids.gone }, data: { disabledAt: new Date() } });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const post = (path: string, init: { body?: unknown; headers?: Record<string, string>; cookie?: string } = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.cookie ? { cookie: `other=1; hcp_refresh=${init.cookie}` } : {}),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl}${path}`, { headers });

  async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body).toMatchObject({ statusCode: status, code });
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    return body;
  }

  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  const auditOf = (action: string, entityId?: string) => prisma.auditLog.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { id: 'asc' } });

  it('signs in: a 15-minute HS256 access token with role and scope, the refresh token in a strict httpOnly cookie, and an audit line', async () => {
    const result = await login(baseUrl, '  Jintun-Handler ', TEST_PASSWORD, { 'x-request-id': 'req-login-1' });
    expect(result.status).toBe(200);
    const body = result.body as unknown as LoginBody;
    expect(body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) as unknown,
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: ids['jintun-handler'], username: 'jintun-handler', displayName: '测试 jintun-handler', role: 'HANDLER', hallCodes: ['jintun'], departmentCodes: [], mustChangePassword: false },
    });
    expect(JSON.parse(Buffer.from(body.accessToken.split('.')[0] ?? '', 'base64url').toString('utf8'))).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = claimsOf(body.accessToken);
    expect(claims).toMatchObject({ sub: ids['jintun-handler'], username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'], departmentCodes: [], mcp: false });
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    expect(result.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(result.setCookie?.split('; ').sort()).toEqual(
      ['HttpOnly', 'Max-Age=43200', 'Path=/api/auth', 'SameSite=Strict', 'Secure', `hcp_refresh=${result.refreshToken ?? ''}`].sort(),
    );
    // Only the token's SHA-256 is stored.
    const stored = await prisma.refreshToken.findMany({ where: { userId: ids['jintun-handler'] } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.tokenHash).not.toBe(result.refreshToken);

    const me = await get('/auth/me', bearer(body.accessToken));
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual(body.user);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: ids['jintun-handler'] } })).lastLoginAt).not.toBeNull();

    const [line] = await auditOf('auth.login', ids['jintun-handler']);
    expect(line).toMatchObject({ actorId: ids['jintun-handler'], actorRole: 'HANDLER', entityType: 'user', requestId: 'req-login-1', ip: '127.0.0.1' });
    expect(JSON.stringify(line?.details)).not.toContain(TEST_PASSWORD);
  });

  it.each([
    ['a wrong password', 'jintun-handler', 'Wrong-password-1'],
    ['an unknown user', 'nobody-here', TEST_PASSWORD],
    ['an empty-looking username of spaces around an unknown name', '  x  ', TEST_PASSWORD],
  ])('answers %s with the same 401 INVALID_CREDENTIALS and audits the failure', async (_label, username, password) => {
    const before = (await auditOf('auth.login-failed')).length;
    const result = await login(baseUrl, username, password);
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    expect(result.setCookie).toBeNull();
    const lines = await auditOf('auth.login-failed');
    expect(lines).toHaveLength(before + 1);
    expect(JSON.stringify(lines.at(-1)?.details)).not.toContain(password);
  });

  it.each([
    ['no password', { username: 'jintun-handler' }, 'password'],
    ['no username', { password: TEST_PASSWORD }, 'username'],
    ['a password that is not text', { username: 'jintun-handler', password: 12345678901 }, 'password'],
  ])('refuses a sign-in with %s (422)', async (_label, body, field) => {
    const error = await expectError(await post('/auth/login', { body }), 422, 'VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses a disabled account with 403 ACCOUNT_DISABLED (a wrong password still gets the 401)', async () => {
    expect((await login(baseUrl, 'gone')).body).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect((await login(baseUrl, 'gone')).status).toBe(403);
    expect((await login(baseUrl, 'gone', 'Wrong-password-1')).status).toBe(401);
  });

  it('never locks an account: after five wrong passwords from elsewhere its owner still signs in, and no answer is 423', async () => {
    const elsewhere = { 'x-forwarded-for': '198.51.100.7' };
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) statuses.push((await login(baseUrl, 'lockme', `Wrong-password-${attempt}`, elsewhere)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await login(baseUrl, 'lockme')).status).toBe(200);
    expect(await auditOf('auth.login-failed', ids.lockme)).toHaveLength(5);
    // The sixth try from that address is throttled (429, not a lock of the account): sign-in-limits.e2e.test.ts.
    expect((await login(baseUrl, 'lockme', 'Wrong-password-6', elsewhere)).status).toBe(429);
    expect((await login(baseUrl, 'lockme')).status).toBe(200);
  });

  it('rotates the refresh token on every use; a rotated token used again ends that whole sign-in, not the others', async () => {
    const first = await login(baseUrl, 'rotating');
    const other = await login(baseUrl, 'rotating');

    const refreshed = await post('/auth/refresh', { cookie: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as LoginBody;
    expect(body.user).toMatchObject({ username: 'rotating' });
    expect((await get('/auth/me', bearer(body.accessToken))).status).toBe(200);
    const second = refreshCookieOf(refreshed).refreshToken;
    expect(second).toBeDefined();
    expect(second).not.toBe(first.refreshToken);

    const third = refreshCookieOf(await post('/auth/refresh', { cookie: second })).refreshToken;
    expect(third).toBeDefined();

    // Someone replays the first token: refused, and the chain it belongs to (second and third) dies with it.
    const replay = await post('/auth/refresh', { cookie: first.refreshToken });
    await expectError(replay, 401, 'REFRESH_TOKEN_INVALID');
    expect(replay.headers.get('set-cookie')).toMatch(/^hcp_refresh=; .*Max-Age=0/);
    await expectError(await post('/auth/refresh', { cookie: third }), 401, 'REFRESH_TOKEN_INVALID');
    expect(await auditOf('auth.refresh-token-reuse', ids.rotating)).toHaveLength(1);

    // The other sign-in (another browser) goes on.
    expect((await post('/auth/refresh', { cookie: other.refreshToken })).status).toBe(200);
  });

  it.each([
    ['no cookie', undefined],
    ['an unknown token', 'A'.repeat(43)],
    ['a malformed cookie', 'not a token!'],
  ])('refuses a refresh with %s (401)', async (_label, cookie) => {
    await expectError(await post('/auth/refresh', cookie === undefined ? {} : { headers: { cookie: `hcp_refresh=${cookie}` } }), 401, 'REFRESH_TOKEN_INVALID');
  });

  it('logout revokes the sign-in and clears the cookie; the user can sign in again', async () => {
    const session = await login(baseUrl, 'jintun-handler');
    const token = session.body.accessToken ?? '';
    const logout = await post('/auth/logout', { cookie: session.refreshToken, headers: bearer(token) });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^hcp_refresh=; Path=\/api\/auth; Max-Age=0; HttpOnly; SameSite=Strict; Secure$/);
    await expectError(await post('/auth/refresh', { cookie: session.refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
    expect((await auditOf('auth.logout', ids['jintun-handler'])).length).toBeGreaterThanOrEqual(1);
    // Without a cookie there is nothing to revoke, and still 204.
    expect((await post('/auth/logout')).status).toBe(204);
    expect((await login(baseUrl, 'jintun-handler')).status).toBe(200);
  });

  it('access tokens expire after 15 minutes and refresh tokens after 12 hours', async () => {
    const session = await login(baseUrl, 'expiring');
    const token = session.body.accessToken ?? '';
    expect((await get('/auth/me', bearer(token))).status).toBe(200);
    clock.advance(15 * 60_000);
    await expectError(await get('/auth/me', bearer(token)), 401, 'TOKEN_EXPIRED');
    const refreshed = await post('/auth/refresh', { cookie: session.refreshToken });
    expect(refreshed.status).toBe(200);
    clock.advance(12 * 3_600_000);
    await expectError(await post('/auth/refresh', { cookie: refreshCookieOf(refreshed).refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
  });

  it.each([
    ['a token signed with another key', (token: string) => `${token.split('.').slice(0, 2).join('.')}.${Buffer.alloc(32, 1).toString('base64url')}`],
    ['a token whose claims were edited', (token: string) => {
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      return `${header ?? ''}.${Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url')}.${signature ?? ''}`;
    }],
    ['an unsigned token (alg none)', (token: string) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1] ?? ''}.`],
    ['not a JWT', () => 'abc'],
  ])('refuses %s (401 TOKEN_INVALID or UNAUTHENTICATED)', async (_label, forge) => {
    const token = (await login(baseUrl, 'jintun-handler')).body.accessToken ?? '';
    const response = await get('/auth/me', bearer(forge(token)));
    expect(response.status).toBe(401);
    expect(['TOKEN_INVALID', 'UNAUTHENTICATED']).toContain(((await response.json()) as ErrorBody).code);
  });

  describe('the first sign-in of an account with a temporary password', () => {
    it('allows only me, change-password and logout until the password is changed; then the new pair works and the old does not', async () => {
      const first = await login(baseUrl, 'newcomer');
      expect(first.status).toBe(200);
      expect(first.body.user).toMatchObject({ mustChangePassword: true, role: 'DEPT_GUIDE', departmentCodes: ['yibao'] });
      const token = first.body.accessToken ?? '';
      await expectError(await get('/cases', bearer(token)), 403, 'PASSWORD_CHANGE_REQUIRED');
      await expectError(await get('/rectifications', bearer(token)), 403, 'PASSWORD_CHANGE_REQUIRED');
      expect((await get('/auth/me', bearer(token))).status).toBe(200);

      const change = (body: unknown) => post('/auth/change-password', { body, headers: bearer(token) });
      const cases: Array<[string, unknown, string]> = [
        ['too short', { currentPassword: TEST_PASSWORD, newPassword: 'abc12345' }, 'newPassword'],
        ['without a digit', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefghijkl' }, 'newPassword'],
        ['without a letter', { currentPassword: TEST_PASSWORD, newPassword: '123456789012' }, 'newPassword'],
        ['the same as before', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
        ['a wrong current password', { currentPassword: 'Wrong-password-1', newPassword: 'Brand-new-2026' }, 'currentPassword'],
      ];
      for (const [label, body, field] of cases) {
        const error = await expectError(await change(body), 422, 'VALIDATION_FAILED');
        expect({ label, fields: error.errors?.map((e) => e.field) }).toEqual({ label, fields: [field] });
      }
      expect((await change({ currentPassword: TEST_PASSWORD, newPassword: 'abc12345' }).then((r) => r.json())) as ErrorBody).toMatchObject({
        message: '密码至少 10 位，且须同时包含字母和数字',
      });

      const changed = await change({ currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-2026' });
      expect(changed.status).toBe(200);
      const fresh = (await changed.json()) as LoginBody;
      expect(fresh.user).toMatchObject({ mustChangePassword: false });
      expect((await get('/cases', bearer(fresh.accessToken))).status).toBe(200);
      // Earlier tokens and sessions end with the old password.
      await expectError(await get('/auth/me', bearer(token)), 401, 'SESSION_REVOKED');
      await expectError(await post('/auth/refresh', { cookie: first.refreshToken }), 401, 'REFRESH_TOKEN_INVALID');
      expect((await post('/auth/refresh', { cookie: refreshCookieOf(changed).refreshToken })).status).toBe(200);
      expect((await login(baseUrl, 'newcomer')).status).toBe(401);
      expect((await login(baseUrl, 'newcomer', 'Brand-new-2026')).body.user).toMatchObject({ mustChangePassword: false });

      const [line] = await auditOf('auth.password-change', ids.newcomer);
      expect(line).toMatchObject({ actorId: ids.newcomer, actorRole: 'DEPT_GUIDE' });
      expect(JSON.stringify(line?.details)).not.toMatch(/Brand-new-2026|Test-password/);
      const stored = await prisma.user.findUniqueOrThrow({ where: { id: ids.newcomer } });
      expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    });
  });

  it('refuses the development header in production mode, and a request with neither header', async () => {
    const header = { 'x-dev-actor': JSON.stringify({ userId: 'x', role: 'ADMIN', hallCodes: [] }) };
    expect(((await (await get('/cases', header)).json()) as ErrorBody).message).toContain('X-Dev-Actor');
    await expectError(await get('/cases', header), 401, 'UNAUTHENTICATED');
    await expectError(await get('/cases'), 401, 'UNAUTHENTICATED');
    await expectError(await get('/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it("the demo accounts sign in with the documented password and must change it (the seed's precomputed argon2id hash)", async () => {
    expect(await seedDemoAccounts(prisma)).toBeGreaterThan(20);
    expect(await seedDemoAccounts(prisma)).toBe(0);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['admin', { role: 'ADMIN', hallCodes: [], departmentCodes: [] }],
      ['county', { role: 'COUNTY_SUPERVISOR', hallCodes: [] }],
      ['zhifang-handler', { role: 'HANDLER', hallCodes: ['zhifang'] }],
      ['jiaxiang-leader', { role: 'TOWN_LEADER', hallCodes: ['jiaxiang'] }],
      ['yibao-guide', { role: 'DEPT_GUIDE', departmentCodes: ['yibao'] }],
    ];
    for (const [username, expected] of cases) {
      const result = await login(baseUrl, username, DEMO_ACCOUNT_PASSWORD);
      expect({ username, status: result.status }).toEqual({ username, status: 200 });
      expect(result.body.user).toMatchObject({ ...expected, mustChangePassword: true });
    }
  });
});
