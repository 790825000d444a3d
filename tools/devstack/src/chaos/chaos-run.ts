import Table from 'cli-table3';
import { ChaosStack, FAULT_KINDS, type FaultKind, type Topology } from './chaos-stack';
import { InvariantChecker, INVARIANTS, type InvariantReport } from './invariants';
import { LoadGenerator, SeededRandom, type LoadFigures } from './load';

export interface ChaosOptions {
  topology: Topology;
  /** Faults to inject in this topology, spread over the kinds in turn (each round in a seeded order). */
  faults: number;
  seed: number;
  /** The load's window in seconds; faults fall at random moments inside it (the window stretches while one recovers). */
  durationSeconds: number;
  /** Concurrent clients of the mix. */
  concurrency?: number;
  /** How long to wait for quiet after the load before checking (seconds). */
  quiesceSeconds?: number;
  /**
   * Wait until every clock of the run's open cases has come (true, the default: the last bad review's escalation,
   * 72 s after it), or check only the clocks already due (the short run of `npm test`).
   */
  settleClocks?: boolean;
  say?: (line: string) => void;
}

export interface FaultRecord {
  kind: FaultKind;
  pid: number;
  atSecond: number;
  recoverySeconds: number;
}

export interface ChaosResult {
  topology: Topology;
  seed: number;
  faultsPlanned: number;
  faults: FaultRecord[];
  /** Seconds from the start of the load until the last service came back. */
  lastRecoverySecond: number;
  /** Seconds from the start of the load until the last 2xx answer. */
  lastOkSecond: number;
  /** A fault that could not be injected or whose service never came back (the run stops injecting then). */
  faultError?: string;
  startSeconds: number;
  loadSeconds: number;
  requests: LoadFigures;
  slaPolicyVersion: number;
  quiesce: { seconds: number; quiet: boolean };
  invariants: InvariantReport;
}

/**
 * The supervisor gives up on a service restarted 5 times within 5 minutes (supervisor.ts): the runner kills one only
 * while its restarts in the window (the runner's kills, deaths of other causes and failed starts alike) are at most 3,
 * so the kill leaves room for one failed start.
 */
const RESTART_WINDOW_MS = 5 * 60_000;
const RESTARTS_BEFORE_A_KILL = 3;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The order of the faults: every kind once per round, each round shuffled by the seed. */
export function faultPlan(count: number, random: SeededRandom): FaultKind[] {
  const plan: FaultKind[] = [];
  while (plan.length < count) {
    const round = [...FAULT_KINDS];
    for (let index = round.length - 1; index > 0; index--) {
      const other = random.int(0, index);
      [round[index], round[other]] = [round[other], round[index]];
    }
    plan.push(...round.slice(0, count - plan.length));
  }
  return plan;
}

