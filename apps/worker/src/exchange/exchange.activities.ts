import type { ExchangeActivities, ExchangeRoundResult } from '@haochaping/contracts';
import type { Pool } from '@haochaping/db';
import type { PoolClient } from 'pg';
import { renderConsoleNotice } from '../notifications/notification-templates';
import { caseFactRecord, type CaseFactForExchange } from './case-records';
import { reviewRecord, type ExchangeSender, type ReviewForExchange } from './review-record';
import type { BatchOutcome, RecordAnswer, UpstreamHttpDriver } from './upstream-http.driver';

export interface ExchangeDeliveryPolicy {
  /** A record the upstream refuses for another reason than its content is tried this often, then DEAD (EXCHANGE_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** A record still not delivered this long after it was written is DEAD at its next failed attempt (EXCHANGE_DEAD_LETTER_MS). */
  deadLetterMs: number;
}

export interface ExchangeActivitiesDeps {
  pool: Pool;
  driver: Pick<UpstreamHttpDriver, 'postRecords'>;
  sender: ExchangeSender;
  policy: ExchangeDeliveryPolicy;
}

/** Refusals of the record's content: sending it again would be refused again, so the record is dead at once. */
export const REFUSED_FOR_GOOD = ['INVALID_RECORD', 'INVALID_TYPE'] as const;

interface ClaimedRow {
  id: string;
  record_id: string;
  type: string;
  review_id: string;
  payload: Record<string, unknown> | null;
  attempts: number;
  created_at: Date;
}

/** What becomes of one row after an attempt. */
interface RowUpdate {
  id: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  error: string | null;
}

/** The oldest pending rows; rows another deliverer holds are skipped, not waited for. */
const CLAIM = `
  SELECT "id"::text, "record_id", "type", "review_id"::text, "payload", "attempts", "created_at" FROM "exchange_delivery"
  WHERE "status" = 'PENDING' ORDER BY "exchange_delivery"."id" LIMIT $1 FOR UPDATE SKIP LOCKED`;

/** What a REVIEW record needs, in one join (reviews.id = ANY($1)). */
const REVIEWS_FOR_EXCHANGE = `
  SELECT r."id"::text AS "id", r."level", r."option_codes" AS "optionCodes", r."option_set_version" AS "optionSetVersion",
    r."comment", r."channel"::text AS "channel", r."created_at" AS "createdAt", h."code" AS "hallCode", h."name" AS "hallName",
    i."code" AS "itemCode", i."name" AS "itemName", d."code" AS "deptCode", d."name" AS "deptName", c."case_number" AS "caseNumber",
    c."received_at" AS "caseReceivedAt", c."completed_at" AS "caseCompletedAt", c."applicant_kind"::text AS "applicantKind"
  FROM "review" r
  JOIN "hall" h ON h."id" = r."hall_id"
  LEFT JOIN "service_item" i ON i."id" = r."service_item_id"
  LEFT JOIN "department" d ON d."id" = i."department_id"
  LEFT JOIN "service_case" c ON c."id" = r."case_id"
  WHERE r."id" = ANY($1::uuid[])`;

/**
 * What a RECTIFICATION or REJECTION record needs (exchange_delivery.id = ANY($1)): the timeline entry the row names,
 * the case's hall, and the finding of the latest 不予采纳 proposal before the entry (a REJECTION's finding).
 */
const CASE_FACTS_FOR_EXCHANGE = `
  SELECT e."id"::text AS "rowId", e."record_id" AS "recordId", e."review_id"::text AS "reviewId", t."at", t."actor", t."details",
    h."code" AS "hallCode", h."name" AS "hallName",
    (SELECT p."details"->>'finding' FROM "rectification_timeline_entry" p
      WHERE p."review_id" = e."review_id" AND p."seq" < t."seq" AND p."details"->>'finding' IN ('UNTRUE', 'MALICIOUS')
      ORDER BY p."seq" DESC LIMIT 1) AS "proposedFinding"
  FROM "exchange_delivery" e
  JOIN "rectification_timeline_entry" t ON t."review_id" = e."review_id" AND t."seq" = e."timeline_seq"
  JOIN "rectification_case" c ON c."review_id" = e."review_id"
  JOIN "hall" h ON h."id" = c."hall_id"
  WHERE e."id" = ANY($1::bigint[])`;

