import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';

/** One limit: at most `limit` hits of a subject per aligned window of `windowMs`; a limit of 0 is off. */
export interface RateLimit {
  /** Stable name, the first part of the stored key (`login.address`, `intake.phone`, …). */
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
}

/** A subject (an address, a phone hash, a username, a user id) counted under one limit. */
export interface RateLimitSubject {
  readonly limit: RateLimit;
  readonly subject: string;
}

/** Where a subject stands in its current window. */
export interface RateLimitCount {
  readonly limit: RateLimit;
  readonly subject: string;
  readonly windowStart: Date;
  /** Hits in the window, the one just counted included. */
  readonly hits: number;
  /** Counted (hit): more hits than the limit allows. Peeked: no room left for another hit. */
  readonly over: boolean;
  /** Whole seconds until the window ends (for Retry-After). */
  readonly retryAfterSeconds: number;
}

/** The stored key: the limit's name and a SHA-256 of the subject, so no address, username or id is kept in clear. */
export function rateKey(limit: RateLimit, subject: string): string {
  return `${limit.name}:${createHash('sha256').update(subject).digest('base64url')}`;
}

/**
 * The aligned fixed window around `nowMs` (every subject's window starts at the same multiple of `windowMs`). A
 * client may get up to twice its limit across a window boundary; the price of one row per window and one statement
 * per hit, and fine for slowing floods and guessing down.
 */
export function windowOf(windowMs: number, nowMs: number): { start: Date; end: Date; retryAfterSeconds: number } {
  const startMs = Math.floor(nowMs / windowMs) * windowMs;
  const endMs = startMs + windowMs;
  return { start: new Date(startMs), end: new Date(endMs), retryAfterSeconds: Math.max(1, Math.ceil((endMs - nowMs) / 1000)) };
}

/**
 * Counts every given key once, atomically (a concurrent hit of the same key waits for the row lock and adds to
 * the committed count), and answers each key's count. The column lists are held against the Prisma schema by
 * prisma/raw-sql-columns.spec.ts.
 */
export const HIT_RATE_LIMITS = `INSERT INTO "rate_limit_counter" ("rate_key", "window_start", "expires_at", "hits")
SELECT k, w, e, 1 FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS t(k, w, e)
ON CONFLICT ("rate_key", "window_start") DO UPDATE SET "hits" = "rate_limit_counter"."hits" + 1
RETURNING "rate_key", "window_start", "hits"`;

/** Columns the upsert's conflict branch leaves as they are, and why. */
export const RATE_LIMIT_COLUMNS_NOT_UPDATED: Record<string, string> = {
  rate_key: 'the conflict key itself',
  window_start: 'the conflict key itself',
  expires_at: "a function of the window's start, written by the window's first hit",
};

const PEEK_RATE_LIMITS = `SELECT c."rate_key", c."window_start", c."hits" FROM "rate_limit_counter" c
JOIN unnest($1::text[], $2::timestamptz[]) AS t(k, w) ON c."rate_key" = t.k AND c."window_start" = t.w`;

const REFUND_RATE_LIMITS = `UPDATE "rate_limit_counter" c SET "hits" = c."hits" - 1
FROM unnest($1::text[], $2::timestamptz[]) AS t(k, w)
WHERE c."rate_key" = t.k AND c."window_start" = t.w AND c."hits" > 0`;

const PURGE_RATE_LIMITS = `DELETE FROM "rate_limit_counter" WHERE "expires_at" <= $1`;

const PURGE_INTERVAL_MS = 60_000;

/** The first count that is over its limit, the one with the longest wait when several are. */
export function firstOver(counts: readonly RateLimitCount[]): RateLimitCount | undefined {
  return counts.filter((count) => count.over).sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0];
}

