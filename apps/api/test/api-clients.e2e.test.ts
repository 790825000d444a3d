import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

/** Integration clients: admins hand out keys, business systems authenticate with them on /api/integration. */
describe('integration clients and their API keys', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;

  const actor = (role: string, userId = `${role.toLowerCase()}-1`) => JSON.stringify({ userId, role, hallCodes: role === 'HANDLER' ? ['jintun'] : [] });
  const asAdmin = { 'content-type': 'application/json', 'x-dev-actor': actor('ADMIN') };

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'api-clients-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  async function createClient(name: string): Promise<{ id: string; name: string; keyPrefix: string; key: string; createdAt: string }> {
    const response = await fetch(`${baseUrl}/admin/api-clients`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ name }) });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; name: string; keyPrefix: string; key: string; createdAt: string };
  }

  /** One valid case: what a business system would send with its key. */
  const deliverOneCase = (headers: Record<string, string>) =>
    fetch(`${baseUrl}/integration/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        cases: [
          {
            caseNumber: `KEY-${Math.floor(performance.now() * 1000)}`,
            serviceItemCode: 'RS-001',
            hallCode: 'jintun',
            applicant: { kind: 'PERSON', name: '张三' },
            receivedAt: '2026-11-20T10:30:00+08:00',
            channel: 'WINDOW',
          },
        ],
      }),
    });

  it('creates a client whose key is shown once and stored only as its SHA-256', async () => {
    const created = await createClient('不动产登记系统');
    expect(created).toMatchObject({ name: '不动产登记系统', createdAt: expect.stringMatching(/\+08:00$/) as unknown });
    expect(created.key).toMatch(/^hcpk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.slice(5, 13)).toBe(created.keyPrefix);

    const stored = await prisma.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.keyHash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(created.key.slice(14));
    expect(stored.createdBy).toBe('admin-1');

    const list = await fetch(`${baseUrl}/admin/api-clients`, { headers: asAdmin });
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).toContain(created.keyPrefix);
    expect(text).not.toContain(created.key.slice(14));
    expect(text).not.toContain('keyHash');
  });

  it('lets a business system in with its key, and notes when the key was last used', async () => {
    const created = await createClient('社保业务系统');
    const response = await deliverOneCase({ 'x-api-key': created.key });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 1, rejected: 0 });

    const stored = await prisma.apiClient.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.lastUsedAt).not.toBeNull();
    const serviceCase = await prisma.serviceCase.findFirstOrThrow({ where: { source: created.id } });
    expect(serviceCase.source).toBe(created.id);
  });

  describe('refuses with 401 INVALID_API_KEY', () => {
    let enabledKey: string;
    let disabledKey: string;

    beforeAll(async () => {
      enabledKey = (await createClient('医保业务系统')).key;
      const doomed = await createClient('已停用的系统');
      disabledKey = doomed.key;
      const disabled = await fetch(`${baseUrl}/admin/api-clients/${doomed.id}/disable`, { method: 'POST', headers: { 'x-dev-actor': actor('ADMIN') } });
      expect(disabled.status).toBe(200);
      expect(await disabled.json()).toMatchObject({ enabled: false, disabledAt: expect.stringMatching(/\+08:00$/) as unknown });
    });

    it.each<[string, () => Record<string, string>]>([
      ['a request without a key', () => ({})],
      ['an empty key', () => ({ 'x-api-key': '' })],
      ['a key of another shape', () => ({ 'x-api-key': 'secret' })],
      ['a well-formed key nobody was given', () => ({ 'x-api-key': `hcpk_00000000_${'A'.repeat(43)}` })],
      ['a key with one character changed', () => ({ 'x-api-key': enabledKey.slice(0, -1) + (enabledKey.endsWith('A') ? 'B' : 'A') })],
      ['a disabled key', () => ({ 'x-api-key': disabledKey })],
      ['the admin header instead of a key', () => ({ 'x-dev-actor': actor('ADMIN') })],
    ])('%s', async (_label, headers) => {
      const response = await deliverOneCase(headers());
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, code: 'INVALID_API_KEY', message: expect.stringMatching(/密钥/) as unknown });
    });

    it('while the enabled key of the same table still works', async () => {
      expect((await deliverOneCase({ 'x-api-key': enabledKey })).status).toBe(200);
    });
  });

  describe('admin endpoints', () => {
    it.each([
      ['no actor', {}, 401, 'UNAUTHENTICATED'],
      ['a handler', { 'x-dev-actor': actor('HANDLER') }, 403, 'FORBIDDEN'],
      ['a county supervisor', { 'x-dev-actor': actor('COUNTY_SUPERVISOR') }, 403, 'FORBIDDEN'],
    ])('are refused to %s', async (_label, headers, status, code) => {
      for (const [method, path, body] of [
        ['POST', 'admin/api-clients', JSON.stringify({ name: 'x' })],
        ['GET', 'admin/api-clients', undefined],
        ['POST', 'admin/api-clients/00000000-0000-4000-8000-000000000000/disable', undefined],
      ] as const) {
        const response = await fetch(`${baseUrl}/${path}`, { method, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body });
        expect([path, response.status]).toEqual([path, status]);
        expect(((await response.json()) as { code: string }).code).toBe(code);
      }
    });

    it.each([
      ['no name', {}],
      ['a blank name', { name: '   ' }],
      ['a name of 101 characters', { name: '系'.repeat(101) }],
      ['an unknown field', { name: '系统', key: 'mine' }],
    ])('refuse to create a client with %s (422)', async (_label, body) => {
      const response = await fetch(`${baseUrl}/admin/api-clients`, { method: 'POST', headers: asAdmin, body: JSON.stringify(body) });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    });

    it('list clients with simple-rest conventions and filter the disabled ones', async () => {
      const query = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)]));
      const all = await fetch(`${baseUrl}/admin/api-clients?${query({ sort: ['name', 'ASC'], range: [0, 1] }).toString()}`, { headers: asAdmin });
      const total = await prisma.apiClient.count();
      expect(all.headers.get('content-range')).toBe(`api-clients 0-1/${total}`);
      const names = ((await all.json()) as Array<{ name: string }>).map((client) => client.name);
      expect(names).toEqual([...names].sort());

      const disabled = await fetch(`${baseUrl}/admin/api-clients?${query({ filter: { disabled: true } }).toString()}`, { headers: asAdmin });
      const rows = (await disabled.json()) as Array<{ name: string; enabled: boolean }>;
      expect(rows.map((row) => row.name)).toEqual(['已停用的系统']);
      expect(disabled.headers.get('content-range')).toBe('api-clients 0-0/1');
    });

    it('answer 404 when disabling a client that does not exist', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const response = await fetch(`${baseUrl}/admin/api-clients/${id}/disable`, { method: 'POST', headers: { 'x-dev-actor': actor('ADMIN') } });
        expect(response.status).toBe(404);
        expect(((await response.json()) as { code: string }).code).toBe('API_CLIENT_NOT_FOUND');
      }
    });
  });
});
