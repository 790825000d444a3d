import type { Pool } from '@haochaping/db';
import type { OnlineReviewPageResult, OnlineReviewPullActivities } from './online-review-pull.contract';
import type { UpstreamHttpDriver } from './upstream-http.driver';

/**
 * The pull driver of online reviews (docs/EXCHANGE.md, "Online reviews come down"): one page per call, from the
 * cursor stored in exchange_pull_cursor. Every review of the page goes to the county's intake exactly as the portal's
 * push sends it (`POST /api/integration/reviews`, the portal's evaluationId as clientKey), so the intake's rules,
 * its encryption of the reviewer and its idempotency apply unchanged: a review pushed before, or handed over before a
 * crash, is answered as stored and not stored again. Only when the whole page is handed over does the page's
 * refusals and next cursor get written, in one transaction: a crash before it reads the same page again.
 */

export const ONLINE_REVIEWS_SOURCE = 'online-reviews';

/** The feed's item (apps/upstream-sim ONLINE_REVIEW_SCHEMA; the worker checks only what it keys and maps by). */
export interface OnlineReviewItem {
  evaluationId: string;
  projectNo: string;
  satisfaction: number;
  reasonCodes?: string[];
  text?: string;
  evaluateTime: string;
}

/** The intake's body for an online review: what the portal's push sends (IntegrationReviewDto). */
export function intakeBodyOf(item: OnlineReviewItem): Record<string, unknown> {
  return {
    clientKey: item.evaluationId,
    caseNumber: item.projectNo,
    level: item.satisfaction,
    ...(item.reasonCodes && item.reasonCodes.length > 0 ? { optionCodes: item.reasonCodes } : {}),
    ...(item.text ? { comment: item.text } : {}),
    ratedAt: item.evaluateTime,
  };
}

/** Why an item cannot be handed over at all (no key to store it under), or null when it can. */
export function malformedItem(item: unknown): string | null {
  const candidate = item as Partial<Record<keyof OnlineReviewItem, unknown>> | null;
  if (!candidate || typeof candidate !== 'object') return 'not an object';
  const missing: string[] = (['evaluationId', 'projectNo', 'evaluateTime'] as const).filter((field) => typeof candidate[field] !== 'string' || candidate[field] === '');
  if (typeof candidate.satisfaction !== 'number') missing.push('satisfaction');
  return missing.length > 0 ? `missing or malformed: ${missing.join(', ')}` : null;
}

/** What the intake answered for one review. */
export type IntakeAnswer = { kind: 'created' } | { kind: 'already-stored' } | { kind: 'refused'; httpStatus: number; code: string; message: string };

export interface IntakeSettings {
  /** EXCHANGE_PULL_INTAKE_URL: the API's base URL, `…/api`. */
  url: string;
  /** EXCHANGE_PULL_API_KEY: the integration key of the portal bridge (the same client as the portal's push). */
  apiKey: string;
  timeoutMs: number;
}

/** Answers the intake gives for the review itself; anything else (5xx, 401, 429, no answer) is the intake being away. */
const REFUSALS = new Set([400, 404, 409, 410, 413, 422]);

/** The county's intake, over HTTP with the portal bridge's key: the one path every online review takes. */
export class IntakeHttpClient {
  constructor(private readonly settings: IntakeSettings) {}

  /** Throws when the intake did not answer for the review (the page is read again later). */
  async submit(body: Record<string, unknown>): Promise<IntakeAnswer> {
    const response = await fetch(`${this.settings.url.replace(/\/+$/, '')}/integration/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': this.settings.apiKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    const text = await response.text();
    if (response.status === 201) return { kind: 'created' };
    if (response.status === 200) return { kind: 'already-stored' };
    let error: { code?: unknown; message?: unknown } = {};
    try {
      error = JSON.parse(text) as typeof error;
    } catch {
      // not the API's error shape: kept as text below
    }
    if (!REFUSALS.has(response.status)) throw new Error(`intake answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    const code = typeof error.code === 'string' ? error.code : 'REFUSED';
    const message = typeof error.message === 'string' ? error.message : text;
    return { kind: 'refused', httpStatus: response.status, code, message: message.slice(0, 2000) };
  }
}

export interface OnlineReviewPullDeps {
  pool: Pool;
  upstream: Pick<UpstreamHttpDriver, 'getOnlineReviews'>;
  intake: Pick<IntakeHttpClient, 'submit'>;
}

const READ_CURSOR = `
  INSERT INTO "exchange_pull_cursor" ("source") VALUES ($1) ON CONFLICT ("source") DO UPDATE SET "source" = EXCLUDED."source"
  RETURNING "cursor"`;

/** Moves the cursor on from the one the page was read from; 0 rows: someone else moved it meanwhile. */
const ADVANCE_CURSOR = `
  UPDATE "exchange_pull_cursor" SET "cursor" = $3, "pulled" = "pulled" + $4, "updated_at" = now()
  WHERE "source" = $1 AND "cursor" = $2`;

const KEEP_REFUSAL = `
  INSERT INTO "exchange_pull_refusal" ("source", "upstream_id", "cursor", "http_status", "code", "message", "item")
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT ("source", "upstream_id") DO NOTHING`;

interface Refusal {
  upstreamId: string;
  httpStatus: number;
  code: string;
  message: string;
  item: unknown;
}

export function createOnlineReviewPullActivities(deps: OnlineReviewPullDeps): OnlineReviewPullActivities {
  return {
    async pullOnlineReviews(pageSize: number): Promise<OnlineReviewPageResult> {
      const cursor = (await deps.pool.query<{ cursor: string }>(READ_CURSOR, [ONLINE_REVIEWS_SOURCE])).rows[0]?.cursor ?? '';
      const page = await deps.upstream.getOnlineReviews(cursor, pageSize);
      if (page.kind === 'failed') throw new Error(`online reviews from cursor "${cursor}": ${page.error}`);

      const result: OnlineReviewPageResult = { items: page.items.length, created: 0, alreadyStored: 0, refused: 0, cursor, nextCursor: page.nextCursor };
      const refusals: Refusal[] = [];
      // In feed order, one at a time: the intake's rule "one rating per case" must see them in the order given.
      for (const [index, item] of page.items.entries()) {
        const malformed = malformedItem(item);
        if (malformed) {
          const id = (item as { evaluationId?: unknown } | null)?.evaluationId;
          const upstreamId = typeof id === 'string' && id !== '' ? id : `${cursor}#${index}`;
          refusals.push({ upstreamId, httpStatus: 0, code: 'MALFORMED_ITEM', message: malformed, item });
          continue;
        }
        const review = item as OnlineReviewItem;
        const answer = await deps.intake.submit(intakeBodyOf(review));
        if (answer.kind === 'created') result.created += 1;
        else if (answer.kind === 'already-stored') result.alreadyStored += 1;
        else refusals.push({ upstreamId: review.evaluationId, httpStatus: answer.httpStatus, code: answer.code, message: answer.message, item });
      }
      result.refused = refusals.length;

      const client = await deps.pool.connect();
      try {
        await client.query('BEGIN');
        for (const refusal of refusals) {
          await client.query(KEEP_REFUSAL, [ONLINE_REVIEWS_SOURCE, refusal.upstreamId, cursor, refusal.httpStatus, refusal.code, refusal.message, JSON.stringify(refusal.item)]);
        }
        const advanced = await client.query(ADVANCE_CURSOR, [ONLINE_REVIEWS_SOURCE, cursor, page.nextCursor, page.items.length]);
        // Another puller moved it: its page was this one, and every review of it is stored once either way.
        await client.query(advanced.rowCount === 1 ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      return result;
    },
  };
}
