import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';

/**
 * GET /api/admin/audit-log: the audit trail, filterable (actor, action, entity, time range), read-only, for admins and
 * the county supervisor (issue 6, "An audit log … filterable in the console").
 */
describe('audit log', () => {
  let stack: E2eStack;
  let prisma: PrismaClient;
  let ids: Record<string, string>;
  let asAdmin: Record<string, string>;
  let asCounty: Record<string, string>;
  let asHandler: Record<string, string>;
  /** Before any of this file's changes, and after all of them. */
  let start: Date;
  let middle: Date;

  beforeAll(async () => {
    stack = await startE2eStack();
    prisma = createPrismaClient({ databaseUrl: stack.db.url, poolSize: 2 });
    ids = await createAccounts(stack.db.url, [
      { username: 'audit-admin', role: 'ADMIN' },
      { username: 'audit-county', role: 'COUNTY_SUPERVISOR' },
      { username: 'audit-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    ]);
    start = new Date();
    asAdmin = bearer(await accessTokenOf(stack.baseUrl, 'audit-admin'));
    asCounty = bearer(await accessTokenOf(stack.baseUrl, 'audit-county'));
    asHandler = bearer(await accessTokenOf(stack.baseUrl, 'audit-handler'));
    // Changes of three kinds by the admin: a user, a calendar day, then (after `middle`) an SLA policy version.
    const post = (path: string, body: unknown) => fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...asAdmin }, body: JSON.stringify(body) });
    expect((await post('/admin/users', { username: 'audit-new', displayName: '新同事', role: 'HANDLER', hallCodes: ['zhifang'] })).status).toBe(201);
    expect((await post('/calendar-years/2030/days', { date: '2030-03-07', kind: 'HOLIDAY' })).status).toBe(200);
    middle = new Date();
    const [policy] = (await (await fetch(`${stack.baseUrl}/admin/sla-policies`, { headers: asAdmin })).json()) as Array<{ policy: Record<string, unknown> }>;
    expect((await post('/admin/sla-policies', { ...policy?.policy, note: '审计测试' })).status).toBe(201);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.close();
  });

  interface Entry {
    id: string;
    at: string;
    actorId: string;
    actorUsername: string | null;
    actorRole: string;
    action: string;
    entityType: string;
    entityId: string | null;
    details: Record<string, unknown> | null;
  }
  const list = async (filter: Record<string, unknown>, headers = asAdmin, extra = ''): Promise<{ status: number; rows: Entry[]; range: string | null }> => {
    const response = await fetch(`${stack.baseUrl}/admin/audit-log?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`, { headers });
    return { status: response.status, rows: (await response.json()) as Entry[], range: response.headers.get('content-range') };
  };

  it("filters by actor: the admin's sign-in and the three changes, newest first, with the user name", async () => {
    const { status, rows, range } = await list({ actorId: ids['audit-admin'], from: start.toISOString() });
    expect(status).toBe(200);
    expect(rows.map((row) => row.action)).toEqual(['sla-policy.create-version', 'calendar.add-day', 'user.create', 'auth.login']);
    expect(rows.every((row) => row.actorUsername === 'audit-admin' && row.actorRole === 'ADMIN')).toBe(true);
    expect(range).toBe('audit-log 0-3/4');
  });

  it.each([
    ['action', { action: 'calendar.add-day' }, ['calendar.add-day']],
    ['several actions', { action: ['calendar.add-day', 'user.create'] }, ['calendar.add-day', 'user.create']],
    ['action prefix', { actionPrefix: 'sla-policy.' }, ['sla-policy.create-version']],
    ['entity type and id', { entityType: 'calendar-year', entityId: '2030' }, ['calendar.add-day']],
    ['time range (until the middle)', { actorId: 'ADMIN_ID', to: 'MIDDLE' }, ['calendar.add-day', 'user.create', 'auth.login']],
    ['time range (from the middle)', { actorId: 'ADMIN_ID', from: 'MIDDLE' }, ['sla-policy.create-version']],
    ['role', { actorRole: 'COUNTY_SUPERVISOR' }, ['auth.login']],
  ])('filters by %s', async (_name, filter, actions) => {
    const resolved = Object.fromEntries(
      Object.entries({ from: start.toISOString(), ...filter }).map(([key, value]) => [key, value === 'ADMIN_ID' ? ids['audit-admin'] : value === 'MIDDLE' ? middle.toISOString() : value]),
    );
    const { status, rows } = await list(resolved);
    expect(status).toBe(200);
    expect(rows.map((row) => row.action)).toEqual(actions);
  });

  it('opens one entry with its details', async () => {
    const [row] = (await list({ action: 'calendar.add-day' })).rows;
    const response = await fetch(`${stack.baseUrl}/admin/audit-log/${row?.id ?? ''}`, { headers: asCounty });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ action: 'calendar.add-day', entityType: 'calendar-year', entityId: '2030', details: { date: '2030-03-07', kind: 'HOLIDAY' } });
    expect((await fetch(`${stack.baseUrl}/admin/audit-log/999999999`, { headers: asAdmin })).status).toBe(404);
    expect((await fetch(`${stack.baseUrl}/admin/audit-log/abc`, { headers: asAdmin })).status).toBe(404);
  });

  it('pages with range and sorts by time', async () => {
    const { rows, range } = await list({ actorId: ids['audit-admin'], from: start.toISOString() }, asAdmin, `&range=${encodeURIComponent('[1,2]')}&sort=${encodeURIComponent('["at","ASC"]')}`);
    expect(rows.map((row) => row.action)).toEqual(['user.create', 'calendar.add-day']);
    expect(range).toBe('audit-log 1-2/4');
  });

  it.each([
    ['an unknown filter', { password: 'x' }, 'filter.password'],
    ['a time without offset', { from: '2026-11-28 10:00' }, 'filter.from'],
    ['a range ending before it starts', { from: '2026-11-28T10:00:00Z', to: '2026-11-27T10:00:00Z' }, 'filter.to'],
  ])('refuses %s with 422', async (_name, filter, field) => {
    const response = await fetch(`${stack.baseUrl}/admin/audit-log?filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers: asAdmin });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { code: string; errors: Array<{ field: string }> };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((error) => error.field)).toContain(field);
  });

  it('records the creation and the disabling of an integration key, never the key itself', async () => {
    const headers = { 'content-type': 'application/json', ...asAdmin };
    const created = (await (await fetch(`${stack.baseUrl}/admin/api-clients`, { method: 'POST', headers, body: JSON.stringify({ name: '不动产登记系统' }) })).json()) as { id: string; key: string };
    expect((await fetch(`${stack.baseUrl}/admin/api-clients/${created.id}/disable`, { method: 'POST', headers: asAdmin })).status).toBe(200);
    const { rows } = await list({ entityType: 'api-client', entityId: created.id });
    expect(rows.map(({ action, actorUsername, details }) => ({ action, actorUsername, name: details?.name }))).toEqual([
      { action: 'api-client.disable', actorUsername: 'audit-admin', name: '不动产登记系统' },
      { action: 'api-client.create', actorUsername: 'audit-admin', name: '不动产登记系统' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });

  it('is read by admins and the county supervisor only, and nobody can change it', async () => {
    expect((await list({}, asCounty)).status).toBe(200);
    expect((await list({}, asHandler)).status).toBe(403);
    expect((await fetch(`${stack.baseUrl}/admin/audit-log`)).status).toBe(401);
    const before = await prisma.auditLog.count();
    const [row] = (await list({})).rows;
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const response = await fetch(`${stack.baseUrl}/admin/audit-log${method === 'POST' ? '' : `/${row?.id ?? ''}`}`, { method, headers: { 'content-type': 'application/json', ...asAdmin }, body: '{}' });
      expect(response.status).toBe(404);
    }
    expect(await prisma.auditLog.count()).toBe(before);
  });
});
