/**
 * bench/intake: good-review submissions per second and latency over HTTP against the real stack, compared with a
 * bare Fastify + pg endpoint inserting the same row on the same PostgreSQL (README, "Measured here").
 *
 *   npm run bench:intake                          # defaults: 16 connections, 5 s warm-up, 20 s measured
 *   BENCH_CONNECTIONS=32 BENCH_DURATION=30 npm run bench:intake
 *
 * Load generator: autocannon (npm), in this process, on the same machine as the stack. Every request carries a
 * fresh clientKey, so each one is a new review; the run then counts the rows to check that every 2xx was stored.
 *
 * Three targets: the bare endpoint and the API's public form (随时可评) insert the same row, so their ratio is the
 * stack's overhead; the API's window QR rating (一次一评: the case found by id, its phone checked by keyed hash, one
 * review per case) is the citizen's usual path, measured on cases seeded for the run, one per request.
 */
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { DataProtector } from '@haochaping/privacy/server';
import { freePort, SupervisedProcess, waitUntil } from '@haochaping/devstack';
import { startBenchStack } from '../lib/bench-stack';
import { goodReviewBody } from '../lib/submit-reviews';
import { machine, writeResults } from '../lib/results-file';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const durationS = Number(process.env.BENCH_DURATION ?? 20);
const warmupS = Number(process.env.BENCH_WARMUP ?? 5);

interface Measurement {
  target: string;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  non2xx: number;
  errors: number;
}

/** Seeds `count` cases completed an hour ago at windows of every hall, each with its own applicant phone. */
async function seedCases(databaseUrl: string, protector: DataProtector, count: number): Promise<Array<{ caseId: string; hallCode: string; windowCode: string; phone: string }>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const windows = (await client.query<{ hall_id: string; hall_code: string; window_id: string; window_code: string }>(
      'SELECT h.id AS hall_id, h.code AS hall_code, w.id AS window_id, w.code AS window_code FROM service_window w JOIN hall h ON h.id = w.hall_id ORDER BY h.code, w.code',
    )).rows;
    const item = (await client.query<{ id: string }>("SELECT id FROM service_item WHERE nature = 'OFFLINE' ORDER BY code LIMIT 1")).rows[0];
    if (!item || windows.length === 0) throw new Error('no reference data to seed cases on');
    const cases = Array.from({ length: count }, (_, n) => {
      const window = windows[n % windows.length];
      if (!window) throw new Error('no window');
      return { caseId: randomUUID(), phone: `139${String(n).padStart(8, '0')}`, window };
    });
    const completedAt = new Date(Date.now() - 3_600_000);
    for (let offset = 0; offset < cases.length; offset += 5000) {
      const chunk = cases.slice(offset, offset + 5000);
      await client.query(
        `INSERT INTO service_case (id, case_number, service_item_id, hall_id, window_id, applicant_kind, applicant_name_enc, applicant_phone_enc,
           applicant_phone_hash, received_at, completed_at, channel, source, updated_at)
         SELECT id, 'BENCH-' || id, $1, hall_id, window_id, 'PERSON', name_enc, phone_enc, phone_hash, $2, $2, 'WINDOW', 'bench', now()
         FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[]) AS t(id, hall_id, window_id, name_enc, phone_enc, phone_hash)`,
        [
          item.id,
          completedAt,
          chunk.map((c) => c.caseId),
          chunk.map((c) => c.window.hall_id),
          chunk.map((c) => c.window.window_id),
          chunk.map(() => protector.encrypt('测试申请人')),
          chunk.map((c) => protector.encrypt(c.phone)),
          chunk.map((c) => protector.phoneHash(c.phone)),
        ],
      );
    }
    return cases.map((c) => ({ caseId: c.caseId, hallCode: c.window.hall_code, windowCode: c.window.window_code, phone: c.phone }));
  } finally {
    await client.end();
  }
}


