import { signInThrottledMessage } from '../auth/sign-in-throttle';
import { firstOver, rateKey, windowOf, type RateLimit, type RateLimitCount } from './rate-limiter';

const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

describe('rate-limit windows and keys', () => {
  it.each([
    ['at the start of a minute window', MINUTE, '2026-03-02T02:05:00.000Z', '2026-03-02T02:05:00.000Z', 60],
    ['20 s into a minute window', MINUTE, '2026-03-02T02:05:20.000Z', '2026-03-02T02:05:00.000Z', 40],
    ['1 ms before a minute window ends (never 0: Retry-After is at least 1)', MINUTE, '2026-03-02T02:05:59.999Z', '2026-03-02T02:05:00.000Z', 1],
    ['5 min into a 15-minute window (aligned to the quarter hour)', 15 * MINUTE, '2026-03-02T02:20:00.000Z', '2026-03-02T02:15:00.000Z', 600],
    ['in an hour window', 60 * MINUTE, '2026-03-02T02:59:00.500Z', '2026-03-02T02:00:00.000Z', 60],
  ])('puts a hit %s in the window every process agrees on', (_label, windowMs, now, start, retryAfterSeconds) => {
    const window = windowOf(windowMs, at(now));
    expect({ start: window.start.toISOString(), end: window.end.getTime() - window.start.getTime(), retryAfterSeconds: window.retryAfterSeconds }).toEqual({
      start,
      end: windowMs,
      retryAfterSeconds,
    });
  });

  it('stores the limit name and a hash, never the address, username or id in clear', () => {
    const limit: RateLimit = { name: 'login.account', limit: 10, windowMs: MINUTE };
    const key = rateKey(limit, 'jintun-handler');
    expect(key).toMatch(/^login\.account:[\w-]{43}$/);
    expect(key).not.toContain('jintun-handler');
    expect(rateKey(limit, 'jintun-handler')).toBe(key);
    expect(rateKey({ ...limit, name: 'login.address' }, 'jintun-handler')).not.toBe(key);
  });

  it('refuses with the count whose window ends last when several limits are over', () => {
    const count = (name: string, over: boolean, retryAfterSeconds: number): RateLimitCount => ({
      limit: { name, limit: 1, windowMs: MINUTE },
      subject: name,
      windowStart: new Date(0),
      hits: over ? 2 : 1,
      over,
      retryAfterSeconds,
    });
    expect(firstOver([count('a', false, 900), count('b', true, 30), count('c', true, 300)])?.limit.name).toBe('c');
    expect(firstOver([count('a', false, 900)])).toBeUndefined();
  });

  it.each([
    [900, '登录尝试过于频繁，请 15 分钟后再试'],
    [600, '登录尝试过于频繁，请 10 分钟后再试'],
    [61, '登录尝试过于频繁，请 2 分钟后再试'],
    [1, '登录尝试过于频繁，请 1 分钟后再试'],
  ])('tells a refused sign-in how many minutes to wait (%i s)', (seconds, message) => {
    expect(signInThrottledMessage(seconds)).toBe(message);
  });
});
