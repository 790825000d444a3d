import { FixedWindowCounter } from './fixed-window-counter';

describe('FixedWindowCounter', () => {
  const minute = 60_000;
  const start = Date.UTC(2026, 2, 2, 2, 5); // on a minute boundary

  it('lets `limit` hits of a key through per window, then refuses until the next window', () => {
    const counter = new FixedWindowCounter(minute);
    expect([1, 2, 3, 4].map((n) => counter.hit('a', 3, start + n * 1000))).toEqual([true, true, true, false]);
    expect(counter.hit('b', 3, start + 5000)).toBe(true);
    expect(counter.secondsUntilReset(start + 20_000)).toBe(40);
    expect(counter.hit('a', 3, start + minute)).toBe(true);
    expect(counter.peek('a', start + minute)).toBe(1);
  });

  it('lets keys it has no room for through uncounted rather than grow without bound', () => {
    const counter = new FixedWindowCounter(minute, 2);
    counter.hit('a', 1, start);
    counter.hit('b', 1, start);
    expect(counter.saturated).toBe(true);
    expect([counter.hit('c', 1, start), counter.hit('c', 1, start)]).toEqual([true, true]);
    expect(counter.hit('a', 1, start)).toBe(false);
    expect(counter.hit('c', 1, start + minute)).toBe(true); // a new window starts empty
    expect(counter.saturated).toBe(false);
  });
});
