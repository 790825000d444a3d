import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';

type ErrorBody = { statusCode: number; code: string; message: string; errors?: Array<{ field: string; message: string }> };
type RuleBody = { kind: string; kindLabel: string; audienceRole: string; enabled: boolean; obligations: string[]; holdOutsideOfficeTime: boolean; updatedAt: string | null };

/** Admins set staff phones, the county duty phone and which staff notices also go out by SMS (issue 13). */
describe('staff SMS settings (/api/admin/staff-sms, /api/admin/users phone)', () => {
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  let ids: Record<string, string>;
  let admin: Record<string, string>;
  let county: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'staff-sms-test', 0, '127.0.0.1', 64 * 1024, 60_000, true, parseDataKey(TEST_DATA_KEY), {}, {
      tokenSecret: TEST_AUTH_TOKEN_SECRET,
    });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    ids = await createAccounts(db.url, [
      { username: 'root', role: 'ADMIN' },
      { username: 'county', role: 'COUNTY_SUPERVISOR' },
      { username: 'jintun-leader', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
    ]);
    admin = bearer(await accessTokenOf(baseUrl, 'root'));
    county = bearer(await accessTokenOf(baseUrl, 'county'));
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

  describe('a staff member’s mobile', () => {
    it('is set, normalised and stored encrypted, shown to admins, changed and removed', async () => {
      const id = ids['jintun-leader'] ?? '';
      const set = await call('PATCH', `/admin/users/${id}`, admin, { phone: '+86 138-0000-0002' });
      expect(set.status).toBe(200);
      await expect(set.json()).resolves.toMatchObject({ id, phone: '13800000002' });
      const stored = await prisma.user.findUniqueOrThrow({ where: { id } });
      expect(stored.phoneEnc).not.toContain('13800000002');
      expect(protector.decrypt(stored.phoneEnc ?? '')).toBe('13800000002');

      await expect((await call('PATCH', `/admin/users/${id}`, admin, { displayName: '金屯镇分管领导' })).json()).resolves.toMatchObject({ phone: '13800000002' });
      await expect((await call('GET', `/admin/users/${id}`, admin)).json()).resolves.toMatchObject({ phone: '13800000002' });
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'user.update', entityId: id }, orderBy: { id: 'asc' } });
      expect(JSON.stringify(audit.details)).not.toContain('13800000002');

      await expect((await call('PATCH', `/admin/users/${id}`, admin, { phone: '' })).json()).resolves.toMatchObject({ phone: null });
      expect((await prisma.user.findUniqueOrThrow({ where: { id } })).phoneEnc).toBeNull();
    });

    it.each([['12345'], ['010-12345678'], ['1380000000a'], ['23800000000']])('refuses %s with 422 and a Chinese message on the phone field', async (phone) => {
      const body = await expectError(await call('PATCH', `/admin/users/${ids['jintun-leader'] ?? ''}`, admin, { phone }), 422, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'phone', message: '请填写 11 位中国大陆手机号码' }]);
    });

    it('is given when an account is created', async () => {
      const created = await call('POST', '/admin/users', admin, { username: 'mandong-handler-sms', displayName: '满洞经办人', role: 'HANDLER', hallCodes: ['mandong'], phone: '13800000005' });
      expect(created.status).toBe(201);
      await expect(created.json()).resolves.toMatchObject({ username: 'mandong-handler-sms', phone: '13800000005' });
    });
  });

  describe('the rules', () => {
    it('lists every staff notice kind × audience role, with the shipped defaults on and everything else off', async () => {
      const response = await call('GET', '/admin/staff-sms/rules', admin);
      expect(response.status).toBe(200);
      const rules = (await response.json()) as RuleBody[];
      expect(rules).toHaveLength(13 * 4);
      expect(rules.filter((rule) => rule.enabled).map(({ kind, audienceRole, obligations, holdOutsideOfficeTime }) => ({ kind, audienceRole, obligations, holdOutsideOfficeTime }))).toEqual([
        { kind: 'REMINDER', audienceRole: 'HANDLER', obligations: ['callback'], holdOutsideOfficeTime: true },
        { kind: 'OVERDUE_LEVEL_1', audienceRole: 'TOWN_LEADER', obligations: [], holdOutsideOfficeTime: true },
        { kind: 'OVERDUE_LEVEL_2', audienceRole: 'COUNTY_SUPERVISOR', obligations: [], holdOutsideOfficeTime: true },
      ]);
      expect(rules.find((rule) => rule.kind === 'OVERDUE_LEVEL_1' && rule.audienceRole === 'TOWN_LEADER')).toMatchObject({ kindLabel: '超期（一级）', updatedAt: null });
    });

    it('changes one rule, which the worker then reads, and audits it', async () => {
      const response = await call('PUT', '/admin/staff-sms/rules/EXTENSION_REQUESTED/COUNTY_SUPERVISOR', admin, { enabled: true, holdOutsideOfficeTime: false, obligations: [] });
      expect(response.status).toBe(200);
      await expect(response.json()).resolves.toMatchObject({ kind: 'EXTENSION_REQUESTED', audienceRole: 'COUNTY_SUPERVISOR', enabled: true, holdOutsideOfficeTime: false });
      await expect(prisma.staffSmsRule.findUnique({ where: { kind_audienceRole: { kind: 'EXTENSION_REQUESTED', audienceRole: 'COUNTY_SUPERVISOR' } } })).resolves.toMatchObject({ enabled: true, holdOutsideOfficeTime: false });
      await expect(prisma.auditLog.count({ where: { action: 'staff-sms.rule.update', entityId: 'EXTENSION_REQUESTED:COUNTY_SUPERVISOR' } })).resolves.toBe(1);

      const off = await call('PUT', '/admin/staff-sms/rules/OVERDUE_LEVEL_1/TOWN_LEADER', admin, { enabled: false, holdOutsideOfficeTime: true });
      await expect(off.json()).resolves.toMatchObject({ enabled: false, obligations: [] });
    });

    it.each([
      ['/admin/staff-sms/rules/RESULT_TO_REVIEWER/HANDLER', { enabled: true, holdOutsideOfficeTime: true }, 404, 'STAFF_SMS_RULE_NOT_FOUND'],
      ['/admin/staff-sms/rules/REMINDER/CITIZEN', { enabled: true, holdOutsideOfficeTime: true }, 404, 'STAFF_SMS_RULE_NOT_FOUND'],
      ['/admin/staff-sms/rules/REMINDER/HANDLER', { enabled: 'yes', holdOutsideOfficeTime: true }, 422, 'VALIDATION_FAILED'],
      ['/admin/staff-sms/rules/REMINDER/HANDLER', { enabled: true }, 422, 'VALIDATION_FAILED'],
      ['/admin/staff-sms/rules/REMINDER/HANDLER', { enabled: true, holdOutsideOfficeTime: true, obligations: ['lunch'] }, 422, 'VALIDATION_FAILED'],
    ])('PUT %s %j → %i %s', async (path, body, status, code) => {
      await expectError(await call('PUT', path, admin, body), status, code);
    });
  });

  describe('the county duty phone', () => {
    it('is none at first, then set (encrypted), read back and removed', async () => {
      await expect((await call('GET', '/admin/staff-sms/settings', admin)).json()).resolves.toEqual({ countyDutyPhone: null, updatedAt: null });
      const set = await call('PUT', '/admin/staff-sms/settings', admin, { countyDutyPhone: '138 0000 0009' });
      expect(set.status).toBe(200);
      await expect(set.json()).resolves.toMatchObject({ countyDutyPhone: '13800000009' });
      const row = await prisma.staffSmsSettings.findUniqueOrThrow({ where: { id: 1 } });
      expect(protector.decrypt(row.countyDutyPhoneEnc ?? '')).toBe('13800000009');
      await expect((await call('PUT', '/admin/staff-sms/settings', admin, { countyDutyPhone: null })).json()).resolves.toMatchObject({ countyDutyPhone: null });
    });

    it('refuses what is no mainland mobile', async () => {
      const body = await expectError(await call('PUT', '/admin/staff-sms/settings', admin, { countyDutyPhone: '6851890' }), 422, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: 'countyDutyPhone', message: '请填写 11 位中国大陆手机号码' }]);
    });
  });

  it.each([
    ['GET', '/admin/staff-sms/rules', undefined],
    ['PUT', '/admin/staff-sms/rules/REMINDER/HANDLER', { enabled: true, holdOutsideOfficeTime: true }],
    ['GET', '/admin/staff-sms/settings', undefined],
    ['PUT', '/admin/staff-sms/settings', { countyDutyPhone: null }],
  ])('%s %s: 401 without a token, 403 for the county supervisor', async (method, path, body) => {
    await expectError(await call(method, path, {}, body), 401, 'UNAUTHENTICATED');
    await expectError(await call(method, path, county, body), 403, 'FORBIDDEN');
  });
});
