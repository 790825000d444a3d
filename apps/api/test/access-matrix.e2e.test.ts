import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TEST_AUTH_TOKEN_SECRET } from '../src/config/app-config';
import { accessTokenOf, bearer, createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { ALL, HALL, NONE, listQuery, type Expected, type MatrixGroup, type MatrixRequest, type Scope, type Subject } from './access-matrix/matrix-types';

/**
 * Who may call what, over HTTP with real tokens from POST /api/auth/login, against an API instance in production
 * mode (so the development header is refused): every role × every endpoint group × own scope / other scope.
 *
 * A cell is the HTTP status, except for lists, where it is `seen` / `hidden` (200, and whether the case of that
 * scope is among the rows, asked for by id: a list never answers 403, it leaves out what the caller may not see).
 * Cells marked GAP in comments are the behaviour as built where the issue asks for something else (see the report).
 */
describe('access matrix (production mode, real tokens)', () => {
  let stack: E2eStack;
  let prod: { app: NestFastifyApplication; url: string };
  const tokens: Record<string, Record<string, string>> = {};

  let jintun: Scope;
  let zhifang: Scope;
  /** A jintun case in 协调整改 to which 医保局 (yibao) was invited: the guide's own scope. */
  let invitedRectification: string;
  let importCsvOf: (hallCode: string) => string;

  const devAdmin = { 'x-dev-actor': JSON.stringify({ userId: 'setup-admin', role: 'ADMIN', hallCodes: [] }) };
  const devHandler = { 'x-dev-actor': JSON.stringify({ userId: 'setup-handler', role: 'HANDLER', hallCodes: ['jintun'] }) };

  beforeAll(async () => {
    stack = await startE2eStack();
    prod = await stack.listen(stack.config({ production: true, auth: { ...stack.config().auth, tokenSecret: TEST_AUTH_TOKEN_SECRET } }));
    await createAccounts(stack.db.url, [
      { username: 'handler', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'leader', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
      { username: 'guide', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
      { username: 'county', role: 'COUNTY_SUPERVISOR' },
      { username: 'admin', role: 'ADMIN' },
      { username: 'newcomer', role: 'HANDLER', hallCodes: ['jintun'], mustChangePassword: true },
    ]);
    for (const username of ['handler', 'leader', 'guide', 'county', 'admin', 'newcomer']) tokens[username] = bearer(await accessTokenOf(prod.url, username));

    // Bad reviews as citizens submit them (the development instance sets up; the matrix asks the production one).
    const openCase = async (hallCode: string) => {
      const response = await fetch(`${stack.baseUrl}/public/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hallCode, level: 1, comment: '窗口无人', clientKey: randomUUID() }),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: devAdmin })).status === 200);
      return id;
    };
    const [rectJ, rectZ, rectInvited] = [await openCase('jintun'), await openCase('zhifang'), await openCase('jintun')];
    const act = (id: string, action: string, body: unknown) =>
      fetch(`${stack.baseUrl}/rectifications/${id}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...devHandler }, body: JSON.stringify(body) });
    expect((await act(rectInvited, 'verify', { finding: 'TRUE', category: 'COORDINATED', notes: '需医保局协助' })).status).toBe(200);
    expect((await act(rectInvited, 'invite-departments', { departmentCodes: ['yibao'], note: '请协助' })).status).toBe(200);
    invitedRectification = rectInvited;

    // Cases (办件) through the CSV template, one per hall.
    const template = (await (await fetch(`${stack.baseUrl}/cases/import-template.csv`)).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const [header = '', example = ''] = template;
    importCsvOf = (hallCode: string) => `${header}\r\n${example.replace(/^JX-2026-000001,/, `AM-${hallCode}-${randomUUID().slice(0, 8)},`).replace(',dazhanglou,', `,${hallCode},`)}\r\n`;
    const caseIds: Record<string, string> = {};
    for (const hallCode of ['jintun', 'zhifang']) {
      const imported = await fetch(`${stack.baseUrl}/cases/import`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8', ...devAdmin }, body: importCsvOf(hallCode) });
      const report = (await imported.json()) as { results: Array<{ id?: string; status: string }> };
      expect(report.results[0]?.status).toBe('accepted');
      caseIds[hallCode] = report.results[0]?.id ?? '';
    }
    jintun = { hall: 'jintun', rectification: rectJ, serviceCase: caseIds.jintun ?? '' };
    zhifang = { hall: 'zhifang', rectification: rectZ, serviceCase: caseIds.zhifang ?? '' };
  });

  afterAll(async () => {
    await prod?.app.close();
    await stack?.close();
  });

  /** The guide's own rectification is the invited case; everyone else's own is the jintun case. */
  const rectificationOf = (scope: Scope, subject: Subject) => (subject === 'guide' && scope === jintun ? invitedRectification : scope.rectification);

  const CORE_GROUPS: Record<string, MatrixRequest> = {
    'rectifications list': (scope, subject) => ({ method: 'GET', path: `/rectifications?${listQuery(rectificationOf(scope, subject))}`, listed: rectificationOf(scope, subject) }),
    'rectification detail': (scope, subject) => ({ method: 'GET', path: `/rectifications/${rectificationOf(scope, subject)}` }),
    'rectification action (add-note)': (scope, subject) => ({ method: 'POST', path: `/rectifications/${rectificationOf(scope, subject)}/actions/add-note`, body: { text: '权限矩阵测试' } }),
    'rectification assignees': (scope, subject) => ({ method: 'GET', path: `/rectifications/${rectificationOf(scope, subject)}/assignees` }),
    'cases list': (scope) => ({ method: 'GET', path: `/cases?${listQuery(scope.serviceCase)}`, listed: scope.serviceCase }),
    'case detail': (scope) => ({ method: 'GET', path: `/cases/${scope.serviceCase}` }),
    'case CSV import': (scope) => ({ method: 'POST', path: '/cases/import', csv: importCsvOf(scope.hall) }),
    'api-clients admin': () => ({ method: 'GET', path: '/admin/api-clients' }),
    'users admin': () => ({ method: 'GET', path: '/admin/users' }),
    'window QR': (scope) => ({ method: 'GET', path: `/windows/${scope.hall}/W01/qr.svg` }),
    'window poster': (scope) => ({ method: 'GET', path: `/windows/${scope.hall}/W01/poster` }),
    'feedback entry': (scope) => ({
      method: 'POST',
      path: '/feedback-entries',
      body: { clientKey: randomUUID(), channel: 'HOTLINE', hallCode: scope.hall, level: 4, comment: '热线反馈：服务不错' },
    }),
    'calendar deadline': (scope) => ({ method: 'GET', path: `/calendar/deadline?hallCode=${scope.hall}&from=${encodeURIComponent('2026-03-06T16:30:00+08:00')}&workingHours=1` }),
    'master data: halls': () => ({ method: 'GET', path: '/halls' }),
    'master data: one hall': (scope) => ({ method: 'GET', path: `/halls/${scope.hall}` }),
    'master data: departments': () => ({ method: 'GET', path: '/departments' }),
    'master data: service items': () => ({ method: 'GET', path: '/service-items' }),
    'public hall list': () => ({ method: 'GET', path: '/public/halls' }),
    'own account (auth/me)': () => ({ method: 'GET', path: '/auth/me' }),
  };

  // [own, other] per role.
  const CORE_EXPECTED: Record<keyof typeof CORE_GROUPS, Expected> = {
    // A guide lists and opens exactly the cases their department was invited to (own: the invited jintun case).
    'rectifications list': { handler: ['seen', 'hidden'], leader: ['seen', 'hidden'], guide: ['seen', 'hidden'], county: ['seen', 'seen'], admin: ['seen', 'seen'] },
    'rectification detail': { handler: HALL, leader: HALL, guide: HALL, county: ALL, admin: ALL },
    // The workflow decides: the guide acts on the invited case; ADMIN keeps the data, not the cases.
    'rectification action (add-note)': { handler: HALL, leader: HALL, guide: HALL, county: ALL, admin: NONE },
    // For the reassign form: only those who may reassign (the hall's town leader, the county supervisor).
    'rectification assignees': { handler: NONE, leader: HALL, guide: NONE, county: ALL, admin: NONE },
    'cases list': { handler: ['seen', 'hidden'], leader: ['seen', 'hidden'], guide: ['hidden', 'hidden'], county: ['seen', 'seen'], admin: ['seen', 'seen'] },
    'case detail': { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
    'case CSV import': { handler: NONE, leader: NONE, guide: NONE, county: ALL, admin: ALL },
    'api-clients admin': { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ALL },
    'users admin': { handler: NONE, leader: NONE, guide: NONE, county: NONE, admin: ALL },
    'window QR': { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
    'window poster': { handler: HALL, leader: HALL, guide: NONE, county: ALL, admin: ALL },
    'feedback entry': { handler: ['201', '403'], leader: ['201', '403'], guide: NONE, county: ['201', '201'], admin: ['201', '201'] },
    // OPEN: no guard (see ANONYMOUS below).
    'calendar deadline': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'master data: halls': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'master data: one hall': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'master data: departments': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'master data: service items': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'public hall list': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
    'own account (auth/me)': { handler: ALL, leader: ALL, guide: ALL, county: ALL, admin: ALL },
  };

  // The groups other modules add (access-matrix/*.groups.ts), merged with the core ones.
  const moduleGroups = loadModuleGroups();
  const GROUPS: Record<string, MatrixRequest> = { ...CORE_GROUPS, ...Object.fromEntries(Object.entries(moduleGroups).map(([name, group]) => [name, group.request])) };
  const EXPECTED: Record<string, Expected> = { ...CORE_EXPECTED, ...Object.fromEntries(Object.entries(moduleGroups).map(([name, group]) => [name, group.expected])) };

  /** What an unauthenticated caller, the refused development header and a user who must change the password get. */
  const OPEN_GROUPS = ['public hall list', ...Object.entries(moduleGroups).filter(([, group]) => group.open).map(([name]) => name)];
  const withoutAccount = (group: string, passwordChange: boolean) => (OPEN_GROUPS.includes(group) ? '200' : passwordChange ? (group === 'own account (auth/me)' ? '200' : '403') : '401');

  async function outcome(group: string, subject: Subject, scope: Scope, headers: Record<string, string>): Promise<string> {
    const request = GROUPS[group](scope, subject);
    const response = await fetch(`${prod.url}${request.path}`, {
      method: request.method,
      headers: {
        ...headers,
        ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(request.csv !== undefined ? { 'content-type': 'text/csv; charset=utf-8' } : {}),
      },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      ...(request.csv !== undefined ? { body: request.csv } : {}),
    });
    if (request.listed === undefined || response.status !== 200) {
      await response.arrayBuffer();
      return String(response.status);
    }
    const rows = (await response.json()) as Array<{ id: string }>;
    return rows.some((row) => row.id === request.listed) ? 'seen' : 'hidden';
  }

  const cells = Object.entries(EXPECTED).flatMap(([group, byRole]) =>
    Object.entries(byRole).flatMap(([subject, [own, other]]) => [
      [group, subject as Subject, 'own', own] as const,
      [group, subject as Subject, 'other', other] as const,
    ]),
  );

  it.each(cells)('%s × %s × %s scope → %s', async (group, subject, scope, expected) => {
    expect(await outcome(group, subject, scope === 'own' ? jintun : zhifang, tokens[subject] ?? {})).toBe(expected);
  });

  it.each(Object.keys(GROUPS))('%s without a token, with the development header, and before the first password change', async (group) => {
    const devHeader = { 'x-dev-actor': JSON.stringify({ userId: 'x', role: 'ADMIN', hallCodes: [] }) };
    expect({
      anonymous: await outcome(group, 'admin', jintun, {}),
      devHeader: await outcome(group, 'admin', jintun, devHeader),
      passwordChange: await outcome(group, 'handler', jintun, tokens.newcomer ?? {}),
    }).toEqual({ anonymous: withoutAccount(group, false), devHeader: withoutAccount(group, false), passwordChange: withoutAccount(group, true) });
  });
});

/** Every `access-matrix/*.groups.ts` file's `groups`, by name (a name defined twice fails the suite). */
function loadModuleGroups(): Record<string, MatrixGroup> {
  const folder = join(__dirname, 'access-matrix');
  const merged: Record<string, MatrixGroup> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.groups.ts')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder is the registry
    const { groups } = require(join(folder, file)) as { groups: Record<string, MatrixGroup> };
    for (const [name, group] of Object.entries(groups)) {
      if (name in merged) throw new Error(`access matrix group "${name}" is defined twice (${file})`);
      merged[name] = group;
    }
  }
  return merged;
}
