import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../paths';
import { waitUntil } from '../ports';
import { SupervisedProcess } from '../supervised-process';
import { freeLowPort } from '../temporal-server';

/**
 * One topology of the chaos run, started as a person starts it: `node tools/devstack/dist/start.js [--cluster]` in a
 * child process, on free ports and a temporary data directory. Its services are found among the start command's
 * descendants by their command lines and killed with SIGKILL; bringing them back is the start command's supervisor's
 * job (supervisor.ts), which says `<service> restarted and ready` when it did.
 */
export type Topology = 'embedded' | 'cluster';
export const FAULT_KINDS = ['worker', 'api', 'temporal', 'postgres'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const START_TIMEOUT_MS = 8 * 60_000;
const STOP_TIMEOUT_MS = 90_000;

/** The supervisor's names of each kind's services (start.ts, cluster.ts). */
const SERVICE_NAMES: Record<FaultKind, RegExp> = {
  worker: /^worker(-\d+)?$/,
  api: /^api(-\d+)?$/,
  temporal: /^Temporal$/,
  postgres: /^PostgreSQL$/,
};

interface ProcessRow {
  pid: number;
  ppid: number;
  args: string;
}

function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line)!;
      return { pid: Number(match[1]), ppid: Number(match[2]), args: match[3] };
    });
}

/** The start command's own children of one kind (services are its direct children; PostgreSQL's backends are not). */
function servicesOf(kind: FaultKind, startPid: number): ProcessRow[] {
  const children = processTable().filter((row) => row.ppid === startPid);
  const matches: Record<FaultKind, (args: string) => boolean> = {
    worker: (args) => args.includes(path.join('apps', 'worker', 'dist', 'main.js')),
    api: (args) => args.includes(path.join('apps', 'api', 'dist', 'main.js')),
    // The dev server (`temporal server start-dev`) or the full server (`temporal-server --root … start`).
    temporal: (args) => / server start-dev /.test(args) || /\/temporal-server --root /.test(args),
    postgres: (args) => /\/postgres -D /.test(args),
  };
  return children.filter((row) => matches[kind](row.args));
}

export interface StackPorts {
  PG_PORT: number;
  TEMPORAL_PORT: number;
  TEMPORAL_UI_PORT: number;
  API_PORT: number;
  CONSOLE_PORT: number;
  UPSTREAM_PORT: number;
  WORKER_METRICS_PORT: number;
}

