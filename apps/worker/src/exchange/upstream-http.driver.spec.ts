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
});
