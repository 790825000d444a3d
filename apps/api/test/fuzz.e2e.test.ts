import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserRole } from '@haochaping/db';
import { createPrismaClient } from '@haochaping/db';
import { generateApiKey } from '../src/integration-auth/api-key';
import { accessTokenOf, createAccounts } from './helpers/auth-accounts';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { FuzzRecorder, type AllowedWrite, type Finding } from './helpers/fuzz-recorder';

/**
 * Hostile input, fuzzed from the OpenAPI document (issue 17): schemathesis (PyPI, installed by
 * tools/fuzz/ensure-schemathesis.sh into the tool cache) against /api/docs-json of the API and worker on a test
 * database, with every conformance check on: no 5xx, every status code, content type and body as documented. Between
 * the two sits a recorder (helpers/fuzz-recorder.ts) that checks what schemathesis cannot: every refusal in the one
 * error shape, and no row written by a refused request (row counts of every table around each refusal).
 *
 * Credentials: the ADMIN's access token and an integration key over every operation (public, integration, auth,
 * staff), then each other role's token over the staff operations, so each role's refusals (403) and scopes are
 * fuzzed too, then the public rating alone with real bodies. The limits are switched off on this instance (their 429s are documented and tested in
 * shared-rate-limits, sign-in-limits and rating-limits): with them on, the fuzzer would mostly meet 429.
 *
 * FUZZ_PROFILE=long (`npm run fuzz -- --long`) runs the long profile and writes its figures to .data/fuzz/.
 */

const LONG = process.env.FUZZ_PROFILE === 'long';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'content_type_conformance', 'response_schema_conformance'];
/**
 * Examples per operation, and the time budgets (seconds) of the run over every operation and of each other role's run
 * (schemathesis repeats its fuzzing phase until the budget is spent). The bounded profile keeps `npm test` to about
 * 2.5 minutes on 2 cores.
 */
const PROFILE = LONG
  ? { maxExamples: 200, everyOperationSeconds: 480, perRoleSeconds: 120, ratingsSeconds: 120 }
  : { maxExamples: 8, everyOperationSeconds: 75, perRoleSeconds: 20, ratingsSeconds: 30 };
const SEED = process.env.FUZZ_SEED ?? '17';
/** FUZZ_ONLY (`npm run fuzz -- --only <regex>`): only the operations whose path matches, to work on one finding. */
const ONLY = process.env.FUZZ_ONLY ? ['--include-path-regex', process.env.FUZZ_ONLY] : [];

/** Refusals that write by design. Anything else a refusal writes is a finding. */
const ALLOWED_WRITES: readonly AllowedWrite[] = [
  { table: 'rate_limit_counter', reason: 'the throttles count attempts, refused ones included (failed status look-ups per tracking code are what that limit counts)' },
  { table: 'audit_log', operation: 'POST /api/auth/login', reason: 'a failed sign-in leaves one audit line (auth.login-failed), the trail ASVS asks for' },
  {
    table: 'audit_log',
    operation: 'POST /api/exchange/reconciliation/run',
    reason: '立即核对 is audited when its workflow starts (exchange-reconciliation.start); with no upstream configured that workflow then fails and the answer is 409',
  },
  {
    table: 'audit_log',
    operation: /^POST \/api\/(rectifications\/\{id\}\/actions\/[a-z-]+|public\/reviews\/\{trackingCode\}\/confirmation)$/,
    reason: 'every action on a case, accepted or refused (403, 404, 409, 422), is written to the audit trail (CaseWorkflowClient.act): attempts are what the audit must show',
  },
];

