/**
 * bench/exchange: the upward exchange (docs/EXCHANGE.md) on this machine, against a private real stack (embedded
 * PostgreSQL, Temporal dev server, the built API and worker as their own processes) and the upstream simulator
 * (apps/upstream-sim) as its own process. README, "Measured here".
 *
 *   npm run bench:exchange                               # defaults: a backlog of 10,000, then 10 reviews/s for 60 s
 *   BENCH_BACKLOG=20000 BENCH_RATE=20 BENCH_LAG_SECONDS=120 npm run bench:exchange
 *   BENCH_BATCH_SIZE=500 BENCH_INTERVAL_MS=1000 npm run bench:exchange   # EXCHANGE_BATCH_SIZE / EXCHANGE_INTERVAL_MS
 *   BENCH_ANALYZE=1 npm run bench:exchange                # ANALYZE the outbox before the drain
 *
 * 1. Throughput. The worker runs, the upstream is away (the simulator answers 503): BENCH_BACKLOG good reviews
 *    through the public intake (autocannon, 16 connections) wait in the outbox, PENDING, while the delivery loop backs
 *    off. Then the upstream comes back, the loop is told to send now (the signal 上报管理's re-send sends) and drains
 *    the backlog. Records per second = the records of the answered POSTs over the delivery log's span (first POST's
 *    start to last POST's end, `exchange_attempt`); the simulator must have stored every one, exactly once. Where a
 *    round's time goes comes from the loop's Temporal history (lib/delivery-rounds.ts). Beside it, the bare baseline: the same records (the payloads the
 *    worker kept) POSTed to the same simulator, one batch after another with the same batch size, by the worker's own
 *    HTTP driver (UpstreamHttpDriver) in a plain loop: no outbox, no Temporal. Their ratio is what the pipeline costs.
 * 2. Lag at normal load. Reviews through the public API at BENCH_RATE per second for BENCH_LAG_SECONDS (sent on a
 *    fixed schedule, not waiting for answers); per record, its outbox row's `created_at` (the review's own time,
 *    stamped in the transaction that commits both) to its `delivered_at` (the answered POST, committed with it).
 *    Beside it, the floor the design sets: a short batch is followed by EXCHANGE_INTERVAL_MS of rest, so a record
 *    written at a random moment waits for the loop's next round, on average half the interval.
 *
 * The batch size and interval are the worker's production defaults (loadExchangeConfig) unless BENCH_BATCH_SIZE or
 * BENCH_INTERVAL_MS say otherwise. The load average before and after goes into the results: the machine is shared.
 */
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { EXCHANGE_DELIVER_NOW_SIGNAL, EXCHANGE_DELIVERY_WORKFLOW_ID } from '@haochaping/contracts';
import { freePort, SupervisedProcess, waitUntil } from '@haochaping/devstack';
import type { SimulatorStats } from '@haochaping/upstream-sim';
import { loadExchangeConfig, UpstreamHttpDriver } from '@haochaping/worker';
import { deliveryRounds, type RoundEvent } from '../lib/delivery-rounds';
import { machine, writeResults } from '../lib/results-file';
import { percentiles, type Percentiles } from '../lib/percentiles';
import { startBenchStack, type BenchStack } from '../lib/bench-stack';
import { goodReviewBody, submitReviews } from '../lib/submit-reviews';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 10);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 60);
/** BENCH_ANALYZE=1: ANALYZE the outbox before the drain (fresh planner statistics; see README, "Exchange"). */
const ANALYZE = process.env.BENCH_ANALYZE === '1';
const APP_KEY = 'bench-exchange-key';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round1 = (value: number) => Math.round(value * 10) / 10;
const perSecond = (records: number, spanMs: number) => Math.round((records * 1000) / spanMs);

/** The worker's exchange settings: its own defaults, with the bench's knobs when given. */
function exchangeEnv(upstreamUrl: string): Record<string, string> {
  return {
    UPSTREAM_URL: upstreamUrl,
    UPSTREAM_APP_KEY: APP_KEY,
    ...(process.env.BENCH_BATCH_SIZE ? { EXCHANGE_BATCH_SIZE: process.env.BENCH_BATCH_SIZE } : {}),
    ...(process.env.BENCH_INTERVAL_MS ? { EXCHANGE_INTERVAL_MS: process.env.BENCH_INTERVAL_MS } : {}),
  };
}

