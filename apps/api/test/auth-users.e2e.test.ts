import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts, login, refreshCookieOf, TEST_PASSWORD } from './helpers/auth-accounts';

type ErrorBody = { statusCode: number; code: string; message: string; errors?: Array<{ field: string; message: string }> };
type UserBody = Record<string, unknown> & { id: string; username: string; temporaryPassword?: string };

/** Admins manage console accounts over HTTP (production mode, real tokens); every change is audited. */
describe('user management (/api/admin/users)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  let ids: Record<string, string>;
  let admin: Record<string, string>;

  const config = (url: string, auth: Partial<AppConfig['auth']> = {}) =>
    new AppConfig(url, testTemporalAddress(), 'default', 'users-test', 0, '127.0.0.1', 64 * 1024, 60_000, true, parseDataKey(TEST_DATA_KEY), {}, {
      tokenSecret: TEST_AUTH_TOKEN_SECRET,
      ...auth,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(config(db.url), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    ids = await createAccounts(db.url, [
      { username: 'root', role: 'ADMIN' },
      { username: 'county', role: 'COUNTY_SUPERVISOR' },
      { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    ]);
    admin = bearer(await accessTokenOf(baseUrl, 'root'));
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body).toMatchObject({ statusCode: status, code });
    expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    return body;
  }

  async function create(body: Record<string, unknown>): Promise<UserBody> {
    const response = await call('POST', '/admin/users', admin, body);
    expect(response.status).toBe(201);
    return (await response.json()) as UserBody;
  }

  const auditOf = (action: string, entityId: string) => prisma.auditLog.findMany({ where: { action, entityId }, orderBy: { id: 'asc' } });

  it('creates an account with a generated temporary password (shown once) that must be changed at the first sign-in', async () => {
    const created = await create({ username: ' Zhifang-Handler ', displayName: '纸坊镇经办人 李四', role: 'HANDLER', hallCodes: ['zhifang'] });
    expect(created).toMatchObject({
      username: 'zhifang-handler',
      displayName: '纸坊镇经办人 李四',
      role: 'HANDLER',
      hallCodes: ['zhifang'],
      departmentCodes: [],
      mustChangePassword: true,
      enabled: true,
      disabledAt: null,
      lastLoginAt: null,
    });
    expect(created.temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z\d]{14}$/);
    expect(created).not.toHaveProperty('passwordHash');
    const signedIn = await login(baseUrl, 'zhifang-handler', created.temporaryPassword);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ mustChangePassword: true });

    const [line] = await auditOf('user.create', created.id);
    expect(line).toMatchObject({ actorId: ids.root, actorRole: 'ADMIN', entityType: 'user', ip: '127.0.0.1' });
    expect(JSON.stringify(line?.details)).not.toContain(created.temporaryPassword);

    // The answer for getOne and the list never repeats the password.
    const one = (await (await call('GET', `/admin/users/${created.id}`, admin)).json()) as UserBody;
    expect(one).not.toHaveProperty('temporaryPassword');
  });

  it('creates an account with the initial password the admin chose, and refuses a username twice', async () => {
    const guide = await create({ username: 'yibao-guide', displayName: '医保局业务指导', role: 'DEPT_GUIDE', departmentCodes: ['yibao'], initialPassword: 'Chosen-pass-2026' });
    expect(guide).not.toHaveProperty('temporaryPassword');
    expect((await login(baseUrl, 'yibao-guide', 'Chosen-pass-2026')).body.user).toMatchObject({ role: 'DEPT_GUIDE', departmentCodes: ['yibao'], mustChangePassword: true });
    await expectError(await call('POST', '/admin/users', admin, { username: 'YIBAO-GUIDE', displayName: 'x', role: 'ADMIN' }), 409, 'USERNAME_TAKEN');
  });

  it.each([
    ['a handler without a hall', { role: 'HANDLER', hallCodes: [] }, 'hallCodes'],
    ['a leader with a department', { role: 'TOWN_LEADER', hallCodes: ['jintun'], departmentCodes: ['yibao'] }, 'departmentCodes'],
    ['a guide without a department', { role: 'DEPT_GUIDE', hallCodes: ['jintun'] }, 'departmentCodes'],
    ['the county with halls', { role: 'COUNTY_SUPERVISOR', hallCodes: ['jintun'] }, 'hallCodes'],
    ['an unknown hall', { role: 'HANDLER', hallCodes: ['jintun', 'atlantis'] }, 'hallCodes'],
    ['an unknown department', { role: 'DEPT_GUIDE', departmentCodes: ['nasa'] }, 'departmentCodes'],
    ['an unknown role', { role: 'MAYOR' }, 'role'],
    ['a weak initial password', { role: 'ADMIN', initialPassword: 'password' }, 'initialPassword'],
    ['a username with spaces', { role: 'ADMIN', username: 'zhang san' }, 'username'],
    ['hall codes that are not a list', { role: 'HANDLER', hallCodes: 'jintun' }, 'hallCodes'],
  ])('refuses to create %s (422 naming the field)', async (_label, fields, field) => {
    const error = await expectError(await call('POST', '/admin/users', admin, { username: 'someone', displayName: '某人', ...fields }), 422, 'VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toContain(field);
  });

  it('lists accounts the react-admin way: filters, sort, range and Content-Range', async () => {
    const list = async (params: Record<string, unknown>) => {
      const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)]));
      const response = await call('GET', `/admin/users?${query.toString()}`, admin);
      expect(response.status).toBe(200);
      return { usernames: ((await response.json()) as UserBody[]).map((user) => user.username), range: response.headers.get('content-range') };
    };
    await create({ username: 'jintun-leader', displayName: '金屯镇分管领导', role: 'TOWN_LEADER', hallCodes: ['jintun'] });
    expect(await list({ filter: { hallCode: 'jintun' } })).toEqual({ usernames: ['jintun-handler', 'jintun-leader'], range: 'users 0-1/2' });
    expect(await list({ filter: { role: ['ADMIN', 'COUNTY_SUPERVISOR'] }, sort: ['username', 'DESC'] })).toEqual({ usernames: ['root', 'county'], range: 'users 0-1/2' });
    expect(await list({ filter: { q: '医保' } })).toEqual({ usernames: ['yibao-guide'], range: 'users 0-0/1' });
    expect(await list({ filter: { id: [ids.county, 'not-a-uuid'] } })).toEqual({ usernames: ['county'], range: 'users 0-0/1' });
    expect((await list({ range: [0, 1] })).range).toMatch(/^users 0-1\/\d+$/);
    await expectError(await call('GET', `/admin/users?filter=${encodeURIComponent('{"password":"x"}')}`, admin), 422, 'VALIDATION_FAILED');
    await expectError(await call('GET', '/admin/users/00000000-0000-4000-8000-000000000000', admin), 404, 'USER_NOT_FOUND');
    await expectError(await call('GET', '/admin/users/nope', admin), 404, 'USER_NOT_FOUND');
  });

  it('changes role and scope: the earlier access token stops at once, a refresh carries the new claims', async () => {
    const user = await create({ username: 'movable', displayName: '可调动', role: 'HANDLER', hallCodes: ['jintun'], initialPassword: 'Movable-2026x' });
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const session = await login(baseUrl, 'movable', 'Movable-2026x');
    const token = bearer(session.body.accessToken ?? '');
    expect((await call('GET', '/windows/jintun/W01/qr.svg', token)).status).toBe(200);

    await expectError(await call('PATCH', `/admin/users/${user.id}`, admin, { hallCodes: ['atlantis'] }), 422, 'VALIDATION_FAILED');
    await expectError(await call('PATCH', `/admin/users/${user.id}`, admin, { role: 'DEPT_GUIDE' }), 422, 'VALIDATION_FAILED');
    const moved = await call('PATCH', `/admin/users/${user.id}`, admin, { displayName: '已调至纸坊', hallCodes: ['zhifang', 'zhifang'] });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ displayName: '已调至纸坊', role: 'HANDLER', hallCodes: ['zhifang'] });

    await expectError(await call('GET', '/windows/jintun/W01/qr.svg', token), 401, 'SESSION_REVOKED');
    const refreshed = await fetch(`${baseUrl}/auth/refresh`, { method: 'POST', headers: { cookie: `hcp_refresh=${session.refreshToken ?? ''}` } });
    expect(refreshed.status).toBe(200);
    const fresh = bearer(((await refreshed.json()) as { accessToken: string }).accessToken);
    expect((await call('GET', '/windows/jintun/W01/qr.svg', fresh)).status).toBe(403);
    expect((await call('GET', '/windows/zhifang/W01/qr.svg', fresh)).status).toBe(200);

    // To the county: the hall list goes with the old role.
    const promoted = await call('PATCH', `/admin/users/${user.id}`, admin, { role: 'COUNTY_SUPERVISOR' });
    expect(await promoted.json()).toMatchObject({ role: 'COUNTY_SUPERVISOR', hallCodes: [], departmentCodes: [] });
    const [line] = (await auditOf('user.update', user.id)).slice(-1);
    expect(line?.details).toMatchObject({ before: { role: 'HANDLER', hallCodes: ['zhifang'] }, after: { role: 'COUNTY_SUPERVISOR', hallCodes: [] } });
    expect(refreshCookieOf(refreshed).refreshToken).toBeDefined();
  });

  it('disables (sessions end at once, sign-in 403), enables again, and resets a password (old one and sessions gone)', async () => {
    const user = await create({ username: 'leaver', displayName: '将离职', role: 'HANDLER', hallCodes: ['macun'], initialPassword: 'Leaver-pass-2026' });
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    const session = await login(baseUrl, 'leaver', 'Leaver-pass-2026');
    const token = bearer(session.body.accessToken ?? '');
    expect((await call('GET', '/cases', token)).status).toBe(200);

    const disabled = await call('POST', `/admin/users/${user.id}/disable`, admin);
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ enabled: false, disabledAt: expect.stringMatching(/\+08:00$/) as unknown });
    await expectError(await call('GET', '/cases', token), 401, 'SESSION_REVOKED');
    await expectError(await fetch(`${baseUrl}/auth/refresh`, { method: 'POST', headers: { cookie: `hcp_refresh=${session.refreshToken ?? ''}` } }), 401, 'REFRESH_TOKEN_INVALID');
    expect((await login(baseUrl, 'leaver', 'Leaver-pass-2026')).body).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    const enabled = await call('POST', `/admin/users/${user.id}/enable`, admin);
    expect(await enabled.json()).toMatchObject({ enabled: true, disabledAt: null });
    const again = await login(baseUrl, 'leaver', 'Leaver-pass-2026');
    expect(again.status).toBe(200);

    const reset = await call('POST', `/admin/users/${user.id}/reset-password`, admin);
    expect(reset.status).toBe(200);
    const { temporaryPassword } = (await reset.json()) as UserBody;
    expect(temporaryPassword).toMatch(/^[A-Za-z\d]{14}$/);
    expect((await login(baseUrl, 'leaver', 'Leaver-pass-2026')).status).toBe(401);
    await expectError(await fetch(`${baseUrl}/auth/refresh`, { method: 'POST', headers: { cookie: `hcp_refresh=${again.refreshToken ?? ''}` } }), 401, 'REFRESH_TOKEN_INVALID');
    const temporary = await login(baseUrl, 'leaver', temporaryPassword);
    expect(temporary.body.user).toMatchObject({ mustChangePassword: true });
    await expectError(await call('GET', '/cases', bearer(temporary.body.accessToken ?? '')), 403, 'PASSWORD_CHANGE_REQUIRED');

    for (const action of ['user.disable', 'user.enable', 'user.reset-password']) {
      const lines = await auditOf(action, user.id);
      expect({ action, count: lines.length }).toEqual({ action, count: 1 });
      expect(JSON.stringify(lines[0]?.details)).not.toContain(temporaryPassword);
    }
  });

  it("refuses an admin's own disable, role change and reset (409), so nobody locks themselves out", async () => {
    await expectError(await call('POST', `/admin/users/${ids.root}/disable`, admin), 409, 'SELF_CHANGE_REFUSED');
    await expectError(await call('PATCH', `/admin/users/${ids.root}`, admin, { role: 'HANDLER', hallCodes: ['jintun'] }), 409, 'SELF_CHANGE_REFUSED');
    await expectError(await call('POST', `/admin/users/${ids.root}/reset-password`, admin), 409, 'SELF_CHANGE_REFUSED');
    expect((await call('PATCH', `/admin/users/${ids.root}`, admin, { displayName: '管理员 王五' })).status).toBe(200);
  });

  it.each([
    ['the county', 'county'],
    ['a handler', 'jintun-handler'],
  ])('answers %s 403 on every user-management endpoint', async (_label, username) => {
    const token = bearer(await accessTokenOf(baseUrl, username, TEST_PASSWORD));
    for (const [method, path, body] of [
      ['GET', '/admin/users', undefined],
      ['GET', `/admin/users/${ids.county}`, undefined],
      ['POST', '/admin/users', { username: 'x-user', displayName: 'x', role: 'ADMIN' }],
      ['PATCH', `/admin/users/${ids.county}`, { displayName: 'x' }],
      ['POST', `/admin/users/${ids.county}/disable`, undefined],
      ['POST', `/admin/users/${ids.county}/enable`, undefined],
      ['POST', `/admin/users/${ids.county}/reset-password`, undefined],
    ] as const) {
      const response = await call(method, path, token, body);
      expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
    }
  });

  it('creates the first admin from INITIAL_ADMIN_PASSWORD on an empty database, once', async () => {
    const other = await createTestDatabase();
    try {
      const start = async () => {
        const instance = await createApp(config(other.url, { initialAdminPassword: 'Initial-admin-2026' }), { logger: false });
        await instance.listen(0, '127.0.0.1');
        return instance;
      };
      const first = await start();
      const url = `${await first.getUrl()}/api`;
      const signedIn = await login(url, 'admin', 'Initial-admin-2026');
      expect(signedIn.body.user).toMatchObject({ username: 'admin', role: 'ADMIN', mustChangePassword: true });
      await first.close();
      const second = await start();
      await second.close();
      const otherPrisma = createPrismaClient({ databaseUrl: other.url });
      expect(await otherPrisma.user.count()).toBe(1);
      expect(await otherPrisma.auditLog.count({ where: { action: 'user.create-initial-admin' } })).toBe(1);
      await otherPrisma.$disconnect();
    } finally {
      await other.drop();
    }
  });
});
