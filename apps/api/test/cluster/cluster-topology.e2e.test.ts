import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { Connection } from '@temporalio/client';
import { freePort, SupervisedProcess, waitUntil } from '@haochaping/devstack';
import { eventually } from '../helpers/eventually';

/**
 * The cluster profile (`npm run start:cluster`, docker-compose.yml's topology run natively) as a user starts it: the
 * real start command in a child process, on free ports and a temporary data directory. Then a chosen part of the
 * suite runs through it: the walking skeleton (a bad review opens a case), the outbox (the workflow's start message
 * and the upward exchange to the upstream simulator), one path of each category; last, Ctrl-C must stop everything.
 */
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Bounds of the whole profile on a busy 2-core machine (the binaries built: test.ts builds them before Jest). */
const START_TIMEOUT_MS = 6 * 60_000;
const STOP_TIMEOUT_MS = 90_000;

/** The process ids below `root` (its children, theirs, …), from ps. */
function descendants(root: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of rows) {
      if (ppid === parent && !found.includes(pid)) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the cluster profile: Temporal server on PostgreSQL, two API processes behind one port, two workers', () => {
  let dataDir: string;
  let start: SupervisedProcess;
  let ports: Record<'PG_PORT' | 'TEMPORAL_PORT' | 'API_PORT' | 'CONSOLE_PORT' | 'UPSTREAM_PORT' | 'WORKER_METRICS_PORT', number>;
  let baseUrl: string;
  let db: pg.Client;
  let startSeconds: number;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haochaping-cluster-'));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
    ports = {
      PG_PORT: await freePort(),
      TEMPORAL_PORT: await freePort(),
      API_PORT: await freePort(),
      CONSOLE_PORT: await freePort(),
      UPSTREAM_PORT: await freePort(),
      WORKER_METRICS_PORT: await freePort(),
    };
    // The delivery loop rests 1 s between rounds, and backs off at most 5 s after an upstream answer it could not use
    // (the default 5 minutes is for a real upstream that is away; here one slow answer on a busy machine must not
    // push the next round past this suite's deadline — the back-off itself is tested on the time-skipping server).
    const env: NodeJS.ProcessEnv = { ...process.env, HAOCHAPING_DATA_DIR: dataDir, APP_MODE: 'development', EXCHANGE_INTERVAL_MS: '1000', EXCHANGE_MAX_BACKOFF_MS: '5000' };
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    // The profile's own defaults, not the test command's services or settings.
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'UPSTREAM_URL', 'DATA_ENCRYPTION_KEY', 'AUTH_TOKEN_SECRET', 'PUBLIC_BASE_URL', 'FOLLOW_LOGS']) delete env[name];
    const started = Date.now();
    start = new SupervisedProcess('start:cluster', process.execPath, [path.join(REPO_ROOT, 'tools', 'devstack', 'dist', 'start.js'), '--cluster'], {
      cwd: REPO_ROOT,
      env,
      logFile: path.join(dataDir, 'start-cluster.log'),
    });
    // Ready when the start command says so: it waited for each service's own readiness (health, gRPC, pollers).
    await waitUntil('npm run start:cluster', () => Promise.resolve(!start.running || start.tail(400).includes('everything is up')), START_TIMEOUT_MS, 250);
    if (!start.running) throw new Error(`start:cluster exited (${await start.whenEnded()}):\n${start.tail(60)}`);
    startSeconds = (Date.now() - started) / 1000;
    baseUrl = `http://127.0.0.1:${ports.API_PORT}/api`;
    db = new pg.Client({ connectionString: `postgresql://haochaping:haochaping@127.0.0.1:${ports.PG_PORT}/haochaping` });
    await db.connect();
    dbOpen = true;
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await closeDb();
    if (start?.running) await start.stop('SIGINT', STOP_TIMEOUT_MS);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, STOP_TIMEOUT_MS + 30_000);

  let dbOpen = false;
  const closeDb = async () => {
    if (dbOpen) await db.end();
    dbOpen = false;
  };
  const output = () => fs.readFileSync(path.join(dataDir, 'start-cluster.log'), 'utf8');
  const actor = (userId: string, role: string, extra: Record<string, unknown> = {}) => ({ 'x-dev-actor': JSON.stringify({ userId, role, hallCodes: [], ...extra }) });
  const handler = actor('handler-jintun', 'HANDLER', { hallCodes: ['jintun'] });
  const supervisor = actor('county-1', 'COUNTY_SUPERVISOR');
  const yibaoGuide = actor('guide-yibao', 'DEPT_GUIDE', { departmentCodes: ['yibao'] });
  const citizen = actor('citizen-1', 'CITIZEN');

  type CaseBody = { state: string; category: string | null; reviewedAt: string; obligations: Record<string, { dueAt: string } | undefined> };

  const act = async (id: string, action: string, body: unknown, headers: Record<string, string>): Promise<CaseBody> => {
    const response = await fetch(`${baseUrl}/rectifications/${id}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    return (await response.json()) as CaseBody;
  };

  /** The case's row in the read model (what the console lists) once `accept` takes it. */
  const readModelRow = (id: string, accept: (row: Record<string, unknown>) => boolean) =>
    eventually(async () => {
      const { rows } = await db.query<Record<string, unknown>>('SELECT state, category, result_due_at, invited_department_codes FROM rectification_case WHERE review_id = $1', [id]);
      return rows[0] && accept(rows[0]) ? rows[0] : undefined;
    }, 60_000);

  /** A bad review at 金屯镇 through the one API port; answers once its workflow has opened the case. */
  async function openCase(): Promise<string> {
    const response = await fetch(`${baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'jintun', level: 2, comment: '办理效率低', clientKey: randomUUID() }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await eventually(async () => (await fetch(`${baseUrl}/rectifications/${id}?live=1`, { headers: supervisor })).status === 200, 60_000);
    return id;
  }

  it('starts every service of the topology, and says what it started', () => {
    const said = output();
    for (const line of [/Temporal +ready +127\.0\.0\.1:\d+ \(Temporal server 1\.29\.1 on PostgreSQL, 4 history shards\)/, /api-1 +ready/, /api-2 +ready/, /API +ready .* balanced over 2 processes/, /worker-1 +ready/, /worker-2 +ready/, /console +ready/, /upstream +ready/]) {
      expect(said).toMatch(line);
    }
    process.stdout.write(`start:cluster was up after ${startSeconds.toFixed(1)} s:\n${said}`);
  });

  it('runs the full Temporal server on PostgreSQL with 4 history shards, two workers polling the task queue', async () => {
    const connection = await Connection.connect({ address: `127.0.0.1:${ports.TEMPORAL_PORT}` });
    try {
      const info = await connection.workflowService.getClusterInfo({});
      expect(info).toMatchObject({ serverVersion: '1.29.1', historyShardCount: 4, persistenceStore: 'postgres12', visibilityStore: 'postgres12' });
      const queue = await connection.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: 'rectification' }, taskQueueType: 1 });
      expect(new Set(queue.pollers?.map((poller) => poller.identity)).size).toBe(2);
    } finally {
      await connection.close();
    }
    const { rows } = await db.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'temporal%' ORDER BY datname");
    expect(rows.map((row) => row.datname)).toEqual(['temporal', 'temporal_visibility']);
  });

  it('answers on one API port from both API processes, healthy', async () => {
    const instances = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${baseUrl}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ok', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
      instances.add(response.headers.get('x-api-instance') ?? '');
    }
    expect([...instances].sort()).toEqual(['api-1', 'api-2']);
    // The console's proxy reaches the API through the same port.
    expect((await fetch(`http://127.0.0.1:${ports.CONSOLE_PORT}/api/health`)).status).toBe(200);
  });

  it('a bad review opens one case through the outbox; an action moves it; the read model follows; the upstream gets the record', async () => {
    const id = await openCase();
    const { rows: outbox } = await db.query<{ dispatched: boolean }>('SELECT dispatched_at IS NOT NULL AS dispatched FROM outbox_message WHERE key = $1', [`rectification-${id}`]);
    expect(outbox).toEqual([{ dispatched: true }]);
    expect(await readModelRow(id, (row) => row.state === 'PENDING_VERIFICATION')).toMatchObject({ category: null });

    const verified = await act(id, 'verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '窗口排队属实' }, handler);
    expect(verified).toMatchObject({ state: 'RECTIFYING', category: 'TIME_LIMITED' });
    await readModelRow(id, (row) => row.state === 'RECTIFYING' && row.category === 'TIME_LIMITED');

    // The upward exchange (exchange_delivery → the upstream simulator) delivers the review's record.
    // The verification above writes the case's own record (type RECTIFICATION) too; this waits for the review's.
    await eventually(async () => (await db.query("SELECT 1 FROM exchange_delivery WHERE review_id = $1 AND type = 'REVIEW' AND status = 'DELIVERED'", [id])).rowCount === 1, 60_000).catch(async (error: unknown) => {
      // What the row says (attempts, the last error) is the diagnosis of a miss.
      const { rows } = await db.query('SELECT type, status, attempts, last_error, last_attempt_at, created_at FROM exchange_delivery WHERE review_id = $1', [id]);
      throw new Error(`${String(error)}; its exchange_delivery rows: ${JSON.stringify(rows)}`);
    });
    const upstream = (await (await fetch(`http://127.0.0.1:${ports.UPSTREAM_PORT}/_control/records?type=REVIEW`)).json()) as { records: Array<{ id: string }> };
    expect(upstream.records.map((record) => record.id)).toContain(id);
  });

  // One path of each category (workflows/contracts sla-policy: the result is due after 1, 3 or 10 working days).
  const paths: Array<[string, number, (id: string) => Promise<string>]> = [
    ['IMMEDIATE', 1, async (id) => {
      await act(id, 'record-rectification', { measures: '当场致歉并重新办理', result: '已当场办结' }, handler);
      expect(await act(id, 'confirm', { answer: 'SATISFIED', comment: '满意' }, citizen)).toMatchObject({ state: 'CLOSED' });
      return 'CLOSED';
    }],
    ['TIME_LIMITED', 3, async (id) => {
      await act(id, 'add-note', { text: '已约评价人面谈' }, supervisor);
      expect(await act(id, 'record-rectification', { measures: '增设取号机', result: '等候时间缩短' }, handler)).toMatchObject({ state: 'AWAITING_CONFIRMATION' });
      return 'AWAITING_CONFIRMATION';
    }],
    ['COORDINATED', 10, async (id) => {
      await act(id, 'invite-departments', { departmentCodes: ['yibao'], note: '请协助核查' }, handler);
      expect(await act(id, 'record-department-input', { text: '医保局已核查缴费记录' }, yibaoGuide)).toMatchObject({ state: 'RECTIFYING' });
      await readModelRow(id, (row) => JSON.stringify(row.invited_department_codes) === JSON.stringify(['yibao']));
      return 'RECTIFYING';
    }],
  ];

  it.each(paths)('%s: verified into the category, its result clock, then one path on; the read model follows', async (category, workingDays, followPath) => {
    const id = await openCase();
    const verified = await act(id, 'verify', { finding: 'TRUE', category, notes: '属实' }, handler);
    const deadline = await fetch(`${baseUrl}/calendar/deadline?${new URLSearchParams({ hallCode: 'jintun', from: verified.reviewedAt, workingDays: String(workingDays) }).toString()}`, { headers: handler });
    expect(deadline.status).toBe(200);
    const { dueAt } = (await deadline.json()) as { dueAt: string };
    expect(Date.parse(verified.obligations.result!.dueAt)).toBe(Date.parse(dueAt));
    const state = await followPath(id);
    const row = await readModelRow(id, (candidate) => candidate.state === state);
    expect(row.category).toBe(category);
  });

  it('stops every process it started on Ctrl-C, and exits 0', async () => {
    await closeDb(); // before PostgreSQL goes, or its "terminating connection" would be an unhandled error here
    const pids = descendants(start.pid!);
    // PostgreSQL (and its backends), the Temporal server, two APIs, two workers, the console, the upstream simulator.
    expect(pids.length).toBeGreaterThanOrEqual(8);
    await start.stop('SIGINT', STOP_TIMEOUT_MS);
    expect(await start.whenEnded()).toBe('code 0');
    expect(pids.filter(alive)).toEqual([]);
    expect(output()).toMatch(/stopped Temporal/);
  }, STOP_TIMEOUT_MS + 10_000);
});