async function simulatorStats(url: string): Promise<SimulatorStats> {
  const response = await fetch(`${url}/_control/stats`);
  if (!response.ok) throw new Error(`simulator stats: HTTP ${response.status}`);
  return (await response.json()) as SimulatorStats;
}

/** A call to the simulator's /_control endpoints (reset, faults); anything but 200 throws. */
async function controlSimulator(url: string, method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${url}/_control${path}`, { method, ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
}

/** Stored on the simulator: how many, and whether each id was delivered exactly once. */
function storedOnce(stats: SimulatorStats): { stored: number; exactlyOnce: boolean } {
  return { stored: stats.stored.REVIEW + stats.stored.RECTIFICATION + stats.stored.REJECTION, exactlyOnce: Object.values(stats.deliveriesById).every((n) => n === 1) };
}

async function oneRow<T>(db: Client, sql: string, params: unknown[] = []): Promise<T> {
  const row = (await db.query<T & Record<string, unknown>>(sql, params)).rows[0];
  if (!row) throw new Error(`no row: ${sql}`);
  return row;
}

/** The delivery log's answered POSTs since `since`: their span, records and each POST's time. */
async function deliveryLog(db: Client, since: Date): Promise<{ posts: number; records: number; spanMs: number; postMs: Percentiles; recordsPerPost: number; gapMs: { firstQuarter: Percentiles; lastQuarter: Percentiles } }> {
  const rows = (await db.query<{ started_at: Date; finished_at: Date; records: number; http_status: number | null }>(
    'SELECT started_at, finished_at, records, http_status FROM exchange_attempt WHERE started_at >= $1 AND http_status = 200 ORDER BY started_at',
    [since],
  )).rows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) throw new Error('the delivery log has no POST');
  const records = rows.reduce((sum, row) => sum + row.records, 0);
  // From one POST's answer to the next POST: the round's own work besides its POST (the database and Temporal).
  const gaps = rows.slice(1).map((row, index) => row.started_at.getTime() - (rows[index]?.finished_at.getTime() ?? NaN));
  const quarter = Math.max(1, Math.floor(gaps.length / 4));
  return {
    posts: rows.length,
    records,
    spanMs: last.finished_at.getTime() - first.started_at.getTime(),
    postMs: percentiles(rows.map((row) => row.finished_at.getTime() - row.started_at.getTime())),
    recordsPerPost: round1(records / rows.length),
    gapMs: { firstQuarter: percentiles(gaps.slice(0, quarter)), lastQuarter: percentiles(gaps.slice(-quarter)) },
  };
}

const EventType = temporal.api.enums.v1.EventType;
const ROUND_EVENTS = new Map<temporal.api.enums.v1.EventType, RoundEvent['kind']>([
  [EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, 'activityScheduled'],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, 'activityStarted'],
  [EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, 'activityCompleted'],
  [EventType.EVENT_TYPE_TIMER_STARTED, 'timerStarted'],
]);

/** Where a round's time goes: the delivery loop's history (its current run) read from Temporal. */
async function roundBreakdown(temporalClient: TemporalClient) {
  const history = await temporalClient.workflow.getHandle(EXCHANGE_DELIVERY_WORKFLOW_ID).fetchHistory();
  const events = (history.events ?? []).map((event): RoundEvent => {
    const { seconds, nanos } = event.eventTime ?? {};
    const at = (typeof seconds === 'number' ? seconds : (seconds?.toNumber() ?? NaN)) * 1000 + (nanos ?? 0) / 1e6;
    return { kind: ROUND_EVENTS.get(event.eventType ?? EventType.EVENT_TYPE_UNSPECIFIED) ?? 'other', at };
  });
  return deliveryRounds(events);
}

/**
 * Figure 1a: the upstream away (the simulator answers 503) while the backlog is written, so every row waits and the
 * running loop backs off; then the upstream back and the loop told to send now (the signal 上报管理's re-send sends),
 * and the backlog drained by the worker's delivery loop, warm.
 */
async function pipelineThroughput(stack: BenchStack, db: Client, temporalClient: TemporalClient, simulatorUrl: string, run: string) {
  await controlSimulator(simulatorUrl, 'PUT', '/fault', { mode: 'fail', status: 503 });
  stack.startWorker(exchangeEnv(simulatorUrl));
  const written = await submitReviews('backlog', stack.apiUrl, BACKLOG, (n) => goodReviewBody(run, n));
  const pending = Number((await oneRow<{ n: string }>(db, "SELECT count(*) AS n FROM exchange_delivery WHERE status = 'PENDING'")).n);
  if (pending !== BACKLOG) throw new Error(`backlog: ${pending} pending outbox rows, expected ${BACKLOG}`);
  // The loop is running: it has tried the upstream and been refused.
  await waitUntil('the delivery loop tried the upstream', async () => Number((await oneRow<{ n: string }>(db, 'SELECT count(*) AS n FROM exchange_attempt WHERE http_status = 503')).n) > 0, 120_000);
  console.log(`backlog: ${BACKLOG} reviews written (${Math.round(written.requests.average)}/s), ${pending} outbox rows pending; the upstream back, delivering`);

  if (ANALYZE) await db.query('ANALYZE exchange_delivery');
  await controlSimulator(simulatorUrl, 'DELETE', '/fault');
  const since = new Date();
  await temporalClient.workflow.getHandle(EXCHANGE_DELIVERY_WORKFLOW_ID).signal(EXCHANGE_DELIVER_NOW_SIGNAL);
  await waitUntil('the backlog delivered', async () => (await simulatorStats(simulatorUrl)).stored.REVIEW >= BACKLOG, 15 * 60_000, 500);
  // The last round's transaction commits just after its POST was answered.
  await waitUntil('the backlog marked delivered', async () => Number((await oneRow<{ n: string }>(db, "SELECT count(*) AS n FROM exchange_delivery WHERE status = 'DELIVERED'")).n) === BACKLOG, 60_000);
  const simulator = storedOnce(await simulatorStats(simulatorUrl));
  const log = await deliveryLog(db, since);
  const rounds = await roundBreakdown(temporalClient);
  return { ...simulator, ...log, recordsPerSecond: perSecond(log.records, log.spanMs), roundMs: round1(log.spanMs / log.posts), rounds };
}

/** Figure 1b: the records the pipeline sent, as it kept them, POSTed again to an emptied simulator in a plain loop. */
async function bareThroughput(db: Client, simulatorUrl: string, batchSize: number, timeoutMs: number) {
  const payloads = (await db.query<{ payload: Record<string, unknown> }>("SELECT payload FROM exchange_delivery WHERE type = 'REVIEW' ORDER BY id LIMIT $1", [BACKLOG])).rows.map((row) => row.payload);
  await controlSimulator(simulatorUrl, 'POST', '/reset');
  const driver = new UpstreamHttpDriver({ url: simulatorUrl, appKey: APP_KEY, timeoutMs });
  const postMs: number[] = [];
  const t0 = performance.now();
  for (let offset = 0; offset < payloads.length; offset += batchSize) {
    const start = performance.now();
    const outcome = await driver.postRecords(payloads.slice(offset, offset + batchSize));
    postMs.push(performance.now() - start);
    if (outcome.kind !== 'answered' || outcome.results.some((result) => result.status !== 'ACCEPTED')) throw new Error(`bare loop: batch at ${offset} not accepted: ${JSON.stringify(outcome).slice(0, 300)}`);
  }
  const spanMs = performance.now() - t0;
  const simulator = storedOnce(await simulatorStats(simulatorUrl));
  return { ...simulator, posts: postMs.length, spanMs: Math.round(spanMs), postMs: percentiles(postMs), recordsPerSecond: perSecond(simulator.stored, spanMs) };
}

/** Figure 2: reviews at `RATE` per second through the public API, each one's time from commit to delivered. */
async function lagAtNormalLoad(stack: BenchStack, db: Client, simulatorUrl: string, run: string) {
  await controlSimulator(simulatorUrl, 'POST', '/reset');
  const count = Math.round(RATE * LAG_SECONDS);
  const answerMs: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, n) => {
      await sleep(t0 + (n * 1000) / RATE - performance.now());
      const start = performance.now();
      const response = await fetch(`${stack.apiUrl}/api/public/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: goodReviewBody(run, n) });
      answerMs.push(performance.now() - start);
      if (response.status !== 201) throw new Error(`review ${n}: HTTP ${response.status} ${await response.text()}`);
    }),
  );
  const sentSeconds = round1((performance.now() - t0) / 1000);
  const since = new Date(Date.now() - (performance.now() - t0));
  await waitUntil('the reviews at normal load delivered', async () => (await simulatorStats(simulatorUrl)).stored.REVIEW >= count, 5 * 60_000, 500);
  const rows = (await db.query<{ lag_ms: number; status: string }>(
    `SELECT extract(epoch FROM d.delivered_at - d.created_at)::float8 * 1000 AS lag_ms, d.status::text AS status
     FROM exchange_delivery d JOIN review r ON r.id = d.review_id WHERE r.client_key LIKE $1`,
    [`${run}-%`],
  )).rows;
  const undelivered = rows.filter((row) => row.status !== 'DELIVERED').length;
  if (rows.length !== count || undelivered > 0) throw new Error(`lag: ${rows.length} outbox rows for ${count} reviews, ${undelivered} not delivered`);
  const lags = rows.map((row) => row.lag_ms);
  return {
    ratePerSecond: RATE,
    seconds: LAG_SECONDS,
    reviews: count,
    sentSeconds,
    apiAnswerMs: percentiles(answerMs),
    lagMs: percentiles(lags),
    deliveryLog: await deliveryLog(db, since),
    ...storedOnce(await simulatorStats(simulatorUrl)),
  };
}