export class ChaosStack {
  private constructor(
    readonly topology: Topology,
    private readonly start: SupervisedProcess,
    readonly dataDir: string,
    readonly ports: StackPorts,
    readonly startSeconds: number,
  ) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.ports.API_PORT}/api`;
  }

  get databaseUrl(): string {
    return `postgresql://haochaping:haochaping@127.0.0.1:${this.ports.PG_PORT}/haochaping`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.ports.TEMPORAL_PORT}`;
  }

  get running(): boolean {
    return this.start.running;
  }

  static async up(topology: Topology, keepDataDir = false): Promise<ChaosStack> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `haochaping-chaos-${topology}-`));
    fs.chmodSync(dataDir, 0o755); // PostgreSQL runs as another user when we are root
    // Below the kernel's ephemeral range, as `npm start`'s defaults are: a killed service is restarted on the same
    // port, which an outgoing connection may have taken meanwhile if it were an ephemeral one.
    const taken: number[] = [];
    const port = async () => {
      taken.push(await freeLowPort(taken));
      return taken[taken.length - 1];
    };
    const ports: StackPorts = {
      PG_PORT: await port(),
      TEMPORAL_PORT: await port(),
      TEMPORAL_UI_PORT: await port(),
      API_PORT: await port(),
      CONSOLE_PORT: await port(),
      UPSTREAM_PORT: await port(),
      WORKER_METRICS_PORT: await port(),
    };
    // The mix comes from one address, where a county's citizens come from many: the public intake's per-address
    // limit is raised far above the mix's rate (still counted in PostgreSQL on every review, faults or not).
    const env: NodeJS.ProcessEnv = { ...process.env, HAOCHAPING_DATA_DIR: dataDir, APP_MODE: 'development', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000' };
    for (const [name, port] of Object.entries(ports)) env[name] = String(port);
    // The topology's own defaults, not the caller's services or settings (the test command sets some).
    for (const name of ['NODE_ENV', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'UPSTREAM_URL', 'DATA_ENCRYPTION_KEY', 'AUTH_TOKEN_SECRET', 'PUBLIC_BASE_URL', 'FOLLOW_LOGS']) delete env[name];
    const started = Date.now();
    const args = [path.join(REPO_ROOT, 'tools', 'devstack', 'dist', 'start.js'), ...(topology === 'cluster' ? ['--cluster'] : [])];
    const start = new SupervisedProcess(`start:${topology}`, process.execPath, args, { cwd: REPO_ROOT, env, logFile: path.join(dataDir, 'start.log') });
    const stack = new ChaosStack(topology, start, dataDir, ports, 0);
    try {
      await waitUntil(`the ${topology} topology`, () => Promise.resolve(!start.running || stack.output().includes('everything is up')), START_TIMEOUT_MS, 250);
      if (!start.running) throw new Error(`the start command exited (${await start.whenEnded()}):\n${start.tail(40)}`);
    } catch (error) {
      await stack.down(keepDataDir);
      throw error;
    }
    return new ChaosStack(topology, start, dataDir, ports, (Date.now() - started) / 1000);
  }

  /** What the start command said so far (its log file keeps all of it). */
  output(): string {
    const file = path.join(this.dataDir, 'start.log');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  /** How many times the supervisor said it brought back a service of this kind. */
  restartsOf(kind: FaultKind): number {
    return [...this.output().matchAll(/^\[haochaping\] (\S+) restarted and ready$/gm)].filter((match) => SERVICE_NAMES[kind].test(match[1])).length;
  }

  /**
   * How many times the supervisor had to bring back a service of this kind so far: each death and each failed start
   * again (what its restart policy counts), whether the runner killed it or it died of another's fault.
   */
  deathsOf(kind: FaultKind): number {
    return [...this.output().matchAll(/^\[haochaping\] (\S+) (?:exited unexpectedly|could not start again)/gm)].filter((match) => SERVICE_NAMES[kind].test(match[1])).length;
  }

  /** The running processes of a kind (two APIs and two workers in the cluster). */
  pidsOf(kind: FaultKind): number[] {
    return servicesOf(kind, this.start.pid!).map((row) => row.pid);
  }

  /**
   * kill -9 of one process of the kind (`pick` chooses among several), then waits until the supervisor said it
   * restarted it; resolves with the process id and the seconds until the service was back.
   */
  async kill(kind: FaultKind, pick: (count: number) => number, timeoutMs = 180_000): Promise<{ pid: number; recoverySeconds: number }> {
    const pids = this.pidsOf(kind);
    if (pids.length === 0) throw new Error(`no ${kind} process is running under the start command`);
    const pid = pids[pick(pids.length)];
    const before = this.restartsOf(kind);
    const killedAt = Date.now();
    process.kill(pid, 'SIGKILL');
    await waitUntil(`${kind} back after kill -9 of ${pid}`, () => {
      if (!this.start.running) throw new Error(`the start command stopped after the ${kind} was killed:\n${this.output().split('\n').slice(-15).join('\n')}`);
      return Promise.resolve(this.restartsOf(kind) > before);
    }, timeoutMs, 250);
    return { pid, recoverySeconds: (Date.now() - killedAt) / 1000 };
  }

  /** Ctrl-C, as a person stops it; the data directory is removed unless asked to keep it (to look into a failure). */
  async down(keepDataDir = false): Promise<void> {
    if (this.start.running) await this.start.stop('SIGINT', STOP_TIMEOUT_MS);
    if (!keepDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
