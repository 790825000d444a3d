#!/usr/bin/env node
// `npm run audit` (and CI, .ci/run): `npm audit --omit=dev` at high and critical. A vulnerable package fails the run
// unless tools/audit/exceptions.json names its advisory with the reason it is accepted (docs/DEPLOYMENT.md,
// "Dependency audit"). When the registry's advisory endpoint cannot be reached (the build machines' registry mirror
// answers 405 to it), the run says so and passes: that exception is the one written down in docs/DEPLOYMENT.md.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const exceptions = require('./exceptions.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// `--report <file>`: judge a saved `npm audit --json` report instead (to check this script, or a report from elsewhere).
const saved = process.argv[2] === '--report' ? process.argv[3] : undefined;
const run = saved ? { stdout: require('node:fs').readFileSync(saved, 'utf8'), status: 0, stderr: '' } : spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  process.stderr.write(`npm audit gave no report (exit ${run.status}):\n${run.stderr}\n`);
  process.exit(1);
}
if (!report.vulnerabilities) {
  // No report: the endpoint refused or could not be reached (npm prints the HTTP answer instead).
  process.stdout.write(`npm audit: the advisory endpoint could not be used (${report.message ?? 'no answer'}); not audited here (docs/DEPLOYMENT.md, "Dependency audit")\n`);
  process.exit(0);
}
const accepted = new Map(exceptions.map((entry) => [entry.advisory, entry.reason]));
const failing = [];
for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
  if (vulnerability.severity !== 'high' && vulnerability.severity !== 'critical') continue;
  const advisories = vulnerability.via.filter((via) => typeof via === 'object').map((via) => via.url);
  // A package vulnerable only through another is judged by that one's advisories.
  const open = advisories.filter((url) => !accepted.has(url));
  if (open.length > 0) failing.push(`${name} (${vulnerability.severity}): ${open.join(' ')}`);
}
const counts = report.metadata?.vulnerabilities ?? {};
process.stdout.write(`npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${exceptions.length} accepted in tools/audit/exceptions.json\n`);
if (failing.length > 0) {
  process.stderr.write(`high or critical advisories not accepted:\n  ${failing.join('\n  ')}\n`);
  process.exit(1);
}
