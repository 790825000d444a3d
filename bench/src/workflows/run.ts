/**
 * bench/workflows: the rectification workflow under load, against a private real stack (PostgreSQL, Temporal dev
 * server, API and worker as their own processes). README, "Measured here".
 *
 *   npm run bench:workflows                 # all five measurements
 *   BENCH_OPEN_CASES=2000 npm run bench:workflows   # a smaller memory step (default 10000)
 *   BENCH_TEMPORAL=postgres npm run bench:workflows # on the Temporal server on PostgreSQL (default: the dev server)
 *
 * 1. bad review → running workflow: POST /api/public/reviews, then poll GET /api/rectifications/:id (the read
 *    model the console reads) until the case is there; one review at a time.
 * 2. action latency: POST …/actions/verify, then poll the read model until it shows the new state.
 * 3. sustained starts: bad reviews as fast as autocannon sends them; starts/s until every case is in the read model,
 *    beside the bare baseline measured just before on the same server: a workflow issuing the same commands with
 *    activities that do no database work (bare/workflows.ts), started directly by a client.
 * 4. worker memory (VmRSS of the worker process) with BENCH_OPEN_CASES open cases, all started and idle.
 * 5. burst: 1,000 callback deadlines falling due in the same minute; each one's lateness (escalation in the read
 *    model minus its due time), beside the bare baseline measured just before: as many bare timers each followed by
 *    an activity doing nothing, in a minute of their own.
 * 6. mixed burst: BENCH_MIXED reviews (default 100,000), 1 in 100 bad, as fast as the intake takes them: every one
 *    stored, exactly one workflow per bad review.
 *    Working-time clocks only fall due in office time, so the burst runs under an SLA policy version whose
 *    立整立改 callback counts 1 calendar hour (what a county reading the seed literally would configure), and
 *    its reviews are dated 1 hour before the chosen minute.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { DEFAULT_SLA_POLICY, RECTIFICATION_WORKFLOW_TYPE, type SlaPolicy } from '@haochaping/contracts';
import { Client, Connection } from '@temporalio/client';
import { createPrismaClient, enqueueRectificationStart, HALLS, Prisma, type PrismaClient } from '@haochaping/db';
import { DataProtector, newTrackingCode } from '@haochaping/privacy/server';
import { machine, writeResults } from '../lib/results-file';
import { percentiles, type Percentiles } from '../lib/percentiles';
import { startBenchStack, type BenchStack, type BenchTemporal } from '../lib/bench-stack';
import { goodReviewBody, submitReviews } from '../lib/submit-reviews';
import { bareDeadlineLateness } from './bare/deadlines';
import { bareSustainedStarts } from './bare/sustained';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const SUSTAINED = Number(process.env.BENCH_SUSTAINED ?? 3000);
const OPEN_CASES = Number(process.env.BENCH_OPEN_CASES ?? 10_000);
const BURST = Number(process.env.BENCH_BURST ?? 1000);
/** P2's burst: this many reviews as fast as the intake takes them, 1 in 100 bad. */
const MIXED = Number(process.env.BENCH_MIXED ?? 100_000);
/** `dev` (the Temporal dev server, the default profile) or `postgres` (the Temporal server on PostgreSQL, the production one). */
const TEMPORAL = (process.env.BENCH_TEMPORAL ?? 'dev') as BenchTemporal;

const supervisor = JSON.stringify({ userId: 'bench-county', role: 'COUNTY_SUPERVISOR', hallCodes: [] });
const handlerOf = (hallCode: string) => JSON.stringify({ userId: `bench-handler-${hallCode}`, role: 'HANDLER', hallCodes: [hallCode] });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` answers true; the time it did, in ms since `since`. */
async function until(what: string, probe: () => Promise<boolean>, since: number, timeoutMs = 60_000, intervalMs = 5): Promise<number> {
  for (;;) {
    if (await probe()) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

function badReviewBody(run: string, n: number): string {
  return JSON.stringify({ hallCode: HALLS[n % HALLS.length]?.code, level: 1 + (n % 2), comment: '排队时间太长，窗口只开了一个', clientKey: `wf-${run}-${n}` });
}

async function submitBadReview(stack: BenchStack, run: string, n: number): Promise<{ id: string; hallCode: string }> {
  const response = await fetch(`${stack.apiUrl}/api/public/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: badReviewBody(run, n) });
  if (response.status !== 201) throw new Error(`review ${n}: HTTP ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { id: string; hallCode: string };
  return { id: body.id, hallCode: body.hallCode };
}

async function readModelState(stack: BenchStack, id: string): Promise<string | undefined> {
  const response = await fetch(`${stack.apiUrl}/api/rectifications/${id}`, { headers: { 'x-dev-actor': supervisor } });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET rectification ${id}: HTTP ${response.status}`);
  return ((await response.json()) as { state: string }).state;
}