/** 429 in the one error shape, with Retry-After. */
export function tooManyRequests(retryAfterSeconds: number | undefined, message = '请求过于频繁，请稍后再试', code = 'TOO_MANY_REQUESTS'): DomainHttpException {
  return new DomainHttpException(429, code, message, undefined, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
}

/**
 * The one rate limiter of the API, held in PostgreSQL (`rate_limit_counter`) so that every API process counts
 * against one limit: the public intake's (review-intake/rate-limit), sign-in's (auth/sign-in-throttle.ts) and the
 * staff writes' (staff-write-limit.interceptor.ts). One row per key and window, counted by one upsert statement for
 * all the keys a request checks (one round trip, sent on the pool as the review INSERT is: Prisma's query compiler
 * would cost more CPU than the statement). Windows are aligned and fixed; rows of ended windows are deleted every
 * minute by each process (deleting twice is harmless).
 *
 * "Now" is the injected Clock's, so tests move windows without waiting. Every process must read the same time:
 * the hosts' clocks are expected to be synchronised (NTP), as the audit trail's timestamps already assume.
 */
@Injectable()
export class RateLimiter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.purgeExpired().catch((error: unknown) => this.logger.warn(`purging old rate-limit windows failed: ${String(error)}`));
    }, PURGE_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Counts one hit of each subject (limits of 0 are skipped) and answers where each stands, in the given order. */
  async hit(subjects: readonly RateLimitSubject[]): Promise<RateLimitCount[]> {
    return this.run(HIT_RATE_LIMITS, subjects, true);
  }

  /** Where each subject stands without counting a hit (a subject not seen in this window has 0 hits). */
  async peek(subjects: readonly RateLimitSubject[]): Promise<RateLimitCount[]> {
    return this.run(PEEK_RATE_LIMITS, subjects, false);
  }

  /** Takes back one hit of each count, in the window it was counted in (a sign-in that succeeded). */
  async refund(counts: readonly RateLimitCount[]): Promise<void> {
    const rows = counts.map((count) => ({ key: rateKey(count.limit, count.subject), windowStart: count.windowStart })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (rows.length === 0) return;
    await this.prisma.pool.query({
      name: 'refund-rate-limits',
      text: REFUND_RATE_LIMITS,
      values: [rows.map((row) => row.key), rows.map((row) => row.windowStart)],
    });
  }

  /** Deletes the rows of windows that have ended; answers how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.prisma.pool.query({ name: 'purge-rate-limits', text: PURGE_RATE_LIMITS, values: [this.clock.now()] });
    return result.rowCount ?? 0;
  }

  private async run(text: string, subjects: readonly RateLimitSubject[], counting: boolean): Promise<RateLimitCount[]> {
    const active = subjects.filter((subject) => subject.limit.limit > 0);
    if (active.length === 0) return [];
    const nowMs = this.clock.now().getTime();
    const rows = active.map((subject) => ({ subject, key: rateKey(subject.limit, subject.subject), window: windowOf(subject.limit.windowMs, nowMs) }));
    if (new Set(rows.map((row) => row.key)).size !== rows.length) throw new Error('a rate-limit key was given twice in one call');
    // In key order: two requests sharing keys lock their rows in the same order, so they cannot deadlock.
    const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const values = counting
      ? [sorted.map((row) => row.key), sorted.map((row) => row.window.start), sorted.map((row) => row.window.end)]
      : [sorted.map((row) => row.key), sorted.map((row) => row.window.start)];
    const result = await this.prisma.pool.query<{ rate_key: string; window_start: Date; hits: number }>({
      name: counting ? 'hit-rate-limits' : 'peek-rate-limits',
      text,
      values,
    });
    const hits = new Map(result.rows.map((row) => [row.rate_key, row.hits]));
    return rows.map(({ subject, key, window }) => {
      const count = hits.get(key) ?? 0;
      const over = counting ? count > subject.limit.limit : count >= subject.limit.limit;
      return { ...subject, windowStart: window.start, hits: count, over, retryAfterSeconds: window.retryAfterSeconds };
    });
  }
}
