/**
 * `npm run bench`: the compass of performance on this machine as one table (issue 16), each figure beside its bare
 * baseline measured in the same run. The scripts run one after another, each on its own private stack, so none
 * measures beside another:
 *   P1  bench:intake                                good-review intake against bare Fastify + pg
 *   P2–P5 bench:workflows, Temporal dev server      bad review → case, sustained starts against a bare workflow,
 *                                                   action → read model, open cases and worker memory, a burst of
 *                                                   deadlines against bare timers, the 100,000-review mixed burst
 *   P2–P4 bench:workflows, Temporal on PostgreSQL  starts, actions and memory on the production engine
 *   P6  bench:console                               the console's lists at county scale
 * Sizes are the scripts' own variables (BENCH_SUSTAINED, BENCH_OPEN_CASES, BENCH_MIXED, …); on PostgreSQL the open
 * cases are BENCH_PG_OPEN_CASES (default 100,000). BENCH_PARTS=intake,dev,postgres,console chooses parts.
 * The table (Markdown, printed) and every script's figures are written to bench/results/bench-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machine, writeResults } from '../lib/results-file';
import { benchTable, type BenchFigures } from './table';

const PARTS = ['intake', 'dev', 'postgres', 'console'] as const;
type Part = (typeof PARTS)[number];

const SCRIPTS: Record<Part, { script: string; env: Record<string, string> }> = {
  intake: { script: 'intake/run.js', env: {} },
  dev: { script: 'workflows/run.js', env: { BENCH_TEMPORAL: 'dev' } },
  // The production engine: starts, actions and memory (the deadline burst and the mixed burst run on the dev server).
  postgres: { script: 'workflows/run.js', env: { BENCH_TEMPORAL: 'postgres', BENCH_OPEN_CASES: process.env.BENCH_PG_OPEN_CASES ?? '100000', BENCH_BURST: '0', BENCH_MIXED: '0' } },
  console: { script: 'console/run.js', env: {} },
};

function chosenParts(): Part[] {
  const asked = (process.env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((part) => part.trim());
  const unknown = asked.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')} (known: ${PARTS.join(', ')})`);
  return asked as Part[];
}

function main(): void {
  const parts = chosenParts();
  const started = new Date();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hcp-bench-table-'));
  const figures: BenchFigures = {};
  // A part that fails (or is stopped) ends the run; the table still shows the parts measured before it.
  let failed: string | undefined;
  try {
    for (const part of parts) {
      const { script, env } = SCRIPTS[part];
      const file = path.join(dir, `${part}.json`);
      console.log(`\n== npm run bench: ${part} (bench/dist/${script}) ==`);
      const t0 = Date.now();
      const run = spawnSync(process.execPath, [path.join(__dirname, '..', script)], { env: { ...process.env, ...env, BENCH_RESULTS_FILE: file }, stdio: 'inherit' });
      if (run.status !== 0) {
        failed = `${part}: bench/dist/${script} failed (${run.status ?? run.signal})`;
        break;
      }
      // Each script's own figures (its JSON), and how long it ran.
      Object.assign(figures, { [part]: { ...(JSON.parse(readFileSync(file, 'utf8')) as object), seconds: Math.round((Date.now() - t0) / 1000) } });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const table = benchTable(figures);
  const host = machine();
  console.log(`\nnpm run bench, ${started.toISOString()}, ${host.cpus} cores ${host.model ?? ''}, ${host.memoryGiB} GiB, Node ${host.node}\n\n${table}`);
  const file = writeResults('bench', { at: started.toISOString(), machine: host, table, figures, ...(failed ? { failed } : {}) });
  console.log(`written ${path.relative(process.cwd(), file)}`);
  if (failed) {
    console.error(`not every part ran: ${failed}`);
    process.exitCode = 1;
  }
}

main();
