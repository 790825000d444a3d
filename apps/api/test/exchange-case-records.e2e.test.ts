import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { testTemporalAddress } from '@haochaping/devstack';
import { recordErrors, startUpstreamSimulator, type SimulatorStats, type UpstreamRecord, type UpstreamSimulator } from '@haochaping/upstream-sim';
import { loadExchangeConfig, type ExchangeConfig } from '@haochaping/worker';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { query } from './helpers/sql';

/**
 * Rectification results (整改反馈) and 不予采纳 decisions go up (docs/EXCHANGE.md, issue 15): people act on two cases
 * over HTTP — one rejected, one rectified and confirmed — and every fact each case recorded reaches the simulator of
 * the upstream exactly once, through the worker's real delivery loop (the API, the worker module, PostgreSQL, the
 * Temporal dev server and the simulator over real HTTP).
 */
describe('rectification results and 不予采纳 decisions are delivered upward', () => {
  const KEY = 'exchange-case-records-e2e';
  let simulator: UpstreamSimulator;
  let stack: E2eStack;
  let exchange: ExchangeConfig;

  beforeAll(async () => {
    simulator = await startUpstreamSimulator({ appKey: KEY });
    const config = loadExchangeConfig({ UPSTREAM_URL: simulator.url, UPSTREAM_APP_KEY: KEY, EXCHANGE_INTERVAL_MS: '200' });
    if (!config) throw new Error('the exchange configuration needs UPSTREAM_URL');
    // Its own delivery loop: other test files share the Temporal namespace.
    exchange = { ...config, workflowId: `exchange-delivery-${randomUUID()}` };
    stack = await startE2eStack({ exchange: () => exchange });
  });
  afterAll(async () => {
    const connection = await Connection.connect({ address: testTemporalAddress() });
    await new Client({ connection }).workflow.getHandle(exchange.workflowId ?? '').terminate('test over').catch(() => undefined);
    await connection.close();
    await stack?.close();
    await simulator?.close();
  });

  const actor = (userId: string, role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes }) });
  const handler = actor('handler-jintun', 'HANDLER', ['jintun']);
  const supervisor = actor('county-1', 'COUNTY_SUPERVISOR');
  const citizen = actor('citizen-1', 'CITIZEN');

  async function act(id: string, action: string, body: unknown, headers: Record<string, string>): Promise<void> {
    const response = await fetch(`${stack.baseUrl}/rectifications/${id}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  }

  /** A bad review, anonymous (no callback owed); answers once its case is in the read model. */
  async function openCase(): Promise<string> {
    const response = await fetch(`${stack.baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'jintun', level: 2, comment: '办理效率低', clientKey: randomUUID() }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: supervisor })).status === 200);
    return id;
  }

  const control = async <T>(path: string): Promise<T> => (await (await fetch(`${simulator.url}${path}`)).json()) as T;
  const upstreamRecordsOf = async (reviewId: string) =>
    (await control<{ records: UpstreamRecord[] }>('/_control/records')).records.filter((record) => record.id === reviewId || record.evaluationId === reviewId);

  it('each fact of a rejected case and of a rectified, confirmed case is stored upstream once, valid, and the outbox holds one row per fact', async () => {
    const rejected = await openCase();
    await act(rejected, 'verify', { finding: 'MALICIOUS', evidenceNotes: '监控显示评价人当日未到窗口' }, handler);
    await act(rejected, 'decide-rejection', { decision: 'APPROVE', reason: '经调取监控，评价人未到窗口办理' }, supervisor);

    const rectified = await openCase();
    await act(rectified, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '排队属实' }, handler);
    await act(rectified, 'record-rectification', { measures: '高峰期增开窗口', result: '已整改，等候时间缩短' }, handler);
    await act(rectified, 'confirm', { answer: 'SATISFIED', comment: '满意' }, citizen);

    // [case, the records expected upstream: the review, then its facts in order]
    const expected: Array<[string, Array<Record<string, unknown>>]> = [
      [
        rejected,
        [
          { type: 'REVIEW', id: rejected, satisfaction: 2 },
          { type: 'RECTIFICATION', evaluationId: rejected, verificationFinding: 'MALICIOUS' },
          { type: 'REJECTION', id: `${rejected}:rejection`, evaluationId: rejected, finding: 'MALICIOUS', reason: '经调取监控，评价人未到窗口办理' },
        ],
      ],
      [
        rectified,
        [
          { type: 'REVIEW', id: rectified, satisfaction: 2 },
          { type: 'RECTIFICATION', evaluationId: rectified, verificationFinding: 'TRUE' },
          { type: 'RECTIFICATION', evaluationId: rectified, measures: '高峰期增开窗口', result: '已整改，等候时间缩短' },
          { type: 'RECTIFICATION', evaluationId: rectified, confirmation: 'SATISFIED' },
        ],
      ],
    ];
    for (const [reviewId, records] of expected) {
      const stored = await eventually(async () => {
        const found = await upstreamRecordsOf(reviewId);
        return found.length >= records.length && found;
      });
      const ordered = [...stored].sort((a, b) => order(a) - order(b));
      expect(ordered).toEqual(records.map((record): unknown => expect.objectContaining({ ...record, areaCode: '370829', orgCode: 'jintun' })));
      for (const record of stored) expect(recordErrors(record)).toEqual([]);
    }

    // Delivered once each, stored once each (a second delivery would be counted here, answered DUPLICATE).
    const stats = await control<SimulatorStats>('/_control/stats');
    const ids = (await Promise.all([rejected, rectified].map(upstreamRecordsOf))).flat().map((record) => record.id);
    expect(ids).toHaveLength(7);
    for (const id of ids) expect(stats.deliveriesById[id]).toBe(1);
    expect(stats.stored).toMatchObject({ REJECTION: 1, RECTIFICATION: 4 });

    // The county's side: one DELIVERED row per fact, naming its timeline entry; the same facts count on both sides.
    const rows = await outboxRows(stack.db.url, [rejected, rectified]);
    expect(rows.map((row) => row.record_id).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1 });
      expect(row.timeline_seq === null).toBe(row.type === 'REVIEW');
    }
  });
});

function outboxRows(url: string, reviewIds: string[]) {
  const sql = 'SELECT record_id, type, status::text, attempts, timeline_seq FROM exchange_delivery WHERE review_id = ANY($1::uuid[]) ORDER BY id';
  return query<{ record_id: string; type: string; status: string; attempts: number; timeline_seq: number | null }>(url, sql, [reviewIds]);
}

/** RECTIFICATION records sort by their timeline entry; the review first, the decision last. */
function order(record: UpstreamRecord): number {
  if (record.type === 'REVIEW') return -1;
  if (record.type === 'REJECTION') return 1_000_000;
  return Number(record.id.split(':result:')[1]);
}
