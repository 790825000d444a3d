import { FAULT_KINDS } from './chaos-stack';
import { chaosTable, faultsOf, runChaos, type ChaosResult } from './chaos-run';

/**
 * The short chaos run of `npm test` (the long one is `npm run chaos`, README "Chaos"): the embedded topology as
 * `npm start` runs it, a steady mix for 40 seconds or more, and one kill -9 of each kind (worker, API, Temporal dev
 * server, PostgreSQL) at seeded random moments, each brought back by the start command's supervisor. Then no
 * invariant may be violated, for the clocks due by the check (the long run waits for every clock to come).
 */
const SEED = Number(process.env.CHAOS_SEED ?? 20261207);

describe('faults under load: the embedded topology', () => {
  let result: ChaosResult;

  beforeAll(async () => {
    result = await runChaos({ topology: 'embedded', faults: FAULT_KINDS.length, seed: SEED, durationSeconds: 40, quiesceSeconds: 90, settleClocks: false, say: (line) => process.stdout.write(`[chaos] ${line}\n`) });
    process.stdout.write(`${chaosTable([result])}\n`);
  }, 9 * 60_000);

  it('killed each kind of service once, and the supervisor brought each back', () => {
    expect(result.faultError).toBeUndefined();
    for (const kind of FAULT_KINDS) expect(faultsOf(result, kind)).toBe(1);
  });

  it('served again after the last fault; bad reviews came in, and their clocks came due and fired', () => {
    expect(result.lastOkSecond).toBeGreaterThan(result.lastRecoverySecond);
    expect(result.invariants.badReviews).toBeGreaterThan(0);
    expect(result.invariants.deadlinesFired).toBeGreaterThan(0);
  });

  it('violated no invariant, the read model reconciled against every workflow', () => {
    expect(result.invariants.violations).toEqual([]);
    expect(result.invariants.reconciliation?.runId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.quiesce.quiet).toBe(true);
  });
});