const KEEP_PAYLOADS = `
  UPDATE "exchange_delivery" e SET "payload" = u."payload" FROM unnest($1::bigint[], $2::jsonb[]) AS u("id", "payload") WHERE e."id" = u."id"`;

const RECORD_ATTEMPT = `
  UPDATE "exchange_delivery" e SET "status" = u."status"::"exchange_status", "attempts" = e."attempts" + 1, "last_error" = u."error",
    "last_attempt_at" = $4::timestamptz, "delivered_at" = CASE WHEN u."status" = 'DELIVERED' THEN $4::timestamptz END
  FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u("id", "status", "error") WHERE e."id" = u."id"`;

const LOG_ATTEMPT = `
  INSERT INTO "exchange_attempt" ("started_at", "finished_at", "records", "http_status", "accepted", "duplicates", "rejected", "error")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;

const DEAD_LETTER_FACTS = `
  SELECT e."record_id", e."type", e."review_id"::text, e."last_error", r."hall_id"::text, h."code" AS "hall_code", h."name" AS "hall_name"
  FROM "exchange_delivery" e JOIN "review" r ON r."id" = e."review_id" JOIN "hall" h ON h."id" = r."hall_id"
  WHERE e."id" = ANY($1::bigint[])`;

const NOTIFY_COUNTY = `
  INSERT INTO "notification" ("channel", "key", "template", "params", "audience_role", "hall_id", "body", "sent_at")
  VALUES ('CONSOLE', $1, 'EXCHANGE_DEAD_LETTER', $2::jsonb, 'COUNTY_SUPERVISOR', $3::uuid, $4, $5)
  ON CONFLICT ("key") DO NOTHING`;

/**
 * One round of the upward exchange (exchangeDeliveryWorkflow): claim the oldest pending rows, send them in one POST,
 * record what came back, all in one transaction that holds the claimed rows while the POST runs (at most
 * EXCHANGE_TIMEOUT_MS). ACCEPTED and DUPLICATE ("already exists") are delivered; a refusal of the record's content
 * (REFUSED_FOR_GOOD) is dead at once, any other refusal after `maxAttempts`; a batch without per-record answers
 * leaves its rows pending, each attempt counted with its error. A row that turns dead writes one console notice to the
 * county (EXCHANGE_DEAD_LETTER). If the transaction is lost after the upstream stored a record, the row stays pending
 * and its resend is answered DUPLICATE: the upstream keeps one record per id, so the record is stored exactly once.
 */
export function createExchangeActivities(deps: ExchangeActivitiesDeps): ExchangeActivities {
  return {
    async deliverExchangeBatch(batchSize: number): Promise<ExchangeRoundResult> {
      const client = await deps.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await deliver(client, deps, batchSize);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

async function deliver(client: PoolClient, deps: ExchangeActivitiesDeps, batchSize: number): Promise<ExchangeRoundResult> {
  const rows = (await client.query<ClaimedRow>(CLAIM, [batchSize])).rows;
  if (rows.length === 0) return { claimed: 0, delivered: 0, refused: 0, dead: 0, transportFailed: false };
  const records = await payloadsOf(client, rows, deps.sender);

  const startedAt = new Date();
  const outcome = await deps.driver.postRecords(records);
  const finishedAt = new Date();

  const updates = outcome.kind === 'answered' ? rows.map((row, index) => afterAnswer(row, outcome.results[index], deps.policy)) : rows.map((row) => afterFailure(row, outcome.error, deps.policy, finishedAt));
  await client.query(RECORD_ATTEMPT, [updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => u.error), finishedAt]);
  await client.query(LOG_ATTEMPT, [startedAt, finishedAt, rows.length, outcome.httpStatus, ...counts(outcome), outcome.kind === 'failed' ? outcome.error : null]);

  const dead = updates.filter((u) => u.status === 'DEAD').map((u) => u.id);
  if (dead.length > 0) await notifyCounty(client, dead, finishedAt);
  return {
    claimed: rows.length,
    delivered: updates.filter((u) => u.status === 'DELIVERED').length,
    refused: outcome.kind === 'answered' ? outcome.results.filter((r) => r.status === 'REJECTED').length : 0,
    dead: dead.length,
    transportFailed: outcome.kind === 'failed',
  };
}

/** The rows' records: as kept from their first attempt, or built now (and kept) for rows sent for the first time. */
async function payloadsOf(client: PoolClient, rows: ClaimedRow[], sender: ExchangeSender): Promise<Array<Record<string, unknown>>> {
  const missing = rows.filter((row) => row.payload === null);
  if (missing.length > 0) {
    const built = new Map<string, Record<string, unknown>>();
    const reviewRows = missing.filter((row) => row.type === 'REVIEW');
    if (reviewRows.length > 0) {
      const reviews = (await client.query<ReviewForExchange>(REVIEWS_FOR_EXCHANGE, [reviewRows.map((row) => row.review_id)])).rows;
      const byId = new Map(reviews.map((review) => [review.id, review]));
      for (const row of reviewRows) {
        const review = byId.get(row.review_id);
        if (review) built.set(row.id, reviewRecord(review, sender));
      }
    }
    const factRows = missing.filter((row) => row.type !== 'REVIEW');
    if (factRows.length > 0) {
      const facts = (await client.query<CaseFactForExchange & { rowId: string }>(CASE_FACTS_FOR_EXCHANGE, [factRows.map((row) => row.id)])).rows;
      for (const fact of facts) built.set(fact.rowId, caseFactRecord(fact, sender));
    }
    for (const row of missing) {
      const payload = built.get(row.id);
      if (!payload) throw new Error(`exchange row ${row.id} (${row.type} ${row.record_id}): what it reports was not found`);
      row.payload = payload;
    }
    await client.query(KEEP_PAYLOADS, [missing.map((row) => row.id), missing.map((row) => JSON.stringify(row.payload))]);
  }
  return rows.map((row) => row.payload as Record<string, unknown>);
}

export function afterAnswer(row: Pick<ClaimedRow, 'id' | 'attempts'>, answer: RecordAnswer | undefined, policy: ExchangeDeliveryPolicy): RowUpdate {
  if (answer?.status === 'ACCEPTED' || answer?.status === 'DUPLICATE') return { id: row.id, status: 'DELIVERED', error: null };
  const error = `${answer?.code ?? 'REJECTED'}: ${answer?.message ?? ''}`.slice(0, 2000);
  const forGood = (REFUSED_FOR_GOOD as readonly string[]).includes(answer?.code ?? '');
  return { id: row.id, status: forGood || row.attempts + 1 >= policy.maxAttempts ? 'DEAD' : 'PENDING', error };
}

export function afterFailure(row: Pick<ClaimedRow, 'id' | 'created_at'>, error: string, policy: ExchangeDeliveryPolicy, now: Date): RowUpdate {
  const overdue = now.getTime() - row.created_at.getTime() >= policy.deadLetterMs;
  return { id: row.id, status: overdue ? 'DEAD' : 'PENDING', error };
}

function counts(outcome: BatchOutcome): [number, number, number] {
  if (outcome.kind === 'failed') return [0, 0, 0];
  const of = (status: RecordAnswer['status']) => outcome.results.filter((result) => result.status === status).length;
  return [of('ACCEPTED'), of('DUPLICATE'), of('REJECTED')];
}

interface DeadLetterFacts {
  record_id: string;
  type: string;
  review_id: string;
  last_error: string | null;
  hall_id: string;
  hall_code: string;
  hall_name: string;
}

async function notifyCounty(client: PoolClient, ids: string[], at: Date): Promise<void> {
  const facts = (await client.query<DeadLetterFacts>(DEAD_LETTER_FACTS, [ids])).rows;
  for (const fact of facts) {
    const body = renderConsoleNotice({ hallName: fact.hall_name, request: { kind: 'EXCHANGE_DEAD_LETTER', reviewId: fact.review_id, recipientRole: 'COUNTY_SUPERVISOR', hallCode: fact.hall_code } });
    // No `reviewId`: the console links a notice with one to the review's rectification case, which a good review has not.
    const params = { recordId: fact.record_id, type: fact.type, lastError: fact.last_error };
    await client.query(NOTIFY_COUNTY, [`exchange-dead-letter:${fact.record_id}`, JSON.stringify(params), fact.hall_id, body, at]);
  }
}
