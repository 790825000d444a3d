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
 * Adds `n` hits to every given key and window, atomically (a concurrent hit of the same row waits for its lock and
 * adds to the committed count), and answers each row's count after it. Each (key, window) is given once: the
 * RateLimiter sums the hits of the requests it sends together (HitBatcher). The column lists are held against the
 * Prisma schema by prisma/raw-sql-columns.spec.ts.
 */
export const HIT_RATE_LIMITS = `INSERT INTO "rate_limit_counter" ("rate_key", "window_start", "expires_at", "hits")
SELECT k, w, e, n FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::int[]) AS t(k, w, e, n)
ON CONFLICT ("rate_key", "window_start") DO UPDATE SET "hits" = "rate_limit_counter"."hits" + EXCLUDED."hits"
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
  /** Hits waiting for the upsert in flight to finish (sendQueuedHits). */
  private queued: QueuedHits[] = [];
  private sending = false;

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

  /**
   * Counts one hit of each subject (limits of 0 are skipped) and answers where each stands, in the given order.
   * Hits that arrive while this process's previous upsert is in flight are sent together as the next one (summed
   * per key and window, each request then given its own place in the count, in arrival order): one round trip and
   * one commit for a burst instead of one each, and one lock of a busy row (one client address behind every public
   * POST) instead of a queue of requests waiting for it in turn.
   */
  async hit(subjects: readonly RateLimitSubject[]): Promise<RateLimitCount[]> {
    const rows = this.rowsOf(subjects);
    if (rows.length === 0) return [];
    const counts = await new Promise<ReadonlyMap<string, number>>((resolve, reject) => {
      this.queued.push({ rows, resolve, reject });
      if (!this.sending) void this.sendQueuedHits();
    });
    return rows.map(({ subject, id, window }) => countOf(subject, window, counts.get(id) ?? 0, true));
  }

  /** Where each subject stands without counting a hit (a subject not seen in this window has 0 hits). */
  async peek(subjects: readonly RateLimitSubject[]): Promise<RateLimitCount[]> {
    const rows = this.rowsOf(subjects);
    if (rows.length === 0) return [];
    const result = await this.prisma.pool.query<{ rate_key: string; window_start: Date; hits: number }>({
      name: 'peek-rate-limits',
      text: PEEK_RATE_LIMITS,
      values: [rows.map((row) => row.key), rows.map((row) => row.window.start)],
    });
    const hits = new Map(result.rows.map((row) => [rowId(row.rate_key, row.window_start), row.hits]));
    return rows.map(({ subject, id, window }) => countOf(subject, window, hits.get(id) ?? 0, false));
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

  /** The active subjects (limit above 0) with their stored key and current window, in the given order. */
  private rowsOf(subjects: readonly RateLimitSubject[]): HitRow[] {
    const nowMs = this.clock.now().getTime();
    const rows = subjects
      .filter((subject) => subject.limit.limit > 0)
      .map((subject) => {
        const key = rateKey(subject.limit, subject.subject);
        const window = windowOf(subject.limit.windowMs, nowMs);
        return { subject, key, window, id: rowId(key, window.start) };
      });
    if (new Set(rows.map((row) => row.key)).size !== rows.length) throw new Error('a rate-limit key was given twice in one call');
    return rows;
  }

  /** Sends every queued hit as one upsert, then the hits queued meanwhile, until none are left. */
  private async sendQueuedHits(): Promise<void> {
    this.sending = true;
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      try {
        const after = await this.upsertHits(batch);
        // Within the batch, the first request of a row gets the first of its hits, and so on.
        const taken = new Map<string, number>();
        for (const pending of batch) {
          const counts = new Map<string, number>();
          for (const row of pending.rows) {
            const { total, added } = after.get(row.id) ?? { total: 0, added: 1 };
            const before = taken.get(row.id) ?? 0;
            taken.set(row.id, before + 1);
            counts.set(row.id, total - added + before + 1);
          }
          pending.resolve(counts);
        }
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    this.sending = false;
  }

  /** One upsert adding each row's hits; per row, its count after the upsert and the hits this upsert added. */
  private async upsertHits(batch: readonly QueuedHits[]): Promise<Map<string, { total: number; added: number }>> {
    const summed = new Map<string, { key: string; start: Date; end: Date; added: number }>();
    for (const row of batch.flatMap((pending) => pending.rows)) {
      const sum = summed.get(row.id);
      if (sum) sum.added += 1;
      else summed.set(row.id, { key: row.key, start: row.window.start, end: row.window.end, added: 1 });
    }
    // In key order: two upserts sharing keys (two processes) lock their rows in the same order, so they cannot deadlock.
    const sorted = [...summed.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.start.getTime() - b.start.getTime()));
    const result = await this.prisma.pool.query<{ rate_key: string; window_start: Date; hits: number }>({
      name: 'hit-rate-limits',
      text: HIT_RATE_LIMITS,
      values: [sorted.map((row) => row.key), sorted.map((row) => row.start), sorted.map((row) => row.end), sorted.map((row) => row.added)],
    });
    const after = new Map<string, { total: number; added: number }>();
    for (const row of result.rows) {
      const id = rowId(row.rate_key, row.window_start);
      after.set(id, { total: row.hits, added: summed.get(id)?.added ?? 1 });
    }
    return after;
  }
}

interface HitRow {
  readonly subject: RateLimitSubject;
  readonly key: string;
  readonly window: { start: Date; end: Date; retryAfterSeconds: number };
  /** The stored row: key and window. */
  readonly id: string;
}

/** One request's hits waiting for the next upsert; resolved with the count each of its rows reached. */
interface QueuedHits {
  readonly rows: readonly HitRow[];
  readonly resolve: (counts: ReadonlyMap<string, number>) => void;
  readonly reject: (error: unknown) => void;
}

function rowId(key: string, windowStart: Date): string {
  return `${key}@${windowStart.getTime()}`;
}

/** Counted: over when more hits than the limit allows. Peeked: over when no room is left for another hit. */
function countOf(subject: RateLimitSubject, window: { start: Date; retryAfterSeconds: number }, hits: number, counted: boolean): RateLimitCount {
  const over = counted ? hits > subject.limit.limit : hits >= subject.limit.limit;
  return { ...subject, windowStart: window.start, hits, over, retryAfterSeconds: window.retryAfterSeconds };
}
