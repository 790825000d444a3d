import { deliveryRounds, type RoundEvent } from './delivery-rounds';
import { percentiles } from './percentiles';

describe('percentiles (nearest rank)', () => {
  it.each([
    ['1..100', Array.from({ length: 100 }, (_, i) => i + 1), { n: 100, p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 }],
    ['1..10, shuffled', [7, 3, 10, 1, 9, 2, 8, 4, 6, 5], { n: 10, p50Ms: 5, p95Ms: 10, p99Ms: 10, maxMs: 10 }],
    ['one sample', [42.4], { n: 1, p50Ms: 42, p95Ms: 42, p99Ms: 42, maxMs: 42 }],
    ['1..1000: p99 is the 990th', Array.from({ length: 1000 }, (_, i) => i + 1), { n: 1000, p50Ms: 500, p95Ms: 950, p99Ms: 990, maxMs: 1000 }],
  ])('%s', (_name, samples, expected) => {
    expect(percentiles(samples)).toEqual(expected);
  });

  it('has no figures without samples', () => {
    expect(percentiles([])).toEqual({ n: 0, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, maxMs: NaN });
  });
});

describe('deliveryRounds', () => {
  const round = (at: number, queue: number, activity: number): RoundEvent[] => [
    { kind: 'activityScheduled', at },
    { kind: 'activityStarted', at: at + queue },
    { kind: 'activityCompleted', at: at + queue + activity },
    { kind: 'other', at: at + queue + activity + 1 },
  ];

  it('splits back-to-back rounds into queue, activity and the time until the next round', () => {
    // Round 1 at 0 (queue 2, activity 80, next scheduled at 100: 18 between), round 2 at 100 (queue 4, activity 90,
    // next at 210: 16 between), round 3 at 210 is the last: nothing follows it, so it is not counted.
    const events = [...round(0, 2, 80), ...round(100, 4, 90), ...round(210, 3, 50)];
    const breakdown = deliveryRounds(events);
    expect(breakdown.rounds).toBe(2);
    expect(breakdown.queueMs).toMatchObject({ n: 2, p50Ms: 2, maxMs: 4 });
    expect(breakdown.activityMs).toMatchObject({ n: 2, p50Ms: 80, maxMs: 90 });
    expect(breakdown.betweenMs).toMatchObject({ n: 2, p50Ms: 16, maxMs: 18 });
  });

  it('leaves out a round followed by a rest (a timer): its gap is the rest, not the loop’s cost', () => {
    const events = [...round(0, 1, 10), { kind: 'timerStarted' as const, at: 12 }, ...round(5_012, 1, 10), ...round(5_030, 1, 10)];
    const breakdown = deliveryRounds(events);
    expect(breakdown.rounds).toBe(1);
    expect(breakdown.betweenMs).toMatchObject({ n: 1, maxMs: 7 });
  });
});
