import { startUpstreamSimulator, type UpstreamSimulator } from '@haochaping/upstream-sim';
import { UpstreamHttpDriver } from './upstream-http.driver';

const KEY = 'driver-test-key';

const review = (id: string, more: Record<string, unknown> = {}) => ({
  type: 'REVIEW',
  id,
  areaCode: '370829',
  orgCode: 'jintun',
  orgName: '金屯镇便民服务中心',
  pf: 3,
  channelRaw: 'WINDOW_QR',
  evaluatorType: 1,
  satisfaction: 5,
  evaluateTime: '2026-11-30T02:00:00.000Z',
  evaluateType: 1,
  dataSource: 'JXXHCP',
  ...more,
});

/** The HTTP driver against the real simulator (apps/upstream-sim) on a free port. */
describe('UpstreamHttpDriver', () => {
  let simulator: UpstreamSimulator;
  let driver: UpstreamHttpDriver;

  beforeEach(async () => {
    simulator = await startUpstreamSimulator({ appKey: KEY });
    // A generous limit for the answering cases: a machine busy with the other suites answered the first request of
    // a fresh simulator in more than 500 ms once (2026-12-07). The timeout case below has its own short limit.
    driver = new UpstreamHttpDriver({ url: simulator.url, appKey: KEY, timeoutMs: 10_000 });
  });
  afterEach(async () => {
    await simulator.close();
  });

  const fault = (body: Record<string, unknown>) => fetch(`${simulator.url}/_control/fault`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const stats = async () => (await (await fetch(`${simulator.url}/_control/stats`)).json()) as { deliveriesById: Record<string, number> };

  it('accepted: one answer per record, in order', async () => {
    await expect(driver.postRecords([review('a-1'), review('a-2')])).resolves.toEqual({
      kind: 'answered',
      httpStatus: 200,
      results: [
        { id: 'a-1', status: 'ACCEPTED' },
        { id: 'a-2', status: 'ACCEPTED' },
      ],
    });
  });

  it('duplicate: a record the upstream has already is answered DUPLICATE (ALREADY_EXISTS)', async () => {
    await driver.postRecords([review('d-1')]);
    const again = await driver.postRecords([review('d-1')]);
    expect(again).toEqual({ kind: 'answered', httpStatus: 200, results: [{ id: 'd-1', status: 'DUPLICATE', code: 'ALREADY_EXISTS', message: 'a record with this id already exists' }] });
    expect((await stats()).deliveriesById).toEqual({ 'd-1': 2 });
  });

  it('rejected: a refused record is answered with its code, the others of the batch stored', async () => {
    const outcome = await driver.postRecords([review('r-1', { satisfaction: 9 }), review('r-2')]);
    expect(outcome).toMatchObject({ kind: 'answered', results: [{ id: 'r-1', status: 'REJECTED', code: 'INVALID_RECORD' }, { id: 'r-2', status: 'ACCEPTED' }] });
  });

  it('503: the batch fails as a whole, nothing stored', async () => {
    await fault({ mode: 'fail', status: 503 });
    await expect(driver.postRecords([review('f-1')])).resolves.toEqual({
      kind: 'failed',
      httpStatus: 503,
      error: 'upstream answered HTTP 503: {"code":"UNAVAILABLE","message":"the upstream is unavailable (simulated)"}',
    });
    expect((await stats()).deliveriesById).toEqual({});
  });

  it('timeout: no answer within the limit fails the batch', async () => {
    await fault({ mode: 'timeout', delayMs: 5_000 });
    const impatient = new UpstreamHttpDriver({ url: simulator.url, appKey: KEY, timeoutMs: 500 });
    await expect(impatient.postRecords([review('t-1')])).resolves.toEqual({ kind: 'failed', httpStatus: null, error: 'upstream did not answer within 500 ms' });
  });

  it('a wrong key (401) fails the batch', async () => {
    const stranger = new UpstreamHttpDriver({ url: simulator.url, appKey: 'wrong', timeoutMs: 10_000 });
    await expect(stranger.postRecords([review('k-1')])).resolves.toMatchObject({ kind: 'failed', httpStatus: 401 });
  });

  it('no upstream listening: the batch fails with the connection error', async () => {
    const url = simulator.url;
    await simulator.close();
    simulator = await startUpstreamSimulator({ appKey: KEY });
    const gone = new UpstreamHttpDriver({ url, appKey: KEY, timeoutMs: 10_000 });
    await expect(gone.postRecords([review('c-1')])).resolves.toEqual({ kind: 'failed', httpStatus: null, error: 'upstream unreachable: ECONNREFUSED' });
  });

  it('rectification results and 不予采纳 decisions go in the same batches as reviews, stored by type', async () => {
    const base = { areaCode: '370829', orgCode: 'jintun', orgName: '金屯镇便民服务中心', evaluationId: 'x-1', dataSource: 'JXXHCP' };
    const outcome = await driver.postRecords([
      review('x-1', { satisfaction: 1 }),
      { ...base, type: 'RECTIFICATION', id: 'x-1:result:2', verificationFinding: 'UNTRUE', rectifyTime: '2026-12-01T02:00:00.000Z' },
      { ...base, type: 'REJECTION', id: 'x-1:rejection', finding: 'UNTRUE', reason: '经核实评价不属实', decidedTime: '2026-12-02T02:00:00.000Z' },
    ]);
    expect(outcome).toMatchObject({ kind: 'answered', results: [{ status: 'ACCEPTED' }, { id: 'x-1:result:2', status: 'ACCEPTED' }, { id: 'x-1:rejection', status: 'ACCEPTED' }] });
    expect(await (await fetch(`${simulator.url}/_control/stats`)).json()).toMatchObject({ stored: { REVIEW: 1, RECTIFICATION: 1, REJECTION: 1 } });
  });

  describe('the online-review feed', () => {
    const item = (n: number) => ({ evaluationId: `SD-EVAL-${1000 + n}`, projectNo: `JX-${n}`, satisfaction: 5, evaluateTime: '2026-11-30T02:00:00.000Z' });
    const seed = (items: unknown[]) => fetch(`${simulator.url}/_control/online-reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });

    it('reads a page from a cursor, and the next one from the cursor it gave', async () => {
      await seed([item(1), item(2), item(3)]);
      const first = await driver.getOnlineReviews('', 2);
      expect(first).toEqual({ kind: 'answered', items: [item(1), item(2)], nextCursor: '2' });
      await expect(driver.getOnlineReviews('2', 2)).resolves.toEqual({ kind: 'answered', items: [item(3)], nextCursor: '3' });
      await expect(driver.getOnlineReviews('3', 2)).resolves.toEqual({ kind: 'answered', items: [], nextCursor: '3' });
    });

    it.each<[string, () => Promise<unknown>, Record<string, unknown>]>([
      ['a wrong key (401)', () => new UpstreamHttpDriver({ url: simulator.url, appKey: 'wrong', timeoutMs: 10_000 }).getOnlineReviews('', 2), { httpStatus: 401 }],
      ['a cursor the feed never gave (400)', () => driver.getOnlineReviews('not-a-cursor', 2), { httpStatus: 400 }],
    ])('no page: %s', async (_what, read, expected) => {
      await expect(read()).resolves.toMatchObject({ kind: 'failed', ...expected });
    });
  });
});