function loadAverage(): { at: string; oneMinute: number; fiveMinutes: number; fifteenMinutes: number } {
  const [oneMinute = NaN, fiveMinutes = NaN, fifteenMinutes = NaN] = os.loadavg().map(round1);
  return { at: new Date().toISOString(), oneMinute, fiveMinutes, fifteenMinutes };
}

async function main(): Promise<void> {
  const loadBefore = loadAverage();
  const simulatorPort = await freePort();
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const exchange = loadExchangeConfig({ ...process.env, ...exchangeEnv(simulatorUrl) });
  if (!exchange) throw new Error('the exchange is off: UPSTREAM_URL was not taken');
  const { batchSize, intervalMs } = exchange.delivery;
  console.log(`bench/exchange: a backlog of ${BACKLOG}, then ${RATE} reviews/s for ${LAG_SECONDS} s; batch ${batchSize}, interval ${intervalMs} ms; ${os.cpus().length} cores, load average ${loadBefore.oneMinute}`);

  const simulator = new SupervisedProcess('upstream', process.execPath, [path.join(REPO_ROOT, 'apps', 'upstream-sim', 'dist', 'main.js')], {
    env: { ...process.env, UPSTREAM_PORT: String(simulatorPort), UPSTREAM_APP_KEY: APP_KEY },
  });
  let stack: BenchStack | undefined;
  let db: Client | undefined;
  let temporalConnection: Connection | undefined;
  try {
    await waitUntil('the upstream simulator', () => {
      if (!simulator.running) return Promise.reject(new Error(`the simulator exited:\n${simulator.tail()}`));
      return Promise.resolve(simulator.tail().includes('upstream simulator listening'));
    }, 30_000);
    // Generous public limits: the backlog is one client address writing thousands of reviews on purpose.
    stack = await startBenchStack({ apiEnv: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000' } });
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    temporalConnection = await Connection.connect({ address: stack.temporalAddress });
    const temporalClient = new TemporalClient({ connection: temporalConnection });
    const stamp = Date.now().toString(36);

    const pipeline = await pipelineThroughput(stack, db, temporalClient, simulatorUrl, `xb-backlog-${stamp}`);
    console.log('pipeline', pipeline);
    const bare = await bareThroughput(db, simulatorUrl, batchSize, exchange.upstream.timeoutMs);
    console.log('bare', bare);
    const lag = await lagAtNormalLoad(stack, db, simulatorUrl, `xb-lag-${stamp}`);
    console.log('lag', lag);
    const loadAfter = loadAverage();

    const ratio = pipeline.recordsPerSecond / bare.recordsPerSecond;
    console.table([
      { what: 'throughput: outbox → Temporal → simulator', 'records/s': pipeline.recordsPerSecond, n: pipeline.stored, 'p50 ms': pipeline.postMs.p50Ms, 'p95 ms': pipeline.postMs.p95Ms, 'p99 ms': pipeline.postMs.p99Ms, 'max ms': pipeline.postMs.maxMs, note: `${pipeline.posts} POSTs; a round ${pipeline.roundMs} ms, its POST (p50/p95… columns) included` },
      { what: 'throughput: bare POST loop (same records)', 'records/s': bare.recordsPerSecond, n: bare.stored, 'p50 ms': bare.postMs.p50Ms, 'p95 ms': bare.postMs.p95Ms, 'p99 ms': bare.postMs.p99Ms, 'max ms': bare.postMs.maxMs, note: `pipeline = ${ratio.toFixed(2)} × bare` },
      { what: `lag commit → delivered at ${RATE}/s`, 'records/s': RATE, n: lag.lagMs.n, 'p50 ms': lag.lagMs.p50Ms, 'p95 ms': lag.lagMs.p95Ms, 'p99 ms': lag.lagMs.p99Ms, 'max ms': lag.lagMs.maxMs, note: `${lag.reviews} reviews in ${lag.sentSeconds} s` },
      { what: 'lag floor: the rest between rounds', 'records/s': '', n: '', 'p50 ms': intervalMs / 2, 'p95 ms': Math.round(intervalMs * 0.95), 'p99 ms': Math.round(intervalMs * 0.99), 'max ms': intervalMs, note: `EXCHANGE_INTERVAL_MS ${intervalMs}, uniform wait` },
    ]);
    const checks = {
      everyBacklogRecordOnce: pipeline.stored === BACKLOG && pipeline.exactlyOnce,
      bareStoredAll: bare.stored === BACKLOG && bare.exactlyOnce,
      everyLagRecordOnce: lag.stored === lag.reviews && lag.exactlyOnce,
    };
    const { rounds } = pipeline;
    console.log(
      `a full round (${rounds.rounds} back to back): in Temporal's queue p50 ${rounds.queueMs.p50Ms} ms, the activity p50 ${rounds.activityMs.p50Ms} ms (its POST p50 ${pipeline.postMs.p50Ms} ms), ` +
        `completed → next scheduled (workflow task) p50 ${rounds.betweenMs.p50Ms} ms; between two POSTs p50 ${pipeline.gapMs.firstQuarter.p50Ms} ms in the first quarter of the drain, ${pipeline.gapMs.lastQuarter.p50Ms} ms in the last`,
    );
    console.log('checks:', checks, `load average ${loadBefore.oneMinute} before, ${loadAfter.oneMinute} after`);

    const results = { machine: machine(), settings: { backlog: BACKLOG, ratePerSecond: RATE, lagSeconds: LAG_SECONDS, batchSize, intervalMs, analyzedBeforeDrain: ANALYZE }, loadBefore, loadAfter, pipeline, bare, ratio: round1(ratio * 100) / 100, lag, lagFloorMs: { p50: intervalMs / 2, max: intervalMs }, checks };
    const file = writeResults('exchange', results);
    console.log(`written ${path.relative(process.cwd(), file)}`);
    if (!Object.values(checks).every(Boolean)) throw new Error('a record was lost or delivered twice: see checks');
  } finally {
    await db?.end();
    await temporalConnection?.close();
    await stack?.stop();
    await simulator.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
