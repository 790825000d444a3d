/**
 * Hits per key in fixed, aligned windows (every key's window starts at the same multiple of `windowMs`), kept in
 * one Map that is dropped whole when the window rolls over: a hit is a Map lookup and a store, and there is no
 * sweeping of old keys. The price of aligned windows is that a client may get up to twice its limit across a
 * window boundary, which is fine for slowing floods down.
 *
 * The Map never holds more than `maxKeys` keys: once it is full, keys it has not seen in this window are let
 * through uncounted (and `saturated` says so) rather than growing without bound or refusing everyone.
 */
export class FixedWindowCounter {
  private counts = new Map<string, number>();
  private windowEndsAt = 0;

  constructor(
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one hit of `key` at `nowMs`; false when that makes more than `limit` hits in the current window. */
  hit(key: string, limit: number, nowMs: number): boolean {
    this.roll(nowMs);
    const count = (this.counts.get(key) ?? 0) + 1;
    if (count === 1 && this.counts.size >= this.maxKeys) return true;
    this.counts.set(key, count);
    return count <= limit;
  }

  /** Hits of `key` so far in the current window (without counting one). */
  peek(key: string, nowMs: number): number {
    this.roll(nowMs);
    return this.counts.get(key) ?? 0;
  }

  /** Whole seconds until the current window ends (for Retry-After). */
  secondsUntilReset(nowMs: number): number {
    this.roll(nowMs);
    return Math.max(1, Math.ceil((this.windowEndsAt - nowMs) / 1000));
  }

  get saturated(): boolean {
    return this.counts.size >= this.maxKeys;
  }

  private roll(nowMs: number): void {
    if (nowMs < this.windowEndsAt) return;
    this.counts = new Map();
    this.windowEndsAt = (Math.floor(nowMs / this.windowMs) + 1) * this.windowMs;
  }
}
