/**
 * bench/intake: good-review submissions per second and latency over HTTP against the real stack, compared with a
 * bare Fastify + pg endpoint inserting the same row on the same PostgreSQL (README, "Measured here").
 *
 *   npm run bench:intake                          # defaults: 16 connections, 5 s warm-up, 20 s measured
 *   BENCH_CONNECTIONS=32 BENCH_DURATION=30 npm run bench:intake
 *
 * Load generator: autocannon (npm), in this process, on the same machine as the stack. Every request carries a
 * fresh clientKey, so each one is a new review; the run then counts the rows to check that every 2xx was stored.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { HALLS } from '@haochaping/db';
import { freePort, SupervisedProcess, waitUntil } from '@haochaping/devstack';
import { startBenchStack } from '../lib/bench-stack';

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

function goodReviewBody(run: string, n: number): string {
  return JSON.stringify({
    hallCode: HALLS[n % HALLS.length]?.code,
    level: 3 + (n % 3),
    comment: '办事顺利，工作人员很耐心',
    clientKey: `bench-${run}-${n}`,
  });
}

async function load(target: string, url: string, run: string, seconds: number): Promise<Measurement> {
  let n = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (request) => ({ ...request, body: goodReviewBody(run, n++) }) }],
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
  const stack = await startBenchStack({ apiEnv: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000' } });
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
    const apiResult = await load('API (NestJS + Prisma)', apiUrl, `api-${stamp}`, durationS);

    const stored = { bare: await countReviews(stack.databaseUrl, `bench-bare-${stamp}-`), api: await countReviews(stack.databaseUrl, `bench-api-${stamp}-`) };
    const ratio = apiResult.requestsPerSecond / bareResult.requestsPerSecond;
    console.table([bareResult, apiResult]);
    console.log(`stored rows: bare ${stored.bare} of ${bareResult.ok} answered 2xx; API ${stored.api} of ${apiResult.ok}`);
    console.log(`API throughput = ${ratio.toFixed(2)} × bare endpoint`);
    const verdict = {
      atLeast1000PerSecond: apiResult.requestsPerSecond >= 1000,
      p99Under50Ms: apiResult.p99Ms < 50,
      atLeastHalfOfBare: ratio >= 0.5,
      // Requests still in flight when the clock stops are stored but not counted: at most one per connection.
      everyAnswerStored: [[stored.api, apiResult.ok], [stored.bare, bareResult.ok]].every(([rows = 0, answered = 0]) => rows >= answered && rows <= answered + connections),
    };
    console.log('targets:', verdict);

    const resultsDir = path.resolve(__dirname, '..', '..', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `intake-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
    writeFileSync(file, `${JSON.stringify({ connections, durationS, warmupS, machine, bare: bareResult, api: apiResult, ratio, stored, verdict }, null, 2)}\n`);
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
