import { benchRows, benchTable, type WorkflowFigures } from './table';

const latency = (p95Ms: number, p99Ms = p95Ms) => ({ p50Ms: 1, p95Ms, p99Ms, maxMs: p99Ms });
const workflows = (starts: number, bareStarts: number, lateP99: number, bareP99: number): WorkflowFigures => ({
  latency: { start: latency(400), action: latency(250) },
  sustained: { startsPerSecond: starts, bare: { startsPerSecond: bareStarts }, timesBare: Math.round((starts / bareStarts) * 100) / 100 },
  memory: { openCases: 10_000, rssMiB: 1_010, peakRssMiB: 1_205 },
  burst: { deadlines: 1_000, lateness: latency(500, 700), bare: { lateness: latency(500, bareP99) }, p99TimesBare: Math.round((lateP99 / bareP99) * 100) / 100 },
  mixed: { reviews: 100_000, stored: 100_000, badReviewsInDatabase: 1_000, rectificationWorkflows: 1_000, allStoredAndOneWorkflowEach: true },
});

describe('npm run bench: the one table', () => {
  it('rows every measure of the parts run, each figure beside its bare baseline and whether the target holds', () => {
    const rows = benchRows({
      intake: {
        bare: { requestsPerSecond: 2_000, p99Ms: 12 },
        api: { requestsPerSecond: 1_100, p99Ms: 30 },
        windowQr: { requestsPerSecond: 1_000, p99Ms: 35 },
        verdict: { atLeast1000PerSecond: true, p99Under50Ms: true, atLeastHalfOfBare: true, everyAnswerStored: true },
      },
      dev: workflows(17, 40, 700, 500),
      console: { targets: { listsAndDashboardP95Under200Ms: true, worstP95Ms: 120 } },
    });
    expect(rows.map((row) => [row.id, row.timesBare, row.holds])).toEqual([
      ['P1', '0.55 ×', true],
      ['P2', '—', null],
      ['P2', '0.43 ×', false], // 17 of 40 starts/s
      ['P2', '—', true],
      ['P3', '—', true],
      ['P4', '—', null],
      ['P5', '1.40 ×', false], // 700 of 500 ms
      ['P6', '—', true],
    ]);
    expect(rows[2]).toMatchObject({ measure: 'sustained workflow starts (dev server)', figure: '17/s', bare: '40/s (same commands, no database work)' });
  });

  it('has the production engine rows when it ran, and none of a part not run', () => {
    const rows = benchRows({ postgres: { ...workflows(30, 50, 600, 550), burst: null, mixed: null } });
    expect(rows.map((row) => row.id)).toEqual(['P2', 'P2', 'P3', 'P4']);
    expect(rows[1]).toMatchObject({ measure: 'sustained workflow starts (Temporal + PostgreSQL)', timesBare: '0.60 ×', holds: true });
  });

  it('prints Markdown with a line per row and the verdicts', () => {
    const table = benchTable({ console: { targets: { listsAndDashboardP95Under200Ms: false, worstP95Ms: 240 } } });
    expect(table.split('\n')).toEqual([
      '| | measure | figure | bare baseline (same run) | × bare | target | |',
      '|---|---|---|---|---|---|---|',
      '| P6 | console lists and 工作台 at county scale, worst p95 | 240 ms | — | — | < 200 ms | **misses** |',
    ]);
  });
});
