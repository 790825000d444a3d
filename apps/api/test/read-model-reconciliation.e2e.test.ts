import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { testTemporalAddress } from '@haochaping/devstack';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

interface RunDetail {
  id: string;
  trigger: string;
  status: string;
  checked: number;
  drifted: number;
  repaired: number;
  requestedBy: string | null;
  drifts: Array<{ reviewId: string; trackingCode: string | null; caseNumber: string | null; hallCode: string | null; fields: string[]; fieldLabels: string[]; repaired: boolean; reason: string | null }>;
}

/**
 * The read model repairs itself (issue 16): drift is made behind the application's back — an open case's projection
 * dropped, a case closed this week altered — and the reconciler, started as the county's 立即核对 and run by the real
 * worker against the real workflows (Temporal dev server) and PostgreSQL, finds it, re-projects each case from its
 * workflow's state and reports it; a case closed before the last N days is not checked.
 */
describe('the read model reconciliation (/api/read-model-reconciliations)', () => {
  let stack: E2eStack;
  let db: pg.Client;
  const county = { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) };
  const handlerOf = (hallCode: string) => ({ 'x-dev-actor': JSON.stringify({ userId: `handler-${hallCode}`, role: 'HANDLER', hallCodes: [hallCode] }) });

  beforeAll(async () => {
    stack = await startE2eStack();
    db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stack?.close();
  });

  const get = (path: string, headers: Record<string, string> = county) => fetch(`${stack.baseUrl}${path}`, { headers });
  const act = async (id: string, action: string, body: unknown, headers: Record<string, string>) => {
    const response = await fetch(`${stack.baseUrl}/rectifications/${id}/actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };

  /** A bad review as a citizen submits it; answers once the workflow has projected the case. */
  async function openCase(hallCode: string): Promise<string> {
    const response = await fetch(`${stack.baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode, level: 1, comment: '窗口无人', clientKey: randomUUID() }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(async () => (await get(`/rectifications/${id}`)).status === 200);
    return id;
  }

  /** 不属实, approved by the county: the case closes as 不予采纳 (and its review leaves the 好评率). */
  async function closedCase(hallCode: string): Promise<string> {
    const id = await openCase(hallCode);
    await act(id, 'verify', { finding: 'UNTRUE', evidenceNotes: '监控显示当日窗口正常办理' }, handlerOf(hallCode));
    await act(id, 'decide-rejection', { decision: 'APPROVE', reason: '证据充分' }, county);
    await eventually(async () => (await caseRows(id)).row?.state === 'CLOSED');
    return id;
  }

  /** Everything the projection writes for a case, without the columns the database fills (row ids, updated_at). */
  async function caseRows(reviewId: string) {
    const row = (await db.query<Record<string, unknown>>('SELECT * FROM rectification_case WHERE review_id = $1', [reviewId])).rows[0];
    if (row) delete row.updated_at;
    const timeline = (await db.query('SELECT seq, at, actor, action, details FROM rectification_timeline_entry WHERE review_id = $1 ORDER BY seq', [reviewId])).rows;
    const adoption = (await db.query<{ adoption: string }>('SELECT adoption::text FROM review WHERE id = $1', [reviewId])).rows[0]?.adoption;
    return { row, timeline, adoption };
  }

  async function reconcileNow(): Promise<RunDetail> {
    const started = await fetch(`${stack.baseUrl}/read-model-reconciliations`, { method: 'POST', headers: county });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let detail: RunDetail | undefined;
    await eventually(async () => {
      detail = (await (await get(`/read-model-reconciliations/${id}`)).json()) as RunDetail;
      return detail.status !== 'RUNNING';
    });
    return detail as RunDetail;
  }

  const driftNotices = async () =>
    ((await (await get(`/notifications?filter=${encodeURIComponent(JSON.stringify({ kind: 'READ_MODEL_DRIFT' }))}`)).json()) as Array<{ body: string }>).map((notice) => notice.body);

  it('repairs a dropped projection of an open case and an altered one of a case closed this week, reports both and tells the county', async () => {
    const open = await openCase('jintun');
    const closed = await closedCase('zhifang');
    const closedLongAgo = await closedCase('jintun');
    const before = { open: await caseRows(open), closed: await caseRows(closed) };
    expect(before.closed.adoption).toBe('NOT_ADOPTED');

    // Behind the application's back: the open case's projection is gone; the closed one looks reopened, one of its
    // timeline entries altered and the last lost, and its review counts in the 好评率 again.
    await db.query('DELETE FROM rectification_timeline_entry WHERE review_id = $1', [open]);
    await db.query('DELETE FROM rectification_case WHERE review_id = $1', [open]);
    // Its workflow started a moment ago, and a row missing within the first minute is left to the first projection
    // (still on its way): the start is dated back as if the case had been opened earlier today.
    await db.query(`UPDATE outbox_message SET dispatched_at = now() - interval '2 hours' WHERE key = $1`, [`rectification-${open}`]);
    await db.query(`UPDATE rectification_case SET state = 'RECTIFYING', state_label = '整改中', closed_at = NULL, outcome = NULL WHERE review_id = $1`, [closed]);
    await db.query(`UPDATE rectification_timeline_entry SET action = 'tampered' WHERE review_id = $1 AND seq = 0`, [closed]);
    await db.query('DELETE FROM rectification_timeline_entry WHERE review_id = $1 AND seq = (SELECT max(seq) FROM rectification_timeline_entry WHERE review_id = $1)', [closed]);
    await db.query(`UPDATE review SET adoption = 'ADOPTED' WHERE id = $1`, [closed]);
    // Closed 30 days ago (outside the default 7) and then altered: not checked, so left as it is.
    await db.query(`UPDATE rectification_case SET closed_at = now() - interval '30 days', state_label = '改过的' WHERE review_id = $1`, [closedLongAgo]);

    const run = await reconcileNow();

    expect(run).toMatchObject({ trigger: 'CONSOLE', status: 'DONE', checked: 2, drifted: 2, repaired: 2, requestedBy: 'county-1' });
    expect(run.drifts).toHaveLength(2);
    const trackingCode = (await db.query<{ tracking_code: string }>('SELECT tracking_code FROM review WHERE id = $1', [open])).rows[0].tracking_code;
    expect(run.drifts.find((drift) => drift.reviewId === open)).toEqual({
      reviewId: open,
      // A person knows the case by its tracking code; a review from the public form has no 办件.
      trackingCode,
      caseNumber: null,
      hallCode: 'jintun',
      hallName: '金屯镇',
      fields: ['missingRow'],
      fieldLabels: ['案件记录缺失'],
      repaired: true,
      reason: null,
      reasonLabel: null,
      foundAt: expect.stringMatching(/\+08:00$/) as unknown,
    });
    expect(run.drifts.find((drift) => drift.reviewId === closed)).toMatchObject({
      hallCode: 'zhifang',
      fields: ['state', 'stateLabel', 'outcome', 'closedAt', 'timeline', 'adoption'],
      fieldLabels: ['办理状态', '状态名称', '办结结果', '办结时间', '办理记录', '采纳状态'],
      repaired: true,
    });
    // Repaired through the projection: the rows are again exactly what the workflows' own projections wrote.
    expect(await caseRows(open)).toEqual(before.open);
    expect(await caseRows(closed)).toEqual(before.closed);
    expect((await caseRows(closedLongAgo)).row?.state_label).toBe('改过的');
    expect(await driftNotices()).toEqual(['案件数据核对发现2件案件的列表数据与整改流程不一致，已按流程状态修复2件。详情请在督查督办的“数据核对”中查看。']);

    // The list: newest first, with N.
    const listed = (await (await get('/read-model-reconciliations')).json()) as { settings: { closedWithinDays: number }; runs: Array<{ id: string; drifted: number; triggerLabel: string; statusLabel: string }> };
    expect(listed.settings.closedWithinDays).toBe(7);
    expect(listed.runs[0]).toMatchObject({ id: run.id, drifted: 2, triggerLabel: '立即核对', statusLabel: '已完成' });
  });

  it('a second run finds nothing to repair and tells nobody', async () => {
    const run = await reconcileNow();
    expect(run).toMatchObject({ status: 'DONE', checked: 2, drifted: 0, repaired: 0, drifts: [] });
    expect(await driftNotices()).toHaveLength(1);
  });

  it('checks the cases closed in the last N days as the admin sets N (audited)', async () => {
    const admin = { 'x-dev-actor': JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] }), 'content-type': 'application/json' };
    const changed = await fetch(`${stack.baseUrl}/admin/read-model-reconciliation-settings`, { method: 'PUT', headers: admin, body: JSON.stringify({ closedWithinDays: 31 }) });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ closedWithinDays: 31, updatedBy: 'admin-1' });
    const refused = await fetch(`${stack.baseUrl}/admin/read-model-reconciliation-settings`, { method: 'PUT', headers: admin, body: JSON.stringify({ closedWithinDays: 91 }) });
    expect(refused.status).toBe(422);

    // The case closed "30 days ago" is now inside the window: its altered row is found and repaired too.
    const run = await reconcileNow();
    expect(run).toMatchObject({ status: 'DONE', checked: 3, drifted: 1, repaired: 1 });
    expect(run.drifts[0].fields).toEqual(['stateLabel', 'closedAt']);
    const audit = await db.query(`SELECT actor_id FROM audit_log WHERE action = 'read-model-reconciliation-settings.update'`);
    expect(audit.rows).toEqual([{ actor_id: 'admin-1' }]);
  });

  it('npm run reconcile (the CLI) runs the same reconciliation on the worker and prints its report', async () => {
    await db.query(`UPDATE rectification_case SET assignee_name = '别人' WHERE review_id = (SELECT review_id FROM rectification_case WHERE state <> 'CLOSED' LIMIT 1)`);
    const cli = path.resolve(__dirname, '../../worker/dist/cli/reconcile.js');
    const env = { ...process.env, TEMPORAL_ADDRESS: testTemporalAddress(), TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: stack.config().taskQueue, USER: 'it-operator' };
    const { stdout } = await promisify(execFile)(process.execPath, [cli], { env });
    expect(stdout).toMatch(/^核对已开始：[0-9a-f-]{36}（workflow read-model-reconciliation-[0-9a-f-]{36}）\n核对 [0-9a-f-]{36}: 核对 3 件，发现偏差 1 件，已修复 1 件\n {2}[0-9a-f-]{36} {2}jintun {2}经办人姓名 {2}已修复\n$/);
    const runs = await db.query(`SELECT trigger, requested_by, drifted FROM read_model_reconciliation_run ORDER BY started_at DESC LIMIT 1`);
    expect(runs.rows).toEqual([{ trigger: 'CLI', requested_by: 'it-operator', drifted: 1 }]);
  });

  it('names a run that does not exist as 404', async () => {
    expect((await get('/read-model-reconciliations/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get('/read-model-reconciliations/not-a-run')).status).toBe(404);
  });
});