const STAFF_ROLES: ReadonlyArray<{ role: UserRole; hallCodes?: string[]; departmentCodes?: string[] }> = [
  { role: 'ADMIN' },
  { role: 'COUNTY_SUPERVISOR' },
  { role: 'TOWN_LEADER', hallCodes: ['jintun'] },
  { role: 'HANDLER', hallCodes: ['jintun'] },
  { role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
];

interface Run {
  name: string;
  headers: string[];
  filter: string[];
  seconds: number;
}

interface RunResult {
  name: string;
  exitCode: number;
  seconds: number;
  output: string;
}

describe('the API under schemathesis (hostile input from the OpenAPI document)', () => {
  let stack: E2eStack;
  let recorder: FuzzRecorder;
  let schemathesis: string;
  const results: RunResult[] = [];
  /** `METHOD /api/template` of every operation in the document. */
  const documentedOperations = new Set<string>();
  let started = 0;

  beforeAll(async () => {
    const installed = spawnSync('sh', [path.join(REPO_ROOT, 'tools/fuzz/ensure-schemathesis.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (installed.status !== 0) throw new Error('tools/fuzz/ensure-schemathesis.sh could not install schemathesis (see above)');
    schemathesis = installed.stdout.trim();

    stack = await startE2eStack({
      limits: { publicRequestsPerMinute: 0, phoneRequestsPerHour: 0 },
      throttle: { signInPerAddress: 0, signInPerAccountAddress: 0, signInPerAccount: 0, staffWritesPerMinute: 0 },
      // The tokens must outlive the long run.
      auth: { accessTokenTtlSeconds: 4 * 3600 },
    });
    await createAccounts(stack.db.url, STAFF_ROLES.map(({ role, hallCodes, departmentCodes }) => ({ username: `fuzz-${role.toLowerCase()}`, role, ...(hallCodes ? { hallCodes } : {}), ...(departmentCodes ? { departmentCodes } : {}) })));
    const document = (await (await fetch(`${stack.baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [template, item] of Object.entries(document.paths)) for (const method of Object.keys(item)) documentedOperations.add(`${method.toUpperCase()} ${template}`);
    recorder = await FuzzRecorder.start({ apiOrigin: new URL(stack.baseUrl).origin, databaseUrl: stack.db.url, paths: Object.keys(document.paths), allowedWrites: ALLOWED_WRITES });
  }, 300_000);

  afterAll(async () => {
    await recorder?.close();
    await stack?.close();
  });

  async function integrationKey(): Promise<string> {
    const prisma = createPrismaClient({ databaseUrl: stack.db.url });
    try {
      const { key, keyPrefix, keyHash } = generateApiKey();
      await prisma.apiClient.create({ data: { name: '模糊测试对接系统', keyPrefix, keyHash, createdBy: 'fuzz' } });
      return key;
    } finally {
      await prisma.$disconnect();
    }
  }

  function runSchemathesis(run: Run, reportDir: string): Promise<RunResult> {
    fs.mkdirSync(reportDir, { recursive: true });
    const args = [
      'run',
      `${recorder.origin}/api/docs-json`,
      '--checks',
      CHECKS.join(','),
      '--max-examples',
      String(PROFILE.maxExamples),
      '--max-time',
      String(run.seconds),
      '--seed',
      SEED,
      '--workers',
      '1', // the recorder takes one request at a time anyway
      '--request-timeout',
      '30',
      '--suppress-health-check',
      'too_slow,filter_too_much',
      '--generation-database',
      'none',
      '--no-color',
      '--report',
      'junit',
      '--report-dir',
      reportDir,
      ...run.headers.flatMap((header) => ['--header', header]),
      ...run.filter,
      ...ONLY,
    ];
    const begun = Date.now();
    return new Promise((resolve, reject) => {
      // In the report directory: schemathesis keeps a .schemathesis/ folder in its working directory.
      const child = spawn(schemathesis, args, {
        cwd: reportDir,
        env: { ...process.env, SCHEMATHESIS_HOOKS: path.join(REPO_ROOT, 'tools/fuzz/hooks.py'), COLUMNS: '160' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.once('error', reject);
      child.once('exit', (code) => resolve({ name: run.name, exitCode: code ?? 1, seconds: (Date.now() - begun) / 1000, output }));
    });
  }

  it(
    'answers every fuzzed request as documented (no 5xx; status code, content type and body as the document says), every refusal in the one error shape, and a refusal writes nothing',
    async () => {
      started = Date.now();
      const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haochaping-fuzz-'));
      const staffOnly = ['--exclude-path-regex', '^/api/(public|integration|auth)/'];
      const runs: Run[] = [];
      for (const { role } of STAFF_ROLES) {
        const token = await accessTokenOf(stack.baseUrl, `fuzz-${role.toLowerCase()}`);
        runs.push(
          role === 'ADMIN'
            ? { name: 'ADMIN token and an integration key: every operation', headers: [`Authorization: Bearer ${token}`, `X-Api-Key: ${await integrationKey()}`], filter: [], seconds: PROFILE.everyOperationSeconds }
            : { name: `${role} token: the staff operations`, headers: [`Authorization: Bearer ${token}`], filter: staffOnly, seconds: PROFILE.perRoleSeconds },
        );
      }
      // The run over every operation spends its budget before its fuzzing phase reaches every operation: the public
      // rating gets a run of its own, with real bodies (tools/fuzz/hooks.py) and no credential, as citizens send it.
      // First: the ADMIN's run rewrites master data (option sets, halls), which the hook's real references name.
      runs.unshift({
        name: 'no credential: POST /api/public/reviews with real bodies',
        headers: [],
        // One --include-name: two --include-* options are either-or, which took in every POST.
        filter: ['--include-name', 'POST /api/public/reviews', '--phases', 'fuzzing'],
        seconds: PROFILE.ratingsSeconds,
      });
      for (const run of runs) results.push(await runSchemathesis(run, path.join(reportDir, run.name.split(' ')[0] ?? 'run')));

      const summary = summarise();
      process.stderr.write(`${summary.text}\n`);
      writeOutputs(summary);

      // One list of everything wrong, so that one run shows all of it.
      const problems = [
        ...results.filter((result) => result.exitCode !== 0).map((result) => `schemathesis, ${result.name}: exit ${result.exitCode}\n${failuresOf(result.output)}`),
        ...recorder.findings.map(describeFinding),
      ];
      expect(problems).toEqual([]);
      // The public review endpoint was fuzzed with real bodies (tools/fuzz/hooks.py), not only refused.
      expect(summary.acceptedReviews).toBeGreaterThan(0);
      if (ONLY.length === 0) expect(summary.operationsReached).toBe(documentedOperations.size);
    },
    // The budgets, and time for schemathesis to load the document and report, and for the last requests to answer.
    (PROFILE.everyOperationSeconds + 4 * PROFILE.perRoleSeconds + PROFILE.ratingsSeconds + 6 * 45) * 1000,
  );

  function summarise() {
    const exchanges = recorder.exchanges;
    const statuses = new Map<string, number>();
    for (const { status } of exchanges) statuses.set(`${Math.floor(status / 100)}xx`, (statuses.get(`${Math.floor(status / 100)}xx`) ?? 0) + 1);
    const operationsReached = new Set(exchanges.map(({ operation }) => operation).filter((operation) => documentedOperations.has(operation))).size;
    const acceptedReviews = exchanges.filter(({ operation, status }) => operation === 'POST /api/public/reviews' && status === 201).length;
    const seconds = Math.round((Date.now() - started) / 1000);
    const reviewRefusals = new Map<string, number>();
    for (const { operation, status, code } of exchanges) {
      if (operation === 'POST /api/public/reviews' && status >= 400) reviewRefusals.set(`${status} ${code ?? ''}`, (reviewRefusals.get(`${status} ${code ?? ''}`) ?? 0) + 1);
    }
    const text = [
      `fuzz (${LONG ? 'long' : 'bounded'} profile, seed ${SEED}): ${exchanges.length} requests to ${operationsReached} operations in ${seconds} s`,
      `  answers: ${[...statuses].sort().map(([group, count]) => `${group} ${count}`).join(', ')}; POST /api/public/reviews accepted ${acceptedReviews}, refused ${[...reviewRefusals].map(([key, count]) => `${key} ×${count}`).join(', ')}`,
      `  refusals checked against the row counts of ${recorder.checkedTables.length} tables; findings: ${recorder.findings.length}`,
      ...recorder.findings.map((finding) => `    ${describeFinding(finding)}`),
      ...results.map((result) => `  ${result.name}: exit ${result.exitCode} in ${Math.round(result.seconds)} s`),
      ...(recorder.unconfirmed.length > 0 ? ['  row counts that moved beside a refusal but not when it was sent again:', ...recorder.unconfirmed.map((line) => `    ${line}`)] : []),
    ].join('\n');
    return { text, requests: exchanges.length, operationsReached, acceptedReviews, seconds, statuses: Object.fromEntries(statuses) };
  }

  /** schemathesis' whole output into .data/fuzz/<profile>-run.txt; the long profile's figures into long-run.json. */
  function writeOutputs(summary: ReturnType<typeof summarise>): void {
    const dir = path.join(REPO_ROOT, '.data', 'fuzz');
    fs.mkdirSync(dir, { recursive: true });
    const profile = LONG ? 'long' : 'bounded';
    // Three refusals of each operation and code, to see why an operation mostly refuses what the fuzzer sends.
    const seen = new Map<string, number>();
    const samples = recorder.exchanges.filter(({ operation, status, code }) => {
      const key = `${operation} ${status} ${code ?? ''}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return status >= 400 && (seen.get(key) ?? 0) <= 3;
    });
    const sampleLines = samples.map(({ operation, status, request, answer }) => `${operation} → ${status}\n    sent: ${request}\n    answer: ${answer ?? ''}`);
    fs.writeFileSync(path.join(dir, `${profile}-run.txt`), [summary.text, ...results.map((result) => `== ${result.name}\n${result.output}`), '== refusals, three of each', ...sampleLines].join('\n'));
    process.stderr.write(`schemathesis' output in ${path.join(dir, `${profile}-run.txt`)}\n`);
    if (!LONG) return;
    const figures = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      profile: PROFILE,
      seed: SEED,
      requests: summary.requests,
      operations: summary.operationsReached,
      answers: summary.statuses,
      acceptedReviews: summary.acceptedReviews,
      seconds: summary.seconds,
      schemathesisFailures: results.filter((result) => result.exitCode !== 0).map((result) => result.name),
      recorderFindings: recorder.findings.map(describeFinding),
      runs: results.map(({ name, exitCode, seconds }) => ({ name, exitCode, seconds: Math.round(seconds) })),
    };
    fs.writeFileSync(path.join(dir, 'long-run.json'), `${JSON.stringify(figures, null, 2)}\n`);
    process.stderr.write(`figures in ${path.join(dir, 'long-run.json')}\n`);
  }
});

/** The FAILURES section of schemathesis' output (the rest is its progress and warnings). */
function failuresOf(output: string): string {
  const start = output.indexOf(' FAILURES ');
  const end = output.indexOf(' WARNINGS ');
  return start >= 0 ? output.slice(start, end > start ? end : undefined) : output.slice(-6_000);
}

function describeFinding(finding: Finding): string {
  return `${finding.check}: ${finding.operation} answered ${finding.status}: ${finding.detail}\n    request: ${finding.request}`;
}