/** 1 and 2: one review at a time until it is in the read model; then one verification at a time until it shows. */
async function latencies(stack: BenchStack): Promise<{ start: Percentiles; action: Percentiles }> {
  // Warm-up, not measured: the worker's first workflow task waits for its workflow bundle and connections.
  for (let n = 0; n < 5; n++) {
    const t0 = performance.now();
    const review = await submitBadReview(stack, 'warm-up', n);
    await until(`warm-up case ${review.id}`, async () => (await readModelState(stack, review.id)) !== undefined, t0, 120_000, 50);
  }
  const startMs: number[] = [];
  const cases: Array<{ id: string; hallCode: string }> = [];
  for (let n = 0; n < SAMPLES; n++) {
    const t0 = performance.now();
    const review = await submitBadReview(stack, 'latency', n);
    startMs.push(await until(`case ${review.id} in the read model`, async () => (await readModelState(stack, review.id)) !== undefined, t0));
    cases.push(review);
  }
  const actionMs: number[] = [];
  for (const review of cases) {
    const t0 = performance.now();
    const response = await fetch(`${stack.apiUrl}/api/rectifications/${review.id}/actions/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-actor': handlerOf(review.hallCode) },
      body: JSON.stringify({ finding: 'TRUE', category: 'TIME_LIMITED', notes: '经核实，当日窗口人手不足，属实' }),
    });
    if (!response.ok) throw new Error(`verify ${review.id}: HTTP ${response.status} ${await response.text()}`);
    actionMs.push(await until(`verification of ${review.id} in the read model`, async () => (await readModelState(stack, review.id)) !== 'PENDING_VERIFICATION', t0));
  }
  return { start: percentiles(startMs), action: percentiles(actionMs) };
}

async function openCases(prisma: PrismaClient): Promise<number> {
  return prisma.rectificationCase.count({ where: { closedAt: null } });
}

/** 3: `count` bad reviews as fast as autocannon sends them, then until every one of them is a case in the read model. */
async function sustainedStarts(stack: BenchStack, prisma: PrismaClient, run: string, count: number): Promise<{ reviews: number; submitSeconds: number; startsPerSecond: number; allStartedSeconds: number }> {
  const before = await prisma.rectificationCase.count();
  const t0 = performance.now();
  await submitReviews('sustained', stack.apiUrl, count, (n) => badReviewBody(run, n));
  const submitMs = performance.now() - t0;
  const allMs = await until('every case started', async () => (await prisma.rectificationCase.count()) - before >= count, t0, 30 * 60_000, 250);
  return { reviews: count, submitSeconds: round(submitMs / 1000), startsPerSecond: Math.round(count / (allMs / 1000)), allStartedSeconds: round(allMs / 1000) };
}

/**
 * 6: MIXED reviews through the public intake as fast as 16 connections send them, 1 in 100 bad: every accepted review
 * stored, and exactly one rectification workflow per bad review (Temporal's own count of executions of the type
 * against the bad reviews in the database, every one of which has its case).
 */
async function mixedBurst(stack: BenchStack, prisma: PrismaClient, count: number) {
  const reviewsBefore = await prisma.review.count();
  const t0 = performance.now();
  const result = await submitReviews('mixed burst', stack.apiUrl, count, (n) =>
    n % 100 === 0 ? badReviewBody('mixed', n) : goodReviewBody('mixed-burst', n),
  );
  const acceptedSeconds = (performance.now() - t0) / 1000;
  const stored = (await prisma.review.count()) - reviewsBefore;
  const bad = await prisma.review.count({ where: { level: { lte: 2 } } });
  const allCasesMs = await until('every bad review of the burst a case', async () => (await prisma.rectificationCase.count()) >= bad, t0, 30 * 60_000, 500);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  try {
    const { count: workflows } = await new Client({ connection }).workflow.count(`WorkflowType = '${RECTIFICATION_WORKFLOW_TYPE}'`);
    return {
      reviews: count,
      accepted: result['2xx'],
      acceptedPerSecond: Math.round(count / acceptedSeconds),
      stored,
      badReviewsInDatabase: bad,
      rectificationWorkflows: workflows,
      allCasesSeconds: round(allCasesMs / 1000),
      allStoredAndOneWorkflowEach: stored === count && workflows === bad,
    };
  } finally {
    await connection.close();
  }
}

function workerMemory(pid: number | undefined): { rssMiB: number; peakRssMiB: number } {
  if (!pid) throw new Error('the worker process has no pid');
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
}

/** 5: BURST real-name bad reviews whose 1-hour callback falls due inside one minute; until all are escalated. */
async function burst(prisma: PrismaClient, protector: DataProtector): Promise<{ deadlines: number; dueMinute: string; allEscalatedSecondsAfterLastDue: number; lateness: Percentiles; escalatedWithin60s: boolean }> {
  const current = await prisma.slaPolicyVersion.findFirstOrThrow({ orderBy: { version: 'desc' } });
  const literal: SlaPolicy = {
    ...DEFAULT_SLA_POLICY,
    version: current.version + 1,
    categories: { ...DEFAULT_SLA_POLICY.categories, IMMEDIATE: { callback: { amount: 1, unit: 'CALENDAR_HOURS' }, result: { amount: 1, unit: 'CALENDAR_DAYS' } } },
  };
  await prisma.slaPolicyVersion.create({ data: { version: literal.version, policy: literal as unknown as Prisma.InputJsonObject, createdBy: 'bench', note: 'bench: 1 calendar hour callback' } });
  const optionSet = await prisma.optionSet.findFirstOrThrow({ where: { nature: 'OFFLINE' }, orderBy: { version: 'desc' } });
  const halls = await prisma.hall.findMany();

  // The due minute starts 3 minutes from now: time to start BURST workflows before their clocks run out.
  const dueMinute = Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000;
  const ids: string[] = [];
  for (let offset = 0; offset < BURST; offset += 100) {
    await prisma.$transaction(async (tx) => {
      for (let n = offset; n < Math.min(BURST, offset + 100); n++) {
        const hall = halls[n % halls.length];
        if (!hall) throw new Error('no halls');
        const phone = `137${String(10_000_000 + n).padStart(8, '0')}`;
        // Spread over the minute: review time = due − 1 hour.
        const reviewedAt = new Date(dueMinute + Math.floor((n * 60_000) / BURST) - 3_600_000);
        const review = await tx.review.create({
          data: {
            hallId: hall.id, level: 1, channel: 'PUBLIC_FORM', comment: '工作人员态度生硬', clientKey: `burst-${n}-${dueMinute}`, trackingCode: newTrackingCode(),
            optionSetId: optionSet.id, optionSetVersion: optionSet.version, optionCodes: ['A1'],
            reviewerKind: 'REAL_NAME', reviewerPhoneEnc: protector.encrypt(phone), reviewerPhoneHash: protector.phoneHash(phone), createdAt: reviewedAt,
          },
        });
        await enqueueRectificationStart(tx, { reviewId: review.id, hallCode: hall.code, level: 1, reviewedAt: reviewedAt.toISOString() });
        ids.push(review.id);
      }
    });
  }
  const started = await until('the burst cases started', async () => (await prisma.rectificationCase.count({ where: { reviewId: { in: ids } } })) === BURST, performance.now(), 10 * 60_000, 500);
  if (Date.now() >= dueMinute) throw new Error(`the burst cases took ${Math.round(started / 1000)} s to start: their deadlines passed before the measurement`);
  const lastDue = dueMinute + 60_000;
  await sleep(dueMinute - Date.now());
  const t0 = performance.now() - (Date.now() - lastDue); // a clock whose zero is the last deadline of the minute
  const escalatedMs = await until('every burst case escalated', async () => (await prisma.rectificationCase.count({ where: { reviewId: { in: ids }, escalationLevel: { gte: 1 } } })) === BURST, t0, 10 * 60_000, 250);
  // Each case's own lateness: when its escalation reached the read model (updated_at of its last projection) minus
  // its callback due time (still recorded: the obligation stays open).
  const lags = await prisma.$queryRaw<Array<{ ms: number }>>`
    SELECT extract(epoch FROM updated_at - callback_due_at)::float8 * 1000 AS ms FROM rectification_case WHERE review_id = ANY(${ids}::uuid[])`;
  const lateness = percentiles(lags.map((lag) => lag.ms));
  return {
    deadlines: BURST,
    dueMinute: new Date(dueMinute).toISOString(),
    allEscalatedSecondsAfterLastDue: round(escalatedMs / 1000),
    lateness,
    escalatedWithin60s: lateness.maxMs <= 60_000,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  if (TEMPORAL !== 'dev' && TEMPORAL !== 'postgres') throw new Error(`BENCH_TEMPORAL must be dev or postgres, got "${String(TEMPORAL)}"`);
  console.log(`bench/workflows: ${SAMPLES} samples, ${SUSTAINED} sustained starts, ${OPEN_CASES} open cases, a burst of ${BURST}; Temporal ${TEMPORAL}; ${os.cpus().length} cores`);
  const stack = await startBenchStack({
    worker: true,
    temporal: TEMPORAL,
    // The actions go through the development identity header (real sign-in arrives with the console issue).
    apiEnv: { APP_MODE: 'development', PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000', OUTBOX_POLL_MS: '500' },
    workerEnv: { APP_MODE: 'development' },
  });
  const prisma = createPrismaClient({ databaseUrl: stack.databaseUrl, poolSize: 4 });
  const protector = new DataProtector(stack.dataKey);
  try {
    const latency = await latencies(stack);
    console.log('latency', latency);
    // The bare baseline first, on the same server (then terminated), so the real run meets no fewer workflows.
    const bare = await bareSustainedStarts(stack.temporalAddress, SUSTAINED, 'sustained');
    console.log('sustained, bare workflow', bare);
    const measured = await sustainedStarts(stack, prisma, 'sustained', SUSTAINED);
    const sustained = { ...measured, bare, timesBare: Math.round((measured.startsPerSecond / bare.startsPerSecond) * 100) / 100 };
    console.log('sustained', sustained);
    const missing = OPEN_CASES - (await openCases(prisma));
    if (missing > 0) await sustainedStarts(stack, prisma, 'fill', missing);
    await sleep(10_000); // let the worker settle: every open case started and idle on its timers
    const memory = { openCases: await openCases(prisma), ...workerMemory(stack.workerPid) };
    console.log('memory', memory);
    let burstResult = null;
    if (BURST > 0) {
      // The bare baseline first: as many bare deadlines (a timer, an activity doing nothing) in a minute of their own.
      const bare = await bareDeadlineLateness(stack.temporalAddress, BURST, Math.ceil((Date.now() + 2 * 60_000) / 60_000) * 60_000);
      const measured = await burst(prisma, protector);
      burstResult = { ...measured, bare, p99TimesBare: Math.round((measured.lateness.p99Ms / Math.max(1, bare.lateness.p99Ms)) * 100) / 100 };
    }
    console.log('burst', burstResult);
    const mixed = MIXED > 0 ? await mixedBurst(stack, prisma, MIXED) : null;
    console.log('mixed burst', mixed);

    const results = { machine: machine(), temporal: TEMPORAL, latency, sustained, memory, burst: burstResult, mixed, targets: { actionP95Under300Ms: latency.action.p95Ms < 300, sustainedStartsAtLeastHalfBare: sustained.timesBare >= 0.5, burstWithin60s: burstResult?.escalatedWithin60s ?? null, burstLatenessP99AtMost1_2Bare: burstResult ? burstResult.p99TimesBare <= 1.2 : null, mixedAllStoredOneWorkflowEach: mixed?.allStoredAndOneWorkflowEach ?? null } };
    console.log(JSON.stringify(results, null, 2));
    writeResults('workflows', results);
  } finally {
    await prisma.$disconnect();
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
