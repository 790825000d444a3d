import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine a figure was measured on, written beside it. */
export function machine(): { cpus: number; model: string | undefined; memoryGiB: number; node: string } {
  return { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

/**
 * Writes a benchmark's results as JSON: to BENCH_RESULTS_FILE when set (how `npm run bench` collects each script's
 * figures for its table), otherwise to bench/results/<name>-<time>.json. Returns the file written.
 */
export function writeResults(name: string, results: unknown): string {
  const file = process.env.BENCH_RESULTS_FILE || path.join(path.resolve(__dirname, '..', '..', 'results'), `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