/** One topology: start it, drive the mix while killing its services, wait for quiet, check every invariant, stop it. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const say = options.say ?? ((line: string) => process.stdout.write(`[chaos] ${line}\n`));
  const random = new SeededRandom(options.seed);
  const plan = faultPlan(options.faults, random);
  say(`${options.topology}: starting the topology (start.js${options.topology === 'cluster' ? ' --cluster' : ''}) ...`);
  const stack = await ChaosStack.up(options.topology);
  say(`${options.topology}: up after ${stack.startSeconds.toFixed(1)} s; ${plan.length} faults planned (${plan.join(', ')}), seed ${options.seed}`);
  let checker: InvariantChecker | undefined;
  try {
    const load = new LoadGenerator(stack.apiUrl, random);
    const slaPolicyVersion = await load.saveShortClocks();
    const since = new Date();
    const loadStarted = Date.now();
    const windowMs = options.durationSeconds * 1_000;
    let loadUntil = loadStarted + windowMs;
    // The load runs until told to stop: the window, stretched while the last faults recover.
    let stopLoad = false;
    const loadDone = load.run(() => stopLoad, options.concurrency ?? 3, 50);

    const faults: FaultRecord[] = [];
    let faultError: string | undefined;
    const slot = windowMs / Math.max(1, plan.length);
    // When each kind's services died or failed to start, as the start command says it (looked at every second).
    const deathsAt = new Map<FaultKind, number[]>(FAULT_KINDS.map((kind) => [kind, []]));
    const seen = new Map<FaultKind, number>(FAULT_KINDS.map((kind) => [kind, 0]));
    const watchDeaths = () => {
      for (const kind of FAULT_KINDS) {
        const deaths = stack.deathsOf(kind);
        for (let more = deaths - seen.get(kind)!; more > 0; more--) deathsAt.get(kind)!.push(Date.now());
        seen.set(kind, deaths);
      }
    };
    const watcher = setInterval(watchDeaths, 1_000).unref();
    for (const [index, kind] of plan.entries()) {
      // A random moment inside the fault's slot of the window, but never before the previous one recovered.
      const at = loadStarted + index * slot + random.int(0, Math.floor(slot * 0.8));
      // Two APIs and two workers in the cluster: the kind's room is theirs together (the runner cannot tell which
      // of them a process is, so this is the bound when the kills fall evenly).
      const room = RESTARTS_BEFORE_A_KILL * Math.max(1, stack.pidsOf(kind).length);
      watchDeaths();
      const recent = deathsAt.get(kind)!.filter((time) => Date.now() - time < RESTART_WINDOW_MS);
      const notBefore = recent.length > room ? recent[recent.length - room - 1] + RESTART_WINDOW_MS + 1_000 : 0;
      await sleep(Math.max(at, notBefore, Date.now() + 2_000) - Date.now());
      try {
        const { pid, recoverySeconds } = await stack.kill(kind, (count) => random.int(0, count - 1));
        const record = { kind, pid, atSecond: Math.round(((Date.now() - loadStarted) / 1000 - recoverySeconds) * 10) / 10, recoverySeconds };
        faults.push(record);
        say(`${options.topology}: fault ${faults.length}/${plan.length}: kill -9 ${kind} (pid ${pid}) at ${record.atSecond.toFixed(1)} s, back after ${recoverySeconds.toFixed(1)} s`);
      } catch (error) {
        faultError = error instanceof Error ? error.message : String(error);
        say(`${options.topology}: fault ${index + 1} (${kind}) failed: ${faultError}`);
        break;
      }
    }
    clearInterval(watcher);
    // The mix goes on a little after the last recovery, so requests meet the recovered stack too.
    loadUntil = Math.max(loadUntil, Date.now() + 5_000);
    await sleep(loadUntil - Date.now());
    stopLoad = true;
    await loadDone;
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    say(`${options.topology}: load over after ${loadSeconds.toFixed(1)} s: ${load.figures.sent} requests, ${load.figures.ok} 2xx, ${load.figures.errors} errors ${JSON.stringify(load.figures.errorsByStatus)}`);

    checker = await InvariantChecker.connect(stack.databaseUrl, stack.temporalAddress);
    const quiesce = await checker.quiesce(load.accepted, since, (options.quiesceSeconds ?? 180) * 1000, options.settleClocks ?? true);
    say(`${options.topology}: ${quiesce.quiet ? 'quiet' : 'not quiet'} after ${quiesce.seconds.toFixed(1)} s; checking the invariants and running the reconciler ...`);
    const invariants = await checker.check(load.accepted, since);
    for (const violation of invariants.violations.slice(0, 20)) say(`${options.topology}: VIOLATION ${violation.invariant} ${violation.reviewId ?? ''} ${violation.detail}`);
    return {
      topology: options.topology,
      seed: options.seed,
      faultsPlanned: plan.length,
      faults,
      lastRecoverySecond: Math.max(0, ...faults.map((fault) => fault.atSecond + fault.recoverySeconds)),
      lastOkSecond: load.figures.lastOkAt ? (load.figures.lastOkAt - loadStarted) / 1000 : 0,
      faultError,
      startSeconds: stack.startSeconds,
      loadSeconds,
      requests: load.figures,
      slaPolicyVersion,
      quiesce,
      invariants,
    };
  } finally {
    await checker?.close();
    say(`${options.topology}: stopping the topology ...`);
    await stack.down();
  }
}

/** Faults of one kind in a result. */
export function faultsOf(result: ChaosResult, kind: FaultKind): number {
  return result.faults.filter((fault) => fault.kind === kind).length;
}

/** The run as one table: per topology, faults by kind, requests, deadlines and violations (0 expected). */
export function chaosTable(results: ChaosResult[]): string {
  const table = new Table({
    head: ['topology', 'seed', ...FAULT_KINDS.map((kind) => `kill -9 ${kind}`), 'max recovery s', 'requests', '2xx', 'errors', 'bad reviews', 'deadlines fired', 'violations'],
    style: { head: [], border: [] },
  });
  for (const result of results) {
    table.push([
      result.topology,
      result.seed,
      ...FAULT_KINDS.map((kind) => faultsOf(result, kind)),
      Math.max(0, ...result.faults.map((fault) => fault.recoverySeconds)).toFixed(1),
      result.requests.sent,
      result.requests.ok,
      result.requests.errors,
      result.invariants.badReviews,
      result.invariants.deadlinesFired,
      result.invariants.violations.length,
    ]);
  }
  const byInvariant = INVARIANTS.map((invariant) => `${invariant} ${results.reduce((sum, result) => sum + result.invariants.violations.filter((v) => v.invariant === invariant).length, 0)}`);
  return `${table.toString()}\nviolations by invariant: ${byInvariant.join(', ')}`;
}
