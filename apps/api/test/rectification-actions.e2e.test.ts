import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { query } from './helpers/sql';

/**
 * People act on a case over HTTP: the API as it runs in production, the real worker module, PostgreSQL and the
 * Temporal dev server. Real clocks: no test waits for a deadline; they check the transitions, the refusals and the
 * read model the console lists from.
 */
describe('rectification actions over HTTP', () => {
  let stack: E2eStack;
  let baseUrl: string;
  /** Accounts a case can be reassigned to (or not), by username → id. */
  let accounts: Record<string, string>;

  beforeAll(async () => {
    stack = await startE2eStack();
    baseUrl = stack.baseUrl;
    accounts = await createAccounts(stack.db.url, [
      { username: 'liming', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'jintun-leader-2', role: 'TOWN_LEADER', hallCodes: ['macun', 'jintun'] },
      { username: 'retired', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'macun-only', role: 'HANDLER', hallCodes: ['macun'] },
      { username: 'county-account', role: 'COUNTY_SUPERVISOR' },
      { username: 'yibao-account', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
    ]);
    await sql("UPDATE app_user SET display_name = CASE username WHEN 'liming' THEN '李明' WHEN 'jintun-leader-2' THEN '周强' ELSE display_name END");
    await sql("UPDATE app_user SET disabled_at = now() WHERE username = 'retired'");
  });

  const sql = <R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []) => query<R>(stack.db.url, text, values);

  afterAll(async () => {
    await stack?.close();
  });

  const actor = (userId: string, role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) });
  const jintunHandler = actor('handler-jintun', 'HANDLER', ['jintun']);
  const macunHandler = actor('handler-macun', 'HANDLER', ['macun']);
  const jintunLeader = actor('leader-jintun', 'TOWN_LEADER', ['jintun']);
  const supervisor = actor('county-1', 'COUNTY_SUPERVISOR');
  const guide = (userId: string, departmentCodes: string[]) => ({ 'x-dev-actor': JSON.stringify({ userId, role: 'DEPT_GUIDE', hallCodes: [], departmentCodes }) });
  const yibaoGuide = guide('guide-yibao', ['yibao']);
  const minzhengGuide = guide('guide-minzheng', ['minzheng']);
  const citizen = actor('citizen-1', 'CITIZEN');

  type CaseBody = Record<string, unknown> & { state: string; stateLabel: string; allowedActions: string[] };
  type ErrorBody = { statusCode: number; code: string; message: string; path: string; requestId: string; errors?: Array<{ field: string; message: string }> };

  const act = (id: string, action: string, body: unknown, headers: Record<string, string>, url = baseUrl) =>
    fetch(`${url}/rectifications/${id}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  const get = (path: string, headers: Record<string, string> = supervisor) => fetch(`${baseUrl}${path}`, { headers });

  async function liveState(id: string): Promise<CaseBody> {
    const response = await get(`/rectifications/${id}?live=1`);
    expect(response.status).toBe(200);
    return (await response.json()) as CaseBody;
  }

  /**
   * A bad review at a hall, submitted as a citizen does (anonymous unless a reviewer is given); answers once its
   * workflow has opened the case and projected it: the workflow answers its query before the opening projection has
   * written the read model's row, so a detail GET right after the live one could still be 404.
   */
  async function openCase(hallCode = 'jintun', reviewer?: { kind: 'REAL_NAME'; name: string; phone: string }): Promise<string> {
    const response = await fetch(`${baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode, level: 2, comment: '办理效率低', clientKey: randomUUID(), ...(reviewer ? { reviewer } : {}) }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(async () => (await get(`/rectifications/${id}?live=1`)).status === 200);
    await eventually(async () => (await get(`/rectifications/${id}`)).status === 200);
    return id;
  }

  async function expectError(response: Response, status: number, code: string, path?: string): Promise<ErrorBody> {
    expect(response.status).toBe(status);
    const error = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({ statusCode: status, code });
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error.requestId).toBeTruthy();
    if (path) expect(error.path).toBe(path);
    return error;
  }

  async function listRows(params: { filter?: unknown; sort?: unknown; range?: unknown }, headers = supervisor) {
    const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)]));
    const response = await get(`/rectifications?${query.toString()}`, headers);
    expect(response.status).toBe(200);
    return { rows: (await response.json()) as Array<Record<string, unknown>>, contentRange: response.headers.get('content-range') };
  }

  it('verify 属实 → 整改中, record the rectification → 待群众确认, the citizen is satisfied → 已办结; the list follows', async () => {
    const id = await openCase('jintun');
    const opened = await get(`/rectifications/${id}?live=1`, jintunHandler);
    expect(((await opened.json()) as CaseBody).allowedActions).toEqual(['verify', 'add-note']);

    const verified = await act(id, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '  窗口排队属实  ' }, jintunHandler);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ state: 'RECTIFYING', stateLabel: '整改中', category: 'TIME_LIMITED', allowedActions: ['record-rectification', 'reclassify', 'add-note'], source: 'workflow' });

    // The result obligation is open under the handler's category: the console's queue shows it with its due time.
    const rectifying = await eventually(async () => (await listRows({ filter: { id: [id], state: 'RECTIFYING' } })).rows[0]);
    expect(rectifying).toMatchObject({ hallCode: 'jintun', category: 'TIME_LIMITED', categoryLabel: '限时整改', overdue: false, escalationLevel: 0 });
    expect(rectifying.resultDueAt).toMatch(/\+08:00$/);
    const dueSoon = await listRows({ filter: { id: [id], dueBefore: '2099-01-01T00:00:00Z' }, sort: ['resultDueAt', 'ASC'] });
    expect(dueSoon.rows.map((row) => row.id)).toEqual([id]);

    const rectified = await act(id, 'record-rectification', { measures: '增设取号机，高峰期增开窗口', result: '已整改，等候时间缩短' }, jintunHandler);
    expect(rectified.status).toBe(200);
    expect(await rectified.json()).toMatchObject({ state: 'AWAITING_CONFIRMATION', stateLabel: '待群众确认', allowedActions: ['add-note'] });

    const confirmed = await act(id, 'confirm', { answer: 'SATISFIED', comment: '满意' }, citizen);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ state: 'CLOSED', stateLabel: '已办结', outcome: 'SATISFIED', outcomeLabel: '满意', allowedActions: [] });

    const closed = await eventually(async () => (await listRows({ filter: { hallCode: 'jintun', state: 'CLOSED', id: [id] } })).rows[0]);
    expect(await adoptionOf(id)).toBe('ADOPTED');
    expect(closed).toMatchObject({
      id,
      reviewId: id,
      hallCode: 'jintun',
      hallName: '金屯镇',
      level: 2,
      stateLabel: '已办结',
      category: 'TIME_LIMITED',
      outcome: 'SATISFIED',
      outcomeLabel: '满意',
      overdue: false,
      escalationLevel: 0,
      callbackDueAt: null,
      resultDueAt: null,
      confirmationDueAt: null,
      slaPolicyVersion: 1,
    });
    expect(closed.closedAt).toMatch(/\+08:00$/);

    // The detail from the read model: the whole timeline, and nothing left to do.
    const detail = await get(`/rectifications/${id}`, jintunHandler);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as CaseBody & { timeline: Array<{ actor: string; action: string }> };
    expect(body).toMatchObject({ source: 'read-model', state: 'CLOSED', allowedActions: [] });
    expect(body.timeline.map((entry) => entry.actor)).toEqual(['system', 'handler-jintun', 'handler-jintun', 'citizen-1']);

    // A closed case takes no more actions.
    await expectError(await act(id, 'confirm', { answer: 'UNSATISFIED' }, citizen), 409, 'INVALID_STATE');

    // Every action, the refused one too, is in the append-only audit trail: who, what they asked, what came of it.
    const audit = await auditOf(id);
    expect(audit).toEqual([
      { actorId: 'handler-jintun', actorRole: 'HANDLER', action: 'rectification.verify', details: { finding: 'TRUE', category: 'TIME_LIMITED', notes: '窗口排队属实', outcome: 'accepted', state: 'RECTIFYING' } },
      { actorId: 'handler-jintun', actorRole: 'HANDLER', action: 'rectification.recordRectification', details: { measures: '增设取号机，高峰期增开窗口', result: '已整改，等候时间缩短', outcome: 'accepted', state: 'AWAITING_CONFIRMATION' } },
      { actorId: 'citizen-1', actorRole: 'CITIZEN', action: 'rectification.confirm', details: { answer: 'SATISFIED', comment: '满意', outcome: 'accepted', state: 'CLOSED' } },
      { actorId: 'citizen-1', actorRole: 'CITIZEN', action: 'rectification.confirm', details: { answer: 'UNSATISFIED', outcome: 'refused', status: 409, code: 'INVALID_STATE' } },
    ]);
  });

  async function auditOf(id: string) {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ actorId: string; actorRole: string; action: string; details: unknown }>(
        `SELECT actor_id AS "actorId", actor_role AS "actorRole", action, details FROM audit_log WHERE entity_type = 'rectification' AND entity_id = $1 ORDER BY id`,
        [id],
      );
      return rows;
    } finally {
      await client.end();
    }
  }

  it("refuses another hall's handler with 403 in the error shape and leaves the case as it was", async () => {
    const id = await openCase('jintun');
    const error = await expectError(
      await act(id, 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }, macunHandler),
      403,
      'FORBIDDEN',
      `/api/rectifications/${id}/actions/verify`,
    );
    expect(error.message).toContain('金屯镇');
    expect(await liveState(id)).toMatchObject({ state: 'PENDING_VERIFICATION', category: null });
    expect(await auditOf(id)).toEqual([
      { actorId: 'handler-macun', actorRole: 'HANDLER', action: 'rectification.verify', details: { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实', outcome: 'refused', status: 403, code: 'FORBIDDEN' } },
    ]);
    await expectError(await get(`/rectifications/${id}`, macunHandler), 403, 'FORBIDDEN');
    const theirs = await listRows({ filter: { id: [id] } }, macunHandler);
    expect(theirs.rows).toEqual([]);
  });

  it('refuses an action the state does not allow (confirm before the rectification) with 409', async () => {
    const id = await openCase();
    const error = await expectError(await act(id, 'confirm', { answer: 'SATISFIED' }, citizen), 409, 'INVALID_STATE');
    expect(error.message).toContain('待核实');
    expect((await liveState(id)).state).toBe('PENDING_VERIFICATION');
  });

  describe('refuses bad arguments with 422, the case unchanged', () => {
    let id: string;
    beforeAll(async () => {
      id = await openCase();
    });

    // [what, action, body, code, field]: VALIDATION_FAILED from the DTO, INVALID_ARGUMENT from the workflow's validator
    const cases: Array<[string, string, unknown, string, string]> = [
      ['an unknown finding (DTO)', 'verify', { finding: 'MAYBE' }, 'VALIDATION_FAILED', 'finding'],
      ['an actor in the body (DTO: it comes from the header)', 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实', actor: { role: 'COUNTY_SUPERVISOR' } }, 'VALIDATION_FAILED', 'actor'],
      ['notes of 2001 characters (DTO)', 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '长'.repeat(2001) }, 'VALIDATION_FAILED', 'notes'],
      ['a callback time without offset (DTO)', 'record-callback', { at: '2026-03-09T10:00:00', method: 'PHONE', reached: false, summary: '无人接听' }, 'VALIDATION_FAILED', 'at'],
      // Required by the finding: the DTO names them with the rest (the workflow checks again).
      ['属实 without a category (DTO)', 'verify', { finding: 'TRUE', notes: '属实' }, 'VALIDATION_FAILED', 'category'],
      ['不属实 without evidence (DTO)', 'verify', { finding: 'UNTRUE' }, 'VALIDATION_FAILED', 'evidenceNotes'],
    ];

    it.each(cases)('%s', async (_label, action, body, code, field) => {
      const error = await expectError(await act(id, action, body, jintunHandler), 422, code);
      expect(error.errors?.map((e) => e.field)).toContain(field);
      error.errors?.forEach((e) => expect(e.message).toMatch(/[\u4e00-\u9fa5]/));
      expect((await liveState(id)).state).toBe('PENDING_VERIFICATION');
    });
  });

  describe('who is acting (development-only X-Dev-Actor header)', () => {
    const anyId = randomUUID();
    it.each([
      ['no header', {}],
      ['a header that is not JSON', { 'x-dev-actor': 'handler-jintun' }],
      ['an unknown role', actor('u-1', 'MAYOR', ['jintun'])],
      ['the workflow\'s own role', actor('u-1', 'SYSTEM')],
      ['no user id', { 'x-dev-actor': JSON.stringify({ role: 'HANDLER', hallCodes: ['jintun'] }) }],
    ])('answers 401 for %s', async (_label, headers: Record<string, string>) => {
      await expectError(await act(anyId, 'verify', { finding: 'TRUE' }, headers), 401, 'UNAUTHENTICATED');
      await expectError(await get('/rectifications', headers), 401, 'UNAUTHENTICATED', '/api/rectifications');
    });

    it('is refused entirely in production mode (APP_MODE=production)', async () => {
      const production = await stack.listen(stack.config({ production: true }));
      try {
        const id = randomUUID();
        const refused = await act(id, 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }, supervisor, production.url);
        const error = await expectError(refused, 401, 'UNAUTHENTICATED');
        expect(error.message).toContain('X-Dev-Actor');
        await expectError(await fetch(`${production.url}/rectifications`, { headers: supervisor }), 401, 'UNAUTHENTICATED');
      } finally {
        await production.app.close();
      }
    });
  });

  it('answers 404 for a case that does not exist and 503 when Temporal cannot be reached', async () => {
    await expectError(await act(randomUUID(), 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }, supervisor), 404, 'RECTIFICATION_NOT_FOUND');
    const id = await openCase();
    const unreachable = await stack.listen(stack.config({ temporalAddress: '127.0.0.1:1' }));
    try {
      await expectError(await act(id, 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }, supervisor, unreachable.url), 503, 'WORKFLOW_UNAVAILABLE');
    } finally {
      await unreachable.app.close();
    }
  });

  it('rejection path: 不属实 → 不予采纳待审核; the county supervisor approves → 已办结 (不予采纳)', async () => {
    const id = await openCase('macun');
    const proposed = await act(id, 'verify', { finding: 'UNTRUE', evidenceNotes: '监控显示当日窗口正常办理' }, macunHandler);
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({ state: 'REJECTION_PENDING', stateLabel: '不予采纳待审核', allowedActions: ['add-note'] });

    await expectError(await act(id, 'decide-rejection', { decision: 'APPROVE', reason: '证据充分' }, macunHandler), 403, 'FORBIDDEN');
    const offered = (await (await get(`/rectifications/${id}`)).json()) as CaseBody;
    expect(offered).toMatchObject({ state: 'REJECTION_PENDING', allowedActions: ['decide-rejection', 'reassign', 'add-note'] });

    const approved = await act(id, 'decide-rejection', { decision: 'APPROVE', reason: '证据充分，属不实评价' }, supervisor);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ state: 'CLOSED', stateLabel: '已办结', outcome: 'REJECTED', outcomeLabel: '不予采纳' });

    const row = await eventually(async () => (await listRows({ filter: { hallCode: 'macun', state: 'CLOSED', id: [id] } })).rows[0]);
    expect(row).toMatchObject({ outcome: 'REJECTED', outcomeLabel: '不予采纳', category: null, resultDueAt: null });
    // The review is kept but leaves the 好评率: 不予采纳.
    expect(await adoptionOf(id)).toBe('NOT_ADOPTED');
  });

  async function adoptionOf(reviewId: string): Promise<string | undefined> {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      return (await client.query<{ adoption: string }>('SELECT adoption::text FROM review WHERE id = $1', [reviewId])).rows[0]?.adoption;
    } finally {
      await client.end();
    }
  }

  describe('协调整改, reclassification, reassignment and notes', () => {
    type LiveCase = CaseBody & {
      reviewedAt: string;
      obligations: Record<string, { dueAt: string; doneAt: string | null } | undefined>;
      extensions: Array<{ decision: string | null; requestedDueAt: string }>;
      originalResultDueAt: string | null;
    };
    const liveCase = async (id: string) => (await liveState(id)) as LiveCase;
    const deadline = async (from: string, workingDays: number) => {
      const response = await fetch(`${baseUrl}/calendar/deadline?${new URLSearchParams({ hallCode: 'jintun', from, workingDays: String(workingDays) }).toString()}`, { headers: jintunHandler });
      expect(response.status).toBe(200);
      return ((await response.json()) as { dueAt: string }).dueAt;
    };
    const sameInstant = (a: unknown, b: string) => expect(Date.parse(String(a))).toBe(Date.parse(b));

    it('invite departments, reassign, note, extension requested and approved: the result due time moves in the read model, the original stays in the timeline', async () => {
      const id = await openCase('jintun');
      const verified = await act(id, 'verify', { finding: 'TRUE', category: 'COORDINATED', notes: '涉及医保、人社两部门' }, jintunHandler);
      expect(await verified.json()).toMatchObject({
        state: 'RECTIFYING',
        allowedActions: ['record-rectification', 'reclassify', 'invite-departments', 'add-note', 'request-extension'],
      });

      await expectError(await act(id, 'invite-departments', { departmentCodes: ['yibao', 'nosuchdept'] }, jintunHandler), 422, 'INVALID_ARGUMENT');
      const invited = await act(id, 'invite-departments', { departmentCodes: ['yibao', 'renshe'], note: '请协助核查' }, jintunHandler);
      expect(invited.status).toBe(200);
      expect(await invited.json()).toMatchObject({ invitedDepartments: [{ departmentCode: 'yibao' }, { departmentCode: 'renshe' }] });
      const input = await act(id, 'record-department-input', { text: '医保局已核查缴费记录' }, yibaoGuide);
      expect(input.status).toBe(200);
      expect(await input.json()).toMatchObject({ departmentInputs: [{ departmentCode: 'yibao', text: '医保局已核查缴费记录' }], allowedActions: ['record-department-input', 'add-note'] });
      const refused = await expectError(await act(id, 'record-department-input', { text: '民政局意见' }, minzhengGuide), 403, 'FORBIDDEN');
      expect(refused.message).toContain('未受邀');

      // The invited department's guide lists and opens the case (read model and live); another department's guide
      // gets 403 on it and an empty list.
      const guideRows = await listRows({ filter: { id: [id] } }, yibaoGuide);
      expect(guideRows.rows).toEqual([expect.objectContaining({ id, invitedDepartmentCodes: ['yibao', 'renshe'] })]);
      expect((await listRows({ filter: { id: [id], invitedDepartmentCode: 'renshe' } })).rows.map((row) => row.id)).toEqual([id]);
      expect((await listRows({ filter: { id: [id], invitedDepartmentCode: ['minzheng'] } })).rows).toEqual([]);
      const guideDetail = await get(`/rectifications/${id}`, yibaoGuide);
      expect(guideDetail.status).toBe(200);
      expect(await guideDetail.json()).toMatchObject({ id, source: 'read-model', invitedDepartmentCodes: ['yibao', 'renshe'], allowedActions: ['record-department-input', 'add-note'] });
      expect((await get(`/rectifications/${id}?live=1`, yibaoGuide)).status).toBe(200);
      const notInvited = await expectError(await get(`/rectifications/${id}`, minzhengGuide), 403, 'FORBIDDEN');
      expect(notInvited.message).toContain('未受邀');
      await expectError(await get(`/rectifications/${id}?live=1`, minzhengGuide), 403, 'FORBIDDEN');
      const minzhengList = await listRows({ filter: { id: [id] } }, minzhengGuide);
      expect(minzhengList).toEqual({ rows: [], contentRange: expect.stringMatching(/\/0$/) as unknown });
      expect((await listRows({}, minzhengGuide)).rows).toEqual([]);

      // The name on the case is the account's own: a name the caller still sends is ignored.
      const reassigned = await act(id, 'reassign', { assignee: { userId: accounts.liming, name: '随手写的名字' }, reason: '原经办人休假' }, jintunLeader);
      expect(reassigned.status).toBe(200);
      expect(await reassigned.json()).toMatchObject({ assignee: { userId: accounts.liming, name: '李明', assignedBy: 'leader-jintun' } });
      // The read model knows the assignee: the console's "my cases" (mine) and filters by handler.
      const handlerLi = actor(accounts.liming, 'HANDLER', ['jintun']);
      expect((await listRows({ filter: { id: [id], assigneeUserId: accounts.liming } })).rows).toEqual([expect.objectContaining({ id, assigneeUserId: accounts.liming, assigneeName: '李明' })]);
      expect((await listRows({ filter: { id: [id], assigneeUserId: ['handler-wang'] } })).rows).toEqual([]);
      expect((await listRows({ filter: { id: [id], mine: true } }, handlerLi)).rows.map((row) => row.id)).toEqual([id]);
      expect((await listRows({ filter: { id: [id], mine: false } }, handlerLi)).rows).toEqual([]);
      expect((await listRows({ filter: { id: [id], mine: true } }, jintunHandler)).rows).toEqual([]);
      expect((await listRows({ filter: { id: [id], mine: false } }, jintunHandler)).rows.map((row) => row.id)).toEqual([id]);
      const noted = await act(id, 'add-note', { text: '已约评价人面谈' }, supervisor);
      expect(await noted.json()).toMatchObject({ notes: [{ text: '已约评价人面谈', recordedBy: 'county-1' }] });

      const before = await liveCase(id);
      const originalDueAt = before.obligations.result!.dueAt;
      sameInstant(originalDueAt, await deadline(before.reviewedAt, 10));
      const newDueAt = new Date(Date.parse(originalDueAt) + 7 * 24 * 3_600_000).toISOString();
      const requested = await act(id, 'request-extension', { reason: '需调取历史缴费记录', newDueAt }, jintunHandler);
      expect(requested.status).toBe(200);
      expect(await requested.json()).toMatchObject({ state: 'EXTENSION_PENDING', stateLabel: '延期待审批', allowedActions: ['invite-departments', 'add-note'] });
      const pendingRow = await eventually(async () => (await listRows({ filter: { id: [id], state: 'EXTENSION_PENDING' } })).rows[0]);
      sameInstant(pendingRow.resultDueAt, originalDueAt);
      expect(pendingRow.originalResultDueAt).toBeNull();

      await expectError(await act(id, 'decide-extension', { decision: 'APPROVE', reason: '同意' }, jintunHandler), 403, 'FORBIDDEN');
      const approved = await act(id, 'decide-extension', { decision: 'APPROVE', reason: '理由充分' }, supervisor);
      expect(approved.status).toBe(200);
      expect(await approved.json()).toMatchObject({ state: 'RECTIFYING', originalResultDueAt: originalDueAt, extensions: [{ decision: 'APPROVED', requestedDueAt: newDueAt }] });

      const row = await eventually(async () => {
        const found = (await listRows({ filter: { id: [id], state: 'RECTIFYING' } })).rows[0];
        return found && Date.parse(String(found.resultDueAt)) === Date.parse(newDueAt) ? found : undefined;
      });
      expect(row).toMatchObject({ category: 'COORDINATED', overdue: false, owner: 'HALL', ownerLabel: '镇街', assigneeUserId: accounts.liming, assigneeName: '李明', callbackOutcome: null });
      expect(row.originalResultDueAt).toMatch(/\+08:00$/);
      sameInstant(row.originalResultDueAt, originalDueAt);
      const detail = (await (await get(`/rectifications/${id}`, jintunHandler)).json()) as CaseBody & { timeline: Array<{ action: string; details: Record<string, unknown> | null }> };
      expect(detail).toMatchObject({ assigneeUserId: accounts.liming, assigneeName: '李明', invitedDepartmentCodes: ['yibao', 'renshe'] });
      sameInstant(detail.originalResultDueAt, originalDueAt);
      expect(detail.allowedActions).toEqual(['record-rectification', 'reclassify', 'invite-departments', 'add-note', 'request-extension']);
      const approval = detail.timeline.find((entry) => entry.action === '同意延期，整改结果反馈期限延至新期限');
      expect(approval?.details).toMatchObject({ originalResultDueAt: originalDueAt, requestedDueAt: newDueAt });
      expect(detail.timeline.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['邀请县直部门协同整改：yibao、renshe', '县直部门（yibao）登记协办意见', '改派经办人：李明', '添加备注', '已联系评价人并申请延期，待县行政审批服务局审批']),
      );
    });

    it('reclassify recounts the result clock from the review time on the hall calendar (限时整改 → 立整立改: 1 working day)', async () => {
      const id = await openCase('jintun');
      await act(id, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }, jintunHandler);
      const { reviewedAt } = await liveCase(id);
      await expectError(await act(id, 'reclassify', { category: 'TIME_LIMITED', reason: '同类' }, jintunHandler), 422, 'INVALID_ARGUMENT');
      const reclassified = await act(id, 'reclassify', { category: 'IMMEDIATE', reason: '实为服务态度问题' }, jintunHandler);
      expect(reclassified.status).toBe(200);
      const state = (await reclassified.json()) as LiveCase;
      expect(state).toMatchObject({ category: 'IMMEDIATE' });
      sameInstant(state.obligations.result!.dueAt, await deadline(reviewedAt, 1));
      const row = await eventually(async () => (await listRows({ filter: { id: [id], category: 'IMMEDIATE' } })).rows[0]);
      sameInstant(row.resultDueAt, state.obligations.result!.dueAt);
    });

    describe('refuses, the case unchanged', () => {
      let id: string;
      beforeAll(async () => {
        id = await openCase('jintun');
        await act(id, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }, jintunHandler);
      });

      // [what, action, body, who, status, code, field]
      const cases: Array<[string, string, unknown, Record<string, string>, number, string, string | undefined]> = [
        ['an extension of a 限时整改 result (409)', 'request-extension', { reason: '需协调', newDueAt: '2099-01-01T00:00:00Z' }, jintunHandler, 409, 'INVALID_STATE', undefined],
        ['a decision with nothing requested (409)', 'decide-extension', { decision: 'APPROVE', reason: '同意' }, supervisor, 409, 'INVALID_STATE', undefined],
        ['departments invited to a 限时整改 case (409)', 'invite-departments', { departmentCodes: ['yibao'] }, jintunHandler, 409, 'INVALID_STATE', undefined],
        ["a note by another hall's handler (403)", 'add-note', { text: '备注' }, macunHandler, 403, 'FORBIDDEN', undefined],
        ['a note by the citizen (403)', 'add-note', { text: '催办' }, citizen, 403, 'FORBIDDEN', undefined],
        ['a new due time without offset (DTO)', 'request-extension', { reason: '需协调', newDueAt: '2099-01-01T00:00:00' }, jintunHandler, 422, 'VALIDATION_FAILED', 'newDueAt'],
        ['no departments (DTO)', 'invite-departments', { departmentCodes: [] }, jintunHandler, 422, 'VALIDATION_FAILED', 'departmentCodes'],
        ['an assignee without an account id (DTO)', 'reassign', { assignee: { name: '李明' } }, jintunLeader, 422, 'VALIDATION_FAILED', 'assignee.userId'],
        ['an unknown category (DTO)', 'reclassify', { category: 'SOMEDAY', reason: '理由' }, jintunHandler, 422, 'VALIDATION_FAILED', 'category'],
        ['a blank note (DTO)', 'add-note', { text: '   ' }, jintunHandler, 422, 'VALIDATION_FAILED', 'text'],
      ];

      it.each(cases)('%s', async (_label, action, body, who, status, code, field) => {
        const error = await expectError(await act(id, action, body, who), status, code, `/api/rectifications/${id}/actions/${action}`);
        if (field) expect(error.errors?.map((e) => e.field)).toContain(field);
        expect(await liveState(id)).toMatchObject({ state: 'RECTIFYING', category: 'TIME_LIMITED', assignee: null, notes: [], invitedDepartments: [] });
      });
    });

    describe('reassignment: only to an active account of the case\'s hall that may work it', () => {
      let id: string;
      beforeAll(async () => {
        id = await openCase('jintun');
        await act(id, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }, jintunHandler);
        timelineLength = ((await liveState(id)) as CaseBody & { timeline: unknown[] }).timeline.length;
      });
      let timelineLength: number;

      /** What the workflow has been asked to reassign on this case: every action sent to it is audited, accepted or refused. */
      const reassignAudits = async () =>
        (await sql<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'rectification.reassign' AND entity_id = $1 ORDER BY id", [id])).map(
          (row) => row.details.outcome,
        );
      const macunLeader = actor('leader-macun', 'TOWN_LEADER', ['macun']);

      // [what, the assignee's id (from the accounts by username), who asks, status, code, what the message says]
      const refusals: Array<[string, (ids: Record<string, string>) => unknown, Record<string, string>, number, string, RegExp]> = [
        ['an id of no account', () => randomUUID(), jintunLeader, 422, 'INVALID_ARGUMENT', /不存在/],
        ['free text instead of an account id', () => '李明', jintunLeader, 422, 'VALIDATION_FAILED', /不是有效的账号/],
        ['a blank account id', () => '  ', jintunLeader, 422, 'VALIDATION_FAILED', /不能为空/],
        ['a disabled account', (ids) => ids.retired, supervisor, 422, 'INVALID_ARGUMENT', /已停用/],
        ['a handler of another hall only', (ids) => ids['macun-only'], jintunLeader, 422, 'INVALID_ARGUMENT', /不是金屯镇的经办人或分管领导/],
        ['a county supervisor\'s account', (ids) => ids['county-account'], supervisor, 422, 'INVALID_ARGUMENT', /不是金屯镇的经办人或分管领导/],
        ["a department's guide", (ids) => ids['yibao-account'], supervisor, 422, 'INVALID_ARGUMENT', /不是金屯镇的经办人或分管领导/],
      ];

      it("offers exactly the accounts it takes: the hall's active handlers and town leaders, to those who may reassign", async () => {
        const offered = await get(`/rectifications/${id}/assignees`, jintunLeader);
        expect(offered.status).toBe(200);
        expect(await offered.json()).toEqual([
          { id: accounts.liming, name: '李明', role: 'HANDLER', roleLabel: '经办人' },
          { id: accounts['jintun-leader-2'], name: '周强', role: 'TOWN_LEADER', roleLabel: '分管领导' },
        ]);
        expect((await get(`/rectifications/${id}/assignees`, supervisor)).status).toBe(200);
        await expectError(await get(`/rectifications/${id}/assignees`, jintunHandler), 403, 'FORBIDDEN');
        await expectError(await get(`/rectifications/${id}/assignees`, macunLeader), 403, 'FORBIDDEN');
        await expectError(await get(`/rectifications/${randomUUID()}/assignees`, supervisor), 404, 'RECTIFICATION_NOT_FOUND');
      });

      it.each(refusals)('refuses %s (422 naming assignee.userId), sending nothing to the workflow', async (_what, assignee, who, status, code, message) => {
        const error = await expectError(await act(id, 'reassign', { assignee: { userId: assignee(accounts), name: '李明' } }, who), status, code, `/api/rectifications/${id}/actions/reassign`);
        expect(new Set(error.errors?.map((e) => e.field))).toEqual(new Set(['assignee.userId']));
        expect(error.errors?.map((e) => e.message)).toContainEqual(expect.stringMatching(message));
        const after = (await liveState(id)) as CaseBody & { timeline: unknown[] };
        expect(after).toMatchObject({ state: 'RECTIFYING', assignee: null });
        expect(after.timeline).toHaveLength(timelineLength);
        expect(await reassignAudits()).toEqual([]);
      });

      it.each([
        ['a handler of the hall', jintunHandler],
        ["another hall's town leader", macunLeader],
      ])('refuses a reassignment asked by %s (403), whatever the assignee', async (_who, who) => {
        await expectError(await act(id, 'reassign', { assignee: { userId: accounts.liming } }, who), 403, 'FORBIDDEN');
        expect(await liveState(id)).toMatchObject({ assignee: null });
      });

      it.each([
        ["the hall's town leader, to a handler of the hall", jintunLeader, 'liming', '李明'],
        ['the county supervisor, to a town leader whose halls include it', supervisor, 'jintun-leader-2', '周强'],
      ])('lets %s: the case shows the account\'s name', async (_what, who, username, name) => {
        const response = await act(id, 'reassign', { assignee: { userId: accounts[username] }, reason: '人员调整' }, who);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ assignee: { userId: accounts[username], name } });
        const detail = await eventually(async () => {
          const body = (await (await get(`/rectifications/${id}`)).json()) as Record<string, unknown>;
          return body.assigneeUserId === accounts[username] ? body : undefined;
        });
        expect(detail).toMatchObject({ assigneeUserId: accounts[username], assigneeName: name });
      });
    });
  });

  it('a reached callback: the read model has the callback outcome (已回访) and no callback due any more; 不满意 makes the county the owner', async () => {
    const id = await openCase('jintun', { kind: 'REAL_NAME', name: '王五', phone: `139${String(Date.now()).slice(-8)}` });
    const opened = await eventually(async () => (await listRows({ filter: { id: [id] } })).rows[0]);
    expect(opened).toMatchObject({ callbackOutcome: null, callbackOutcomeLabel: null, owner: 'HALL', assigneeUserId: null, invitedDepartmentCodes: [], originalResultDueAt: null });
    expect(opened.callbackDueAt).toMatch(/\+08:00$/);

    const unreached = await act(id, 'record-callback', { at: new Date().toISOString(), method: 'PHONE', reached: false, summary: '无人接听' }, jintunHandler);
    expect(unreached.status).toBe(200);
    expect((await (await get(`/rectifications/${id}`)).json()) as Record<string, unknown>).toMatchObject({ callbackOutcome: null });
    const reached = await act(id, 'record-callback', { at: new Date().toISOString(), method: 'PHONE', reached: true, summary: '已电话联系评价人', initialReply: '将于三个工作日内答复' }, jintunHandler);
    expect(reached.status).toBe(200);
    expect(await reached.json()).toMatchObject({ callbackOutcome: 'REACHED' });

    const detail = (await (await get(`/rectifications/${id}`, jintunHandler)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ callbackOutcome: 'REACHED', callbackOutcomeLabel: '已回访', callbackDueAt: null, source: 'read-model', owner: 'HALL' });

    // 不满意 reopens the case to the county: the read model's owner follows.
    expect((await act(id, 'verify', { finding: 'TRUE', category: 'IMMEDIATE', notes: '属实' }, jintunHandler)).status).toBe(200);
    expect((await act(id, 'record-rectification', { measures: '当面致歉', result: '已整改' }, jintunHandler)).status).toBe(200);
    expect((await act(id, 'confirm', { answer: 'UNSATISFIED', comment: '仍不满意' }, citizen)).status).toBe(200);
    const reopened = (await listRows({ filter: { id: [id], state: 'REOPENED' } })).rows[0];
    expect(reopened).toMatchObject({ owner: 'COUNTY', ownerLabel: '县行政审批服务局', callbackOutcome: 'REACHED' });
  });

  describe('a refusal lists every missing field at once, not one per try', () => {
    const realName = { kind: 'REAL_NAME' as const, name: '王芳', phone: '13900000021' };
    let anonymousCoordinated: string;
    let realNameCoordinated: string;
    let realNamePending: string;
    beforeAll(async () => {
      [anonymousCoordinated, realNameCoordinated, realNamePending] = await Promise.all([openCase('jintun'), openCase('jintun', realName), openCase('jintun', realName)]);
      for (const id of [anonymousCoordinated, realNameCoordinated]) {
        expect((await act(id, 'verify', { finding: 'TRUE', category: 'COORDINATED', notes: '涉及多个部门' }, jintunHandler)).status).toBe(200);
      }
    });
    const LATER = '2099-01-05T10:00:00+08:00';

    // [what, the case, action, body, the fields named] (the DTO gives one entry per rule a field breaks)
    it.each<[string, () => string, string, Record<string, unknown>, string[]]>([
      ['verify 属实 without category and notes', () => realNamePending, 'verify', { finding: 'TRUE' }, ['category', 'notes']],
      ['a reached callback with only reached', () => realNamePending, 'record-callback', { reached: true }, ['at', 'method', 'summary', 'initialReply']],
      ['an extension of a real-name case with nothing', () => realNameCoordinated, 'request-extension', {}, ['reason', 'newDueAt', 'contactedAt', 'contactMethod', 'reviewerResponse']],
      ['an extension of a real-name case without the reviewer contact', () => realNameCoordinated, 'request-extension', { reason: '需医保局调取记录', newDueAt: LATER }, ['contactedAt', 'contactMethod', 'reviewerResponse']],
      ['an extension of an anonymous case with part of a contact', () => anonymousCoordinated, 'request-extension', { reason: '需医保局调取记录', newDueAt: LATER, contactMethod: 'PHONE' }, ['contactedAt', 'reviewerResponse']],
    ])('%s: 422 naming each field in Chinese', async (_what, caseOf, action, body, fields) => {
      const id = caseOf();
      const before = await liveState(id);
      const response = await act(id, action, body, jintunHandler);
      const error = (await response.json()) as ErrorBody;
      expect(response.status).toBe(422);
      expect([...new Set(error.errors?.map((e) => e.field))].sort()).toEqual([...fields].sort());
      for (const entry of error.errors ?? []) expect(entry.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await liveState(id)).toMatchObject({ state: before.state, callbacks: [], extensions: [] });
    });
  });

  it('lists with simple-rest conventions: hall scope, filters, sorts, Content-Range, and 422 for what it does not know', async () => {
    const all = await listRows({ sort: ['escalationLevel', 'DESC'], range: [0, 0] });
    expect(all.contentRange).toMatch(/^rectifications 0-0\/\d+$/);
    const jintun = await listRows({ filter: { hallCode: 'jintun', overdue: false, escalationLevel: [0, 1] } }, jintunHandler);
    expect(jintun.rows.length).toBeGreaterThan(0);
    jintun.rows.forEach((row) => expect(row.hallCode).toBe('jintun'));
    const macunOnly = await listRows({ filter: { hallCode: 'jintun' } }, macunHandler);
    expect(macunOnly.rows).toEqual([]);
    for (const query of ['filter={"escalationLevel":3}', 'filter={"dueBefore":"tomorrow"}', 'sort=["hallCode","ASC"]', 'filter={"handler":"x"}', 'filter={"mine":"yes"}', 'filter={"invitedDepartmentCode":[1]}']) {
      await expectError(await get(`/rectifications?${query}`), 422, 'VALIDATION_FAILED');
    }
  });
});
