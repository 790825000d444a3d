import { ApplicationFailure } from '@temporalio/activity';
import { ERR_PROJECTION_INVALID, findUnstorableText, rectificationWorkflowId, type CaseProjection } from '@haochaping/contracts';
import type { Pool } from '@haochaping/db';
import type { PoolClient } from 'pg';
import { caseFactRows } from '../exchange/case-records';

/**
 * The read model's write, as one SQL statement (one round trip, atomic): upsert the case row, add the timeline
 * entries it does not have yet, set the review's adoption, and write the upward exchange's outbox row of every new
 * entry that is a result or a 不予采纳 decision (docs/EXCHANGE.md): a fact is stored with the record it owes, or not
 * at all. Every value is a function of the workflow's state
 * (`caseProjection`, in the contracts), so a retried projection writes the same row and no timeline entry twice (an
 * entry's index in the workflow's timeline is its identity: the projection carries the index of its first entry).
 * Sent straight to PostgreSQL: a projection ends every workflow step, and Prisma's query compiler cost more than
 * the statement itself (bench/workflows).
 *
 * Foreign keys are checked at the end of the statement, so the timeline rows may reference the case row the same
 * statement inserts. No row when the hall does not exist: the caller fails (and Temporal retries) rather than write a
 * case without an owner.
 *
 * The reconciler (read-model-reconciliation/) repairs a drifted case with this same statement, inside its own
 * transaction: hence a pool or one client.
 */
const PROJECT_CASE_SQL = `
WITH owner_hall AS (
  SELECT id FROM hall WHERE code = $1
), upserted AS (
  INSERT INTO rectification_case (
    review_id, workflow_id, hall_id, opened_at, level, state, state_label, category, escalation_level,
    callback_due_at, result_due_at, confirmation_due_at, overdue, outcome, sla_policy_version, closed_at,
    owner, assignee_user_id, assignee_name, callback_outcome, invited_department_codes, original_result_due_at, updated_at
  )
  SELECT $2::uuid, $3, owner_hall.id, $4::timestamptz, $5::smallint, $6, $7, $8, $9::smallint,
    $10::timestamptz, $11::timestamptz, $12::timestamptz, $13::boolean, $14, $15::integer, $16::timestamptz,
    $17, $18, $19, $20, $21::text[], $22::timestamptz, now()
  FROM owner_hall
  ON CONFLICT (review_id) DO UPDATE SET
    hall_id = EXCLUDED.hall_id, level = EXCLUDED.level, state = EXCLUDED.state, state_label = EXCLUDED.state_label,
    category = EXCLUDED.category, escalation_level = EXCLUDED.escalation_level, callback_due_at = EXCLUDED.callback_due_at,
    result_due_at = EXCLUDED.result_due_at, confirmation_due_at = EXCLUDED.confirmation_due_at, overdue = EXCLUDED.overdue,
    outcome = EXCLUDED.outcome, sla_policy_version = EXCLUDED.sla_policy_version, closed_at = EXCLUDED.closed_at,
    owner = EXCLUDED.owner, assignee_user_id = EXCLUDED.assignee_user_id, assignee_name = EXCLUDED.assignee_name,
    callback_outcome = EXCLUDED.callback_outcome, invited_department_codes = EXCLUDED.invited_department_codes,
    original_result_due_at = EXCLUDED.original_result_due_at, updated_at = now()
  RETURNING review_id
), timeline AS (
  INSERT INTO rectification_timeline_entry (review_id, seq, at, actor, action, details)
  SELECT upserted.review_id, entry.seq, entry.at, entry.actor, entry.action, entry.details
  FROM upserted, jsonb_to_recordset($23::jsonb) AS entry(seq integer, at timestamptz, actor text, action text, details jsonb)
  ON CONFLICT (review_id, seq) DO NOTHING
), adoption AS (
  -- 不予采纳 approved by the county: the review stays (kept and audited) but leaves the 好评率.
  UPDATE review SET adoption = $24::review_adoption
  WHERE id = $2::uuid AND EXISTS (SELECT 1 FROM upserted) AND adoption IS DISTINCT FROM $24::review_adoption
), exchange AS (
  -- The upward exchange's outbox rows of the new results and decisions (exchange/case-records.ts), keyed by the fact:
  -- a re-projection of the same entries finds its rows there.
  INSERT INTO exchange_delivery (record_id, type, review_id, timeline_seq)
  SELECT fact.record_id, fact.type, upserted.review_id, fact.seq
  FROM upserted, jsonb_to_recordset($25::jsonb) AS fact(record_id text, type text, seq integer)
  ON CONFLICT (record_id) DO NOTHING
)
SELECT count(*)::integer AS projected FROM upserted`;

/**
 * Writes the state, or fails for good (ERR_PROJECTION_INVALID, not retried) when no retry could ever write it: text
 * PostgreSQL cannot store, found before sending anything, or a value PostgreSQL refuses as data (SQLSTATE class 22:
 * an invalid instant, a number out of range, an untranslatable character). Retrying those would wedge the case, and
 * the workflow tells the county instead. Everything else (the database away, a hall not there yet) is retried.
 */
export async function projectCaseSql(pool: Pool | PoolClient, projection: CaseProjection): Promise<void> {
  const unstorable = findUnstorableText(projection, 'projection');
  if (unstorable !== undefined) {
    throw ApplicationFailure.nonRetryable(`case ${projection.reviewId}: ${unstorable} holds text PostgreSQL cannot store (NUL or a lone surrogate)`, ERR_PROJECTION_INVALID);
  }
  try {
    await writeProjection(pool, projection);
  } catch (error) {
    if (!isDataException(error)) throw error;
    throw ApplicationFailure.create({
      message: `case ${projection.reviewId}: PostgreSQL refused the state as data (${error.code}): ${error.message}`,
      type: ERR_PROJECTION_INVALID,
      nonRetryable: true,
      cause: error,
    });
  }
}

/** PostgreSQL's class 22, data exception: the same values fail the same way on every attempt. */
function isDataException(error: unknown): error is Error & { code: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('22');
}

async function writeProjection(pool: Pool | PoolClient, projection: CaseProjection): Promise<void> {
  const { columns } = projection;
  const timeline = projection.timeline.map((entry, index) => ({
    seq: projection.timelineFrom + index,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    details: entry.details ?? null,
  }));
  const { rows } = await pool.query<{ projected: number }>(PROJECT_CASE_SQL, [
    projection.hallCode,
    projection.reviewId,
    rectificationWorkflowId(projection.reviewId),
    projection.openedAt,
    columns.level,
    columns.state,
    columns.stateLabel,
    columns.category,
    columns.escalationLevel,
    columns.callbackDueAt,
    columns.resultDueAt,
    columns.confirmationDueAt,
    columns.overdue,
    columns.outcome,
    columns.slaPolicyVersion,
    columns.closedAt,
    columns.owner,
    columns.assigneeUserId,
    columns.assigneeName,
    columns.callbackOutcome,
    columns.invitedDepartmentCodes,
    columns.originalResultDueAt,
    JSON.stringify(timeline),
    columns.outcome === 'REJECTED' ? 'NOT_ADOPTED' : 'ADOPTED',
    JSON.stringify(caseFactRows(projection.reviewId, projection.timelineFrom, projection.timeline)),
  ]);
  if (rows[0]?.projected !== 1) throw new Error(`case ${projection.reviewId}: hall ${projection.hallCode} does not exist`);
}
