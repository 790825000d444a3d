import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

type ErrorBody = { statusCode: number; code: string; message: string; path: string; requestId: string; errors?: Array<{ field: string; message: string }> };

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';

/**
 * Text PostgreSQL cannot store (NUL, lone UTF-16 surrogates) is refused at the edge with 422 in the one error shape,
 * naming the field, on every kind of input: a JSON body, a query string (and the JSON inside one), a path parameter.
 * Before, it reached the database: a 500, or, in a case note, a workflow whose projections failed forever. Integer
 * keys a column cannot hold name no row (404), instead of a 500 from the database.
 */
describe('input the database cannot hold', () => {
  let stack: E2eStack;
  let baseUrl: string;
  let db: pg.Client;

  beforeAll(async () => {
    stack = await startE2eStack();
    baseUrl = stack.baseUrl;
    db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  const actor = (userId: string, role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) });
  const jintunHandler = actor('handler-jintun', 'HANDLER', ['jintun']);
  const supervisor = actor('county-1', 'COUNTY_SUPERVISOR');
  const admin = actor('admin-1', 'ADMIN');

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const get = (path: string, headers: Record<string, string> = supervisor) => fetch(`${baseUrl}${path}`, { headers });

  async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
    const error = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: error.code }).toEqual({ status, code });
    expect(error).toMatchObject({ statusCode: status, path: expect.stringMatching(/^\/api\//) as string });
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error.requestId).toBeTruthy();
    return error;
  }

  /** 422 naming `field`, with the Chinese message that says why. */
  async function expectUnstorable(response: Response, field: string): Promise<void> {
    const error = await expectError(response, 422, 'VALIDATION_FAILED');
    expect(error.errors).toEqual([{ field, message: expect.stringContaining('空字符') as string }]);
  }

  const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  async function openCase(): Promise<string> {
    const response = await post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '办理效率低', clientKey: randomUUID() });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(async () => (await get(`/rectifications/${id}`)).status === 200);
    return id;
  }

  describe('a note on a case', () => {
    it.each([
      ['NUL', NUL],
      ['a lone surrogate', LONE_SURROGATE],
    ])('with %s is refused (422, text), and the case goes on answering at once', async (_what, text) => {
      const id = await openCase();
      await expectUnstorable(await post(`/rectifications/${id}/actions/add-note`, { text }, jintunHandler), 'text');

      const started = Date.now();
      const noted = await post(`/rectifications/${id}/actions/add-note`, { text: '已约评价人' }, jintunHandler);
      expect(noted.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000); // the wedged case answered 503 after 15 s
      expect(((await noted.json()) as { notes: Array<{ text: string }> }).notes.map((note) => note.text)).toEqual(['已约评价人']);
    });
  });

  describe('every kind of input on every kind of endpoint', () => {
    let apiKey: string;
    beforeAll(async () => {
      const created = await post('/admin/api-clients', { name: '不动产登记系统' }, admin);
      expect(created.status).toBe(201);
      apiKey = ((await created.json()) as { key: string }).key;
    });

    // [endpoint and input, the request, the field named]
    it.each<[string, () => Promise<Response>, string]>([
      ['public review: a comment with NUL', () => post('/public/reviews', { hallCode: 'jintun', level: 2, comment: NUL, clientKey: randomUUID() }), 'comment'],
      ['public review: a comment with a lone surrogate', () => post('/public/reviews', { hallCode: 'jintun', level: 2, comment: LONE_SURROGATE, clientKey: randomUUID() }), 'comment'],
      [
        'public review: a reviewer name with NUL',
        () => post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '态度差', clientKey: randomUUID(), reviewer: { kind: 'REAL_NAME', name: NUL, phone: '13900000001' } }),
        'reviewer.name',
      ],
      ['public review: an unknown field whose name holds NUL', () => post('/public/reviews', { hallCode: 'jintun', level: 5, clientKey: randomUUID(), [`x${NUL}`]: 1 }), 'xa\ufffdb'],
      ['sign-in: a username with NUL', () => post('/auth/login', { username: `jintun${NUL}`, password: 'Haochaping2026' }), 'username'],
      ['sign-in: a username with a lone surrogate', () => post('/auth/login', { username: LONE_SURROGATE, password: 'Haochaping2026' }), 'username'],
      [
        'integration: a case whose applicant’s name holds NUL',
        () =>
          post(
            '/integration/cases',
            { cases: [{ caseNumber: 'NUL-1', serviceItemCode: 'RS-001', hallCode: 'jintun', applicant: { kind: 'PERSON', name: NUL }, receivedAt: '2026-11-20T10:30:00+08:00', channel: 'WINDOW' }] },
            { 'x-api-key': apiKey },
          ),
        'cases.0.applicant.name',
      ],
      ['reviews search: NUL in q (JSON inside the query)', () => get(`/reviews?filter=${encodeURIComponent(JSON.stringify({ q: NUL }))}`), 'filter.q'],
      ['reviews search: a lone surrogate in q (JSON inside the query)', () => get(`/reviews?filter=${encodeURIComponent(JSON.stringify({ q: LONE_SURROGATE }))}`), 'filter.q'],
      ['audit log: NUL in an id filter (JSON inside the query)', () => get(`/admin/audit-log?filter=${encodeURIComponent(JSON.stringify({ id: ['1', NUL] }))}`), 'filter.id.1'],
      ['query string: a raw NUL in a parameter', () => get('/reviews?filter=%00'), 'filter'],
      ['path parameter: NUL in a case id', () => get('/rectifications/a%00b'), 'id'],
      ['path parameter: NUL in a tracking code', () => post('/public/reviews/JX%00ABC/confirmation', { answer: 'SATISFIED' }), 'trackingCode'],
    ])('%s', async (_what, send, field) => {
      const reviews = await count('review');
      await expectUnstorable(await send(), field);
      expect(await count('review')).toBe(reviews);
    });

    it('takes Chinese text and characters outside the BMP (a surrogate pair is one character)', async () => {
      const response = await post('/public/reviews', { hallCode: 'jintun', level: 5, comment: '服务很好 👍 𠀀', clientKey: randomUUID() });
      expect(response.status).toBe(201);
    });
  });

  describe('integer keys outside the column’s range name no row (404), as a key that is no number does', () => {
    it.each<[string, string, number, string]>([
      ['an SLA policy version beyond int4', '/admin/sla-policies/2147483648', 404, 'SLA_POLICY_NOT_FOUND'],
      ['an SLA policy version far beyond it', '/admin/sla-policies/99999999999999999999999', 404, 'SLA_POLICY_NOT_FOUND'],
      ['the largest int4 SLA policy version (none saved)', '/admin/sla-policies/2147483647', 404, 'SLA_POLICY_NOT_FOUND'],
      ['an SLA policy version that is no number', '/admin/sla-policies/first', 404, 'SLA_POLICY_NOT_FOUND'],
      ['an audit entry beyond int8', '/admin/audit-log/9223372036854775808', 404, 'AUDIT_ENTRY_NOT_FOUND'],
      ['an audit entry of 20 digits', '/admin/audit-log/99999999999999999999', 404, 'AUDIT_ENTRY_NOT_FOUND'],
      ['the largest int8 audit entry (none written)', '/admin/audit-log/9223372036854775807', 404, 'AUDIT_ENTRY_NOT_FOUND'],
    ])('%s: %s', async (_what, path, status, code) => {
      await expectError(await get(path, admin), status, code);
    });

    it('the SLA policy in force is still found by its version', async () => {
      expect((await get('/admin/sla-policies/1', admin)).status).toBe(200);
    });

    it('an audit-log filter on ids beyond int8 matches nothing', async () => {
      const response = await get(`/admin/audit-log?filter=${encodeURIComponent(JSON.stringify({ id: ['9223372036854775808'] }))}`, admin);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([]);
    });
  });
});
