import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { freshPhone } from './helpers/rating-stack';

/**
 * A case's timeline names people and departments as a reader knows them (issue 13, "The timeline names people"): the
 * workflow records account ids, roles and department codes; the API answers with each entry's actorLabel (post and
 * display name), its actionLabel (departments by name) and the departments it names — in the read model's detail,
 * the live state and every action's answer alike. A real-name 差评 from the public form, worked by a handler, a
 * town leader, a department's guide and the county, confirmed by the reviewer on the status page.
 */
describe('the case timeline names people and departments', () => {
  let stack: E2eStack;
  let ids: Record<string, string>;

  beforeAll(async () => {
    stack = await startE2eStack();
    ids = await createAccounts(stack.db.url, [
      { username: 'zhangsan', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'lisi', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
      { username: 'wangwu', role: 'COUNTY_SUPERVISOR' },
      { username: 'zhaoliu', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
      { username: 'leaving', role: 'HANDLER', hallCodes: ['jintun'] },
      { username: 'unnamed', role: 'HANDLER', hallCodes: ['jintun'] },
    ]);
    await sql(
      `UPDATE app_user SET display_name = CASE username WHEN 'zhangsan' THEN '张三' WHEN 'lisi' THEN '李四' WHEN 'wangwu' THEN '王五'
         WHEN 'zhaoliu' THEN '赵六' WHEN 'leaving' THEN '钱七' WHEN 'unnamed' THEN '' END`,
    );
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function sql(text: string, values: unknown[] = []): Promise<void> {
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  /** X-Dev-Actor as the account `username` (its id, so the API finds its name), or as an id no account has. */
  const as = (username: string, role: string, scope: { hallCodes?: string[]; departmentCodes?: string[] } = {}) => ({
    'x-dev-actor': JSON.stringify({ userId: ids[username] ?? username, role, hallCodes: scope.hallCodes ?? [], ...(scope.departmentCodes ? { departmentCodes: scope.departmentCodes } : {}) }),
  });
  const handler = () => as('zhangsan', 'HANDLER', { hallCodes: ['jintun'] });
  const leader = () => as('lisi', 'TOWN_LEADER', { hallCodes: ['jintun'] });
  const county = () => as('wangwu', 'COUNTY_SUPERVISOR');
  const guide = () => as('zhaoliu', 'DEPT_GUIDE', { departmentCodes: ['yibao'] });

  type LabelledEntry = { actor: string; actorLabel: string; action: string; actionLabel: string; departments: Array<{ code: string; name: string }> };
  type CaseBody = { state: string; timeline: LabelledEntry[] };

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  async function act(id: string, action: string, body: unknown, headers: Record<string, string>): Promise<CaseBody> {
    const response = await post(`/rectifications/${id}/actions/${action}`, body, headers);
    expect(response.status).toBe(200);
    return (await response.json()) as CaseBody;
  }
  async function read(path: string): Promise<CaseBody> {
    const response = await fetch(`${stack.baseUrl}${path}`, { headers: county() });
    expect(response.status).toBe(200);
    return (await response.json()) as CaseBody;
  }
  const lines = (body: CaseBody) => body.timeline.map((entry) => [entry.actorLabel, entry.actionLabel]);

  it('names each step by post and display name, the reviewer as 评价人, the system as 系统 and departments by name', async () => {
    const phone = freshPhone();
    const submitted = await post('/public/reviews', { hallCode: 'jintun', level: 2, comment: '医保报销材料反复退回', reviewer: { kind: 'REAL_NAME', name: '周八', phone }, clientKey: randomUUID() });
    expect(submitted.status).toBe(201);
    const { id, trackingCode } = (await submitted.json()) as { id: string; trackingCode: string };
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}?live=1`, { headers: county() })).status === 200);

    await act(id, 'verify', { finding: 'TRUE', category: 'COORDINATED', notes: '涉及医保、人社两部门' }, handler());
    // Every action's answer is the live state, named like the rest.
    const invited = await act(id, 'invite-departments', { departmentCodes: ['yibao', 'renshe'], note: '请协助核查' }, leader());
    expect(invited.timeline.at(-1)).toMatchObject({
      actorLabel: '金屯镇分管领导 李四',
      action: '邀请县直部门协同整改：yibao、renshe',
      actionLabel: '邀请县直部门协同整改：医保局、人社局',
      departments: [
        { code: 'yibao', name: '医保局' },
        { code: 'renshe', name: '人社局' },
      ],
    });
    await act(id, 'record-department-input', { text: '医保局已核查缴费记录' }, guide());
    await act(id, 'add-note', { text: '已约评价人面谈' }, county());
    await act(id, 'add-note', { text: '交接前的备注' }, as('leaving', 'HANDLER', { hallCodes: ['jintun'] }));
    // An account removed after it acted: the timeline keeps its id, the label falls back to the post.
    await sql('DELETE FROM app_user WHERE id = $1', [ids.leaving]);
    await act(id, 'add-note', { text: '未署名账号的备注' }, as('unnamed', 'HANDLER', { hallCodes: ['jintun'] }));
    const neverAnAccount = randomUUID();
    await act(id, 'add-note', { text: '没有账号的备注' }, as(neverAnAccount, 'HANDLER', { hallCodes: ['jintun'] }));
    await act(id, 'record-callback', { at: new Date().toISOString(), method: 'PHONE', reached: true, summary: '已致歉并说明安排', initialReply: '等待结果' }, handler());
    await act(id, 'record-rectification', { measures: '医保、人社联合复核', result: '材料已一次性受理' }, handler());

    const expected = [
      ['系统', '差评已受理，交由金屯镇核实'],
      ['经办人 张三', '核实属实，定为协调整改'],
      ['金屯镇分管领导 李四', '邀请县直部门协同整改：医保局、人社局'],
      ['医保局指导员 赵六', '县直部门（医保局）登记协办意见'],
      ['县行政审批服务局 王五', '添加备注'],
      ['经办人', '添加备注'],
      ['经办人', '添加备注'],
      ['经办人', '添加备注'],
      ['经办人 张三', '已回访，作出初步答复'],
      ['经办人 张三', '已登记整改结果并反馈评价人，待群众确认'],
      ['评价人', '群众确认满意，办结'],
    ];
    // The live state (the workflow's own timeline) names it the same way; asked while the case is still open.
    expect(lines(await read(`/rectifications/${id}?live=1`))).toEqual(expected.slice(0, -1));

    // The reviewer answers on the status page, as the workflow's CITIZEN `reviewer`.
    const confirmed = await post(`/public/reviews/${trackingCode}/confirmation`, { phoneLast4: phone.slice(-4), answer: 'SATISFIED' });
    expect(confirmed.status).toBe(200);
    const detail = await eventually(async () => {
      const body = await read(`/rectifications/${id}`);
      return body.state === 'CLOSED' && body.timeline.length === expected.length ? body : undefined;
    });
    expect(lines(detail)).toEqual(expected);
    // The workflow's record is answered as it was written: ids and codes, for programs.
    expect(detail.timeline.map((entry) => entry.actor)).toEqual([
      'system',
      ids.zhangsan,
      ids.lisi,
      ids.zhaoliu,
      ids.wangwu,
      ids.leaving,
      ids.unnamed,
      neverAnAccount,
      ids.zhangsan,
      ids.zhangsan,
      'reviewer',
    ]);
    expect(detail.timeline[3]).toMatchObject({ action: '县直部门（yibao）登记协办意见', departments: [{ code: 'yibao', name: '医保局' }] });
    // No label shows an account id.
    for (const entry of detail.timeline) expect(Object.values(ids).some((userId) => entry.actorLabel.includes(userId))).toBe(false);
  });
});
