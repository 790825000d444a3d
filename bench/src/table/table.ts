/**
 * The one table of `npm run bench` (run.ts) from the figures each script wrote: one row per measure, the figure
 * beside its bare baseline of the same run, the ratio, the target and whether it holds. A part not run gives no rows.
 */

interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}
interface Throughput {
  requestsPerSecond: number;
  p99Ms: number;
}
export interface IntakeFigures {
  bare: Throughput;
  api: Throughput;
  windowQr: Throughput;
  verdict: { atLeast1000PerSecond: boolean; p99Under50Ms: boolean; atLeastHalfOfBare: boolean; everyAnswerStored: boolean };
}
export interface WorkflowFigures {
  latency: { start: Latency; action: Latency };
  sustained: { startsPerSecond: number; bare: { startsPerSecond: number }; timesBare: number };
  memory: { openCases: number; rssMiB: number; peakRssMiB: number };
  burst: { deadlines: number; lateness: Latency; bare: { lateness: Latency }; p99TimesBare: number } | null;
  mixed: { reviews: number; stored: number; badReviewsInDatabase: number; rectificationWorkflows: number; allStoredAndOneWorkflowEach: boolean } | null;
}
export interface ConsoleFigures {
  targets: { listsAndDashboardP95Under200Ms: boolean; worstP95Ms: number };
}
export interface BenchFigures {
  intake?: IntakeFigures;
  dev?: WorkflowFigures;
  postgres?: WorkflowFigures;
  console?: ConsoleFigures;
}

export interface BenchRow {
  id: string;
  measure: string;
  figure: string;
  bare: string;
  timesBare: string;
  target: string;
  holds: boolean | null;
}

const n = (value: number) => value.toLocaleString('en-US');
const times = (value: number) => `${value.toFixed(2)} ×`;

export function benchRows(figures: BenchFigures): BenchRow[] {
  const rows: BenchRow[] = [];
  const { intake, console: consoleFigures } = figures;
  if (intake) {
    const ratio = intake.api.requestsPerSecond / intake.bare.requestsPerSecond;
    rows.push({
      id: 'P1',
      measure: 'good-review intake, public form (reviews/s, p99)',
      figure: `${n(intake.api.requestsPerSecond)}/s, p99 ${intake.api.p99Ms} ms`,
      bare: `${n(intake.bare.requestsPerSecond)}/s, p99 ${intake.bare.p99Ms} ms (Fastify + pg, same row)`,
      timesBare: times(ratio),
      target: '≥ 1,000/s, ≥ 0.5 × bare, p99 < 50 ms',
      holds: intake.verdict.atLeast1000PerSecond && intake.verdict.atLeastHalfOfBare && intake.verdict.p99Under50Ms && intake.verdict.everyAnswerStored,
    });
  }
  for (const [engine, workflows] of [
    ['dev server', figures.dev],
    ['Temporal + PostgreSQL', figures.postgres],
  ] as const) {
    if (!workflows) continue;
    rows.push(
      { id: 'P2', measure: `bad review → case in the read model, p95 (${engine})`, figure: `${workflows.latency.start.p95Ms} ms`, bare: '—', timesBare: '—', target: '—', holds: null },
      {
        id: 'P2',
        measure: `sustained workflow starts (${engine})`,
        figure: `${n(workflows.sustained.startsPerSecond)}/s`,
        bare: `${n(workflows.sustained.bare.startsPerSecond)}/s (same commands, no database work)`,
        timesBare: times(workflows.sustained.timesBare),
        target: '≥ 0.5 × bare',
        holds: workflows.sustained.timesBare >= 0.5,
      },
    );
    if (workflows.mixed) {
      const { mixed } = workflows;
      rows.push({
        id: 'P2',
        measure: `${n(mixed.reviews)}-review burst, 1 % bad (${engine})`,
        figure: `${n(mixed.stored)} stored, ${n(mixed.rectificationWorkflows)} workflows for ${n(mixed.badReviewsInDatabase)} bad reviews`,
        bare: '—',
        timesBare: '—',
        target: '100 % stored, one workflow each',
        holds: mixed.allStoredAndOneWorkflowEach,
      });
    }
    rows.push(
      { id: 'P3', measure: `action → read model, p95 (${engine})`, figure: `${workflows.latency.action.p95Ms} ms`, bare: '—', timesBare: '—', target: '< 300 ms', holds: workflows.latency.action.p95Ms < 300 },
      { id: 'P4', measure: `worker memory with open cases (${engine})`, figure: `${n(workflows.memory.rssMiB)} MiB with ${n(workflows.memory.openCases)} open (peak ${n(workflows.memory.peakRssMiB)} MiB)`, bare: '—', timesBare: '—', target: 'measured', holds: null },
    );
    if (workflows.burst) {
      const { burst } = workflows;
      rows.push({
        id: 'P5',
        measure: `${n(burst.deadlines)} deadlines in one minute: lateness p99 (${engine})`,
        figure: `${n(burst.lateness.p99Ms)} ms`,
        bare: `${n(burst.bare.lateness.p99Ms)} ms (a timer, then an activity doing nothing)`,
        timesBare: times(burst.p99TimesBare),
        target: '≤ 1.2 × bare',
        holds: burst.p99TimesBare <= 1.2,
      });
    }
  }
  if (consoleFigures) {
    rows.push({ id: 'P6', measure: 'console lists and 工作台 at county scale, worst p95', figure: `${consoleFigures.targets.worstP95Ms} ms`, bare: '—', timesBare: '—', target: '< 200 ms', holds: consoleFigures.targets.listsAndDashboardP95Under200Ms });
  }
  return rows;
}

/** The rows as a Markdown table (what the README shows). */
export function benchTable(figures: BenchFigures): string {
  const verdict = (holds: boolean | null) => (holds === null ? '—' : holds ? 'holds' : '**misses**');
  return [
    '| | measure | figure | bare baseline (same run) | × bare | target | |',
    '|---|---|---|---|---|---|---|',
    ...benchRows(figures).map((row) => `| ${row.id} | ${row.measure} | ${row.figure} | ${row.bare} | ${row.timesBare} | ${row.target} | ${verdict(row.holds)} |`),
  ].join('\n');
}
