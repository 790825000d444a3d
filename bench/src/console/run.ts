/**
 * bench/console: the console's queries against a county-sized database (issue 6: with 100,000 cases and 1,000,000
 * reviews, the case list, its filters and the 工作台 answer with p95 under 200 ms of API time).
 *
 * A private stack (embedded PostgreSQL, Temporal dev server, the built API as its own process, no worker) is seeded
 * by seed-volume.ts; then every request the console sends for those screens is sent BENCH_SAMPLES times, one at a
 * time (what one person waits for), after a warm-up, and timed from request to last byte on this machine. Each
 * screen is asked as the county supervisor (every hall) and as a handler of one hall (the data scope applies).
 *
 *   npm run bench:console            BENCH_SAMPLES (default 40)   BENCH_REVIEWS / BENCH_SERVICE_CASES (defaults 1e6 / 1e5)
 */
import os from 'node:os';
import { Pool } from 'pg';
import { DataProtector } from '@haochaping/privacy/server';
import { startBenchStack } from '../lib/bench-stack';
import { machine, writeResults } from '../lib/results-file';
import { percentiles } from '../lib/percentiles';
import { DEFAULT_VOLUME, seedVolume } from './seed-volume';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const TARGET_P95_MS = 200;

interface Probe {
  screen: string;
  query: string;
  actor: 'county' | 'handler';
  path: () => string;
}

const list = (resource: string, filter: Record<string, unknown>, sort: [string, 'ASC' | 'DESC'], range: [number, number] = [0, 24]) =>
  `/api/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}&range=${encodeURIComponent(JSON.stringify(range))}`;

const OPEN_STATES = ['PENDING_VERIFICATION', 'REJECTION_PENDING', 'RECTIFYING', 'EXTENSION_PENDING', 'AWAITING_CONFIRMATION', 'REOPENED'];
const HANDLER_TODO = ['PENDING_VERIFICATION', 'RECTIFYING', 'REOPENED'];

function probes(hallCode: string): Probe[] {
  const inADay = () => new Date(Date.now() + 24 * 3_600_000).toISOString();
  const both = (screen: string, query: string, path: () => string): Probe[] => [
    { screen, query, actor: 'county', path },
    { screen, query, actor: 'handler', path },
  ];
  return [
    // 差评工单: the list as it opens, and each filter and preset of the workflow issue.
    ...both('差评工单', 'default (newest first)', () => list('rectifications', {}, ['openedAt', 'DESC'])),
    ...both('差评工单', 'page 40 (rows 975–999)', () => list('rectifications', {}, ['openedAt', 'DESC'], [975, 999])),
    ...both('差评工单', 'state = 整改中', () => list('rectifications', { state: ['RECTIFYING'] }, ['openedAt', 'DESC'])),
    ...both('差评工单', 'category = 协调整改', () => list('rectifications', { category: ['COORDINATED'] }, ['openedAt', 'DESC'])),
    ...both('差评工单', 'hall', () => list('rectifications', { hallCode: [hallCode] }, ['openedAt', 'DESC'])),
    ...both('差评工单', 'escalation level 2', () => list('rectifications', { escalationLevel: [2] }, ['escalationLevel', 'DESC'])),
    ...both('差评工单', 'preset 我的待办 (by due time)', () => list('rectifications', { state: HANDLER_TODO }, ['resultDueAt', 'ASC'])),
    ...both('差评工单', 'preset 即将超期 (due within a day)', () => list('rectifications', { state: OPEN_STATES, dueBefore: inADay() }, ['resultDueAt', 'ASC'])),
    ...both('差评工单', 'preset 已超期', () => list('rectifications', { overdue: true }, ['resultDueAt', 'ASC'])),
    ...both('差评工单', 'preset 待我审批', () => list('rectifications', { state: ['REJECTION_PENDING', 'EXTENSION_PENDING'] }, ['openedAt', 'ASC'])),
    // 工作台: my open cases by due time, and one count per state tile (perPage 1: the total is the figure).
    ...both('工作台', 'my open cases (10, by due time)', () => list('rectifications', { state: HANDLER_TODO }, ['resultDueAt', 'ASC'], [0, 9])),
    ...OPEN_STATES.flatMap((state) => both('工作台', `count ${state}`, () => list('rectifications', { state: [state] }, ['openedAt', 'DESC'], [0, 0]))),
    ...both('工作台', 'count overdue', () => list('rectifications', { overdue: true }, ['openedAt', 'DESC'], [0, 0])),
    ...both('工作台', 'halls at a glance (statistics)', () => '/api/statistics/halls'),
    // 评价记录 and 办件 lists (1,000,000 and 100,000 rows).
    ...both('评价记录', 'default (newest first)', () => list('reviews', {}, ['createdAt', 'DESC'])),
    ...both('评价记录', 'level 1–2', () => list('reviews', { level: [1, 2] }, ['createdAt', 'DESC'])),
    ...both('办件', 'default', () => list('cases', {}, ['completedAt', 'DESC'])),
  ];
}

