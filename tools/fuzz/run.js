#!/usr/bin/env node
// `npm run fuzz [-- --long] [--seed N] [--only <path regex>]`: the fuzz suite (apps/api/test/fuzz.e2e.test.ts) alone, on the test
// services `npm test` starts (embedded PostgreSQL, the Temporal dev server). The bounded profile is the one
// `npm test` runs; --long runs the long profile and writes its figures to .data/fuzz/long-run.json (README, "Fuzzing").
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const args = process.argv.slice(2);
const env = { ...process.env, FUZZ_PROFILE: process.env.FUZZ_PROFILE || 'bounded' };
for (let index = 0; index < args.length; index += 1) {
  if (args[index] === '--long') env.FUZZ_PROFILE = 'long';
  else if (args[index] === '--seed' && args[index + 1]) env.FUZZ_SEED = args[(index += 1)];
  else if (args[index] === '--only' && args[index + 1]) env.FUZZ_ONLY = args[(index += 1)];
  else {
    process.stderr.write(`unknown argument ${args[index]}; usage: npm run fuzz [-- --long] [--seed N] [--only <path regex>]\n`);
    process.exit(2);
  }
}
const root = path.resolve(__dirname, '..', '..');
const child = spawn(process.execPath, [path.join(root, 'tools/devstack/dist/test.js'), 'apps/api/test/fuzz.e2e.test.ts'], { cwd: root, env, stdio: 'inherit' });
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
