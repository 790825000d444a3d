#!/usr/bin/env node
/**
 * `npm run chaos [-- --topology embedded|cluster|both] [--faults N] [--seed S] [--duration S]`: faults under load
 * (README, "Chaos"). Each topology is started as `npm start` / `npm run start:cluster` start it (on free ports and a
 * temporary data directory); a steady mix runs against its API while a worker, an API process, the Temporal server
 * and PostgreSQL are killed with SIGKILL at seeded random moments (`--faults` per topology, the kinds in turn), and
 * the start command's supervisor brings each back. Then the invariants are checked (invariants.ts), the table
 * printed and the figures written to bench/results/chaos-<timestamp>.json. Exit code 0 only when every planned
 * fault was injected and no invariant was violated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { chaosTable, runChaos, type ChaosResult } from './chaos-run';
import type { Topology } from './chaos-stack';

interface Arguments {
  topologies: Topology[];
  faults: number;
  seed: number;
  durationSeconds: number;
}

const USAGE = 'npm run chaos -- [--topology embedded|cluster|both] [--faults N] [--seed S] [--duration SECONDS]';

function parseArguments(args: string[]): Arguments {
  const parsed: Arguments = { topologies: ['embedded', 'cluster'], faults: 8, seed: Date.now() % 1_000_000, durationSeconds: 120 };
  const whole = (name: string, value: string | undefined, min: number) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min) throw new Error(`${name} takes a whole number of at least ${min}, got "${value ?? ''}"`);
    return number;
  };
  for (let index = 0; index < args.length; index++) {
    const value = args[index + 1];
    switch (args[index]) {
      case '--topology':
        if (value !== 'embedded' && value !== 'cluster' && value !== 'both') throw new Error(`--topology takes embedded, cluster or both, got "${value ?? ''}"`);
        parsed.topologies = value === 'both' ? ['embedded', 'cluster'] : [value];
        break;
      case '--faults':
        parsed.faults = whole('--faults', value, 0);
        break;
      case '--seed':
        parsed.seed = whole('--seed', value, 0);
        break;
      case '--duration':
        parsed.durationSeconds = whole('--duration', value, 10);
        break;
      default:
        throw new Error(`unknown argument ${args[index]}; usage: ${USAGE}`);
    }
    index++;
  }
  return parsed;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const started = new Date();
  const results: ChaosResult[] = [];
  for (const topology of options.topologies) {
    results.push(await runChaos({ topology, faults: options.faults, seed: options.seed, durationSeconds: options.durationSeconds }));
  }
  process.stdout.write(`\n${chaosTable(results)}\n`);
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `chaos-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ startedAt: started.toISOString(), options, results }, null, 2)}\n`);
  process.stdout.write(`figures written to ${path.relative(REPO_ROOT, file)}\n`);
  const ok = results.every((result) => result.invariants.violations.length === 0 && result.faults.length === result.faultsPlanned);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`[chaos] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