async function main(): Promise<void> {
  const volume = {
    ...DEFAULT_VOLUME,
    reviews: Number(process.env.BENCH_REVIEWS ?? DEFAULT_VOLUME.reviews),
    serviceCases: Number(process.env.BENCH_SERVICE_CASES ?? DEFAULT_VOLUME.serviceCases),
  };
  console.log(`bench/console: ${volume.reviews} reviews, ${volume.serviceCases} 办件, ${SAMPLES} samples per query; ${os.cpus().length} cores`);
  const stack = await startBenchStack({ apiEnv: { APP_MODE: 'development' } });
  const pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const seeded = await seedVolume(pool, new DataProtector(stack.dataKey), volume);
    console.log('seeded', seeded);
    const hallCode = (await pool.query<{ code: string }>('SELECT code FROM hall ORDER BY code LIMIT 1')).rows[0]?.code ?? '';
    const headers = {
      county: { 'x-dev-actor': JSON.stringify({ userId: 'bench-county', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) },
      handler: { 'x-dev-actor': JSON.stringify({ userId: 'bench-handler', role: 'HANDLER', hallCodes: [hallCode] }) },
    };
    const get = async (probe: Probe): Promise<number> => {
      const t0 = performance.now();
      const response = await fetch(`${stack.apiUrl}${probe.path()}`, { headers: headers[probe.actor] });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${probe.screen} ${probe.query} (${probe.actor}): HTTP ${response.status}`);
      return performance.now() - t0;
    };
    const rows = [];
    for (const probe of probes(hallCode)) {
      for (let n = 0; n < 3; n++) await get(probe); // warm-up: the plan cache and PostgreSQL's buffers
      const samples: number[] = [];
      for (let n = 0; n < SAMPLES; n++) samples.push(await get(probe));
      const { p50Ms, p95Ms, maxMs } = percentiles(samples);
      const row = { screen: probe.screen, query: probe.query, actor: probe.actor, p50Ms, p95Ms, maxMs };
      rows.push(row);
      console.log(`${row.p95Ms < TARGET_P95_MS ? '  ' : '✗ '}${row.screen} · ${row.query} · ${row.actor}: p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms`);
    }
    const targeted = rows.filter((row) => row.screen === '差评工单' || row.screen === '工作台');
    const results = {
      machine: machine(),
      seeded,
      samplesPerQuery: SAMPLES,
      rows,
      targets: { listsAndDashboardP95Under200Ms: targeted.every((row) => row.p95Ms < TARGET_P95_MS), worstP95Ms: Math.max(...targeted.map((row) => row.p95Ms)) },
    };
    console.log(JSON.stringify(results.targets));
    writeResults('console', results);
  } finally {
    await pool.end();
    await stack.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