async function load(target: string, url: string, run: string, seconds: number, body: (run: string, n: number) => string = (run, n) => goodReviewBody(`bench-${run}`, n)): Promise<Measurement> {
  let n = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: body(run, n++) }) }],
  });
  return {
    target,
    requestsPerSecond: Math.round(result['2xx'] / seconds),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function countReviews(databaseUrl: string, prefix: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM review WHERE client_key LIKE $1', [`${prefix}%`]);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`bench/intake: ${connections} connections, ${warmupS} s warm-up, ${durationS} s measured; ${os.cpus().length} cores`);
  // Generous public limits: the benchmark is one client address hammering the API on purpose.
  const stack = await startBenchStack({ ...(process.env.BENCH_API_NODE_ARGS ? { apiNodeArgs: process.env.BENCH_API_NODE_ARGS.split(' ') } : {}), apiEnv: { PUBLIC_RATE_LIMIT_PER_MINUTE: process.env.BENCH_PUBLIC_LIMIT ?? '100000000', PHONE_LOOKUP_LIMIT_PER_HOUR: '0', ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}) } });
  // Enough cases for the window QR target at up to 3,000 ratings/s (each case is rated once).
  const cases = await seedCases(stack.databaseUrl, new DataProtector(stack.dataKey), (warmupS + durationS) * 3000);
  let nextCase = 0;
  const windowQrBody = (run: string, n: number): string => {
    const rated = cases[nextCase++];
    if (!rated) throw new Error('bench/intake ran out of seeded cases: raise the number seeded');
    return JSON.stringify({ channel: 'WINDOW_QR', hallCode: rated.hallCode, windowCode: rated.windowCode, caseId: rated.caseId, phone: rated.phone, level: 4 + (n % 2), clientKey: `bench-${run}-${n}` });
  };
  const barePort = await freePort();
  const bare = new SupervisedProcess('bare', process.execPath, [path.join(__dirname, 'bare-server.js'), String(barePort), stack.databaseUrl], {});
  try {
    await waitUntil('the bare endpoint', () => {
      if (!bare.running) return Promise.reject(new Error(`the bare endpoint exited:\n${bare.tail()}`));
      return Promise.resolve(bare.tail().includes('bare endpoint ready'));
    }, 30_000);
    const bareUrl = `http://127.0.0.1:${barePort}/reviews`;
    const apiUrl = `${stack.apiUrl}/api/public/reviews`;
    const stamp = Date.now().toString(36);

    await load('warm-up', bareUrl, `warm-bare-${stamp}`, warmupS);
    const bareResult = await load('bare Fastify + pg', bareUrl, `bare-${stamp}`, durationS);
    await load('warm-up', apiUrl, `warm-api-${stamp}`, warmupS);
    const apiResult = await load('API public form (same row)', apiUrl, `api-${stamp}`, durationS);
    await load('warm-up', apiUrl, `warm-qr-${stamp}`, warmupS, windowQrBody);
    const windowQrResult = await load('API window QR (case-bound)', apiUrl, `qr-${stamp}`, durationS, windowQrBody);

    const stored = {
      bare: await countReviews(stack.databaseUrl, `bench-bare-${stamp}-`),
      api: await countReviews(stack.databaseUrl, `bench-api-${stamp}-`),
      windowQr: await countReviews(stack.databaseUrl, `bench-qr-${stamp}-`),
    };
    const ratio = apiResult.requestsPerSecond / bareResult.requestsPerSecond;
    console.table([bareResult, apiResult, windowQrResult]);
    console.log(`stored rows: bare ${stored.bare} of ${bareResult.ok} answered 2xx; API ${stored.api} of ${apiResult.ok}; window QR ${stored.windowQr} of ${windowQrResult.ok}`);
    console.log(`API throughput = ${ratio.toFixed(2)} × bare endpoint`);
    const verdict = {
      atLeast1000PerSecond: apiResult.requestsPerSecond >= 1000,
      p99Under50Ms: apiResult.p99Ms < 50,
      atLeastHalfOfBare: ratio >= 0.5,
      // Requests still in flight when the clock stops are stored but not counted: at most one per connection.
      everyAnswerStored: [[stored.api, apiResult.ok], [stored.bare, bareResult.ok], [stored.windowQr, windowQrResult.ok]].every(([rows = 0, answered = 0]) => rows >= answered && rows <= answered + connections),
    };
    console.log('targets:', verdict);

    const file = writeResults('intake', { connections, durationS, warmupS, machine: machine(), bare: bareResult, api: apiResult, windowQr: windowQrResult, ratio, stored, verdict });
    console.log(`written ${path.relative(process.cwd(), file)}`);
  } finally {
    await bare.stop();
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
