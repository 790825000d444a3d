import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import {
  caseProjection,
  DEFAULT_RECONCILIATION_CLOSED_WITHIN_DAYS,
  ERR_PROJECTION_INVALID,
  RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING,
  START_RECTIFICATION_TOPIC,
  type CaseDrift,
  type DriftNotRepairedReason,
  type ReadModelField,
  type ReadModelReconciliationActivities,
  type RectificationCaseState,
} from '@haochaping/contracts';
import type { Pool } from '@haochaping/db';
import type { PoolClient } from 'pg';
import { projectCaseSql } from '../activities/case-projection.sql';
import { renderReadModelDriftNotice } from '../notifications/notification-templates';
import { driftedFields, type StoredCase } from './read-model-drift';

export interface ReadModelReconciliationDeps {
  pool: Pool;
  /** The case's state as its workflow answers the `state` query; null when Temporal has no such workflow. */
  caseState: (reviewId: string) => Promise<RectificationCaseState | null>;
  now?: () => Date;
}

const DAY_MS = 86_400_000;
/** A workflow started this recently may not have written its first projection yet: its missing row is no drift. */
const FIRST_PROJECTION_GRACE_MS = 60_000;

/**
 * The reconciler's activities (read-model-reconciliation.contract.ts). A case is checked without locks first; only a
 * case that differs is looked at again under its row's lock with a fresh query, so a projection that was on its way
 * (the workflow's state moves before its projection is written) is not reported as drift, and a projection arriving
 * meanwhile waits for the repair and then writes its newer state over it. The repair is the workflow's own projection
 * of its whole state (caseProjection(state, 0) → projectCaseSql); timeline rows that differ are removed first, since
 * the projection only adds the entries a case lacks.
 */
export function createReadModelReconciliationActivities(deps: ReadModelReconciliationDeps): ReadModelReconciliationActivities {
  const { pool, caseState } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async beginReconciliation({ runId, trigger, requestedBy, closedWithinDays, workflowId }) {
      const id = runId ?? randomUUID();
      const days = closedWithinDays ?? (await closedWithinDaysSetting(pool));
      const startedAt = now();
      // A run the API created (its id given) is taken over; a retried activity finds its own row.
      const { rows } = await pool.query<{ started_at: Date; closed_within_days: number }>(
        `INSERT INTO read_model_reconciliation_run (id, trigger, requested_by, workflow_id, status, closed_within_days, started_at)
         VALUES ($1::uuid, $2, $3, $4, 'RUNNING', $5, $6)
         ON CONFLICT (id) DO UPDATE SET workflow_id = EXCLUDED.workflow_id
         RETURNING started_at, closed_within_days`,
        [id, trigger, requestedBy, workflowId, days, startedAt],
      );
      const run = rows[0];
      return { runId: id, closedSince: new Date(run.started_at.getTime() - run.closed_within_days * DAY_MS).toISOString() };
    },

    async reconcileCasePage({ runId, closedSince, after, limit }) {
      const startedBefore = new Date(now().getTime() - FIRST_PROJECTION_GRACE_MS);
      const { rows } = await pool.query<{ id: string }>(CANDIDATES_SQL, [START_RECTIFICATION_TOPIC, closedSince, after, limit, startedBefore]);
      const ids = rows.map((row) => row.id);
      const stored = await storedCases(pool, ids);
      const drifts: CaseDrift[] = [];
      for (const reviewId of ids) {
        heartbeat();
        const drift = await reconcileCase(reviewId, stored.get(reviewId) ?? null);
        if (!drift) continue;
        drifts.push(drift);
        // Written as soon as found: a page retried after this repair finds nothing left to report for the case.
        await pool.query(
          `INSERT INTO read_model_drift (run_id, review_id, hall_code, fields, repaired, reason, found_at)
           VALUES ($1::uuid, $2::uuid, $3, $4::text[], $5, $6, $7)
           ON CONFLICT (run_id, review_id) DO UPDATE SET fields = EXCLUDED.fields, repaired = EXCLUDED.repaired, reason = EXCLUDED.reason`,
          [runId, reviewId, drift.hallCode, drift.fields, drift.repaired, drift.reason, now()],
        );
      }
      return { checked: ids.length, drifts, next: ids.length < limit ? null : ids[ids.length - 1] };
    },

    async finishReconciliation({ runId, checked }) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ drifted: number; repaired: number }>(
          `UPDATE read_model_reconciliation_run r SET status = 'DONE', finished_at = $2, checked = $3, error = NULL,
             drifted = (SELECT count(*) FROM read_model_drift d WHERE d.run_id = r.id),
             repaired = (SELECT count(*) FROM read_model_drift d WHERE d.run_id = r.id AND d.repaired)
           WHERE r.id = $1::uuid RETURNING drifted, repaired`,
          [runId, now(), checked],
        );
        const totals = { checked, drifted: rows[0]?.drifted ?? 0, repaired: rows[0]?.repaired ?? 0 };
        if (totals.drifted > 0) {
          // The county's console notice (every hall: no hall), once per run.
          await client.query(
            `INSERT INTO notification (channel, key, template, params, audience_role, hall_id, body, sent_at)
             VALUES ('CONSOLE', $1, 'READ_MODEL_DRIFT', $2::jsonb, 'COUNTY_SUPERVISOR', NULL, $3, $4)
             ON CONFLICT (key) DO NOTHING`,
            [`read-model-drift:${runId}`, JSON.stringify({ runId, ...totals }), renderReadModelDriftNotice(totals), now()],
          );
        }
        await client.query('COMMIT');
        return totals;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },

    async failReconciliation({ runId, error }) {
      await pool.query(`UPDATE read_model_reconciliation_run SET status = 'FAILED', finished_at = $2, error = $3 WHERE id = $1::uuid`, [runId, now(), error.slice(0, 2000)]);
    },
  };

  /** The case's drift after its repair (or why none was possible); null when the read model agrees with the workflow. */
  async function reconcileCase(reviewId: string, stored: StoredCase | null): Promise<CaseDrift | null> {
    const state = await caseState(reviewId);
    if (!state) {
      // A closed case whose history Temporal no longer keeps: nothing to compare with, nothing wrong.
      if (stored?.columns.state === 'CLOSED') return null;
      return { reviewId, hallCode: stored?.hallCode ?? null, fields: stored ? [] : ['missingRow'], repaired: false, reason: 'WORKFLOW_NOT_FOUND' };
    }
    if (driftedFields(caseProjection(state, 0), stored).length === 0) return null;
    return repair(reviewId);
  }

  /** Looks again under the row's lock with a fresh state, and re-projects the case if it still differs. */
  async function repair(reviewId: string): Promise<CaseDrift | null> {
    const client = await pool.connect();
    let fields: ReadModelField[] = [];
    let hallCode: string | null = null;
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM rectification_case WHERE review_id = $1::uuid FOR UPDATE', [reviewId]);
      const state = await caseState(reviewId);
      if (!state) {
        await client.query('ROLLBACK');
        return { reviewId, hallCode, fields: [], repaired: false, reason: 'WORKFLOW_NOT_FOUND' };
      }
      hallCode = state.hallCode;
      const projection = caseProjection(state, 0);
      fields = driftedFields(projection, (await storedCases(client, [reviewId])).get(reviewId) ?? null);
      if (fields.length === 0) {
        await client.query('ROLLBACK');
        return null;
      }
      if (fields.includes('timeline')) await client.query('DELETE FROM rectification_timeline_entry WHERE review_id = $1::uuid', [reviewId]);
      await projectCaseSql(client, projection);
      await client.query('COMMIT');
      return { reviewId, hallCode, fields, repaired: true, reason: null };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // A Temporal that stops answering fails the page (retried); a write that fails is this case's alone.
      if (fields.length === 0) throw error;
      const reason: DriftNotRepairedReason = error instanceof ApplicationFailure && error.type === ERR_PROJECTION_INVALID ? 'PROJECTION_INVALID' : 'WRITE_FAILED';
      return { reviewId, hallCode, fields, repaired: false, reason };
    } finally {
      client.release();
    }
  }
}

function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // Outside an activity (a unit test calling the function directly) there is nobody to tell.
  }
}

async function closedWithinDaysSetting(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ value: unknown }>('SELECT value FROM app_setting WHERE key = $1', [RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING]);
  const value = rows[0]?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : DEFAULT_RECONCILIATION_CLOSED_WITHIN_DAYS;
}

/**
 * The cases a run checks, one page in id order: every case whose workflow was started (its outbox row dispatched) and
 * every case in the read model, except those the read model shows closed before `closedSince`. A case whose row was
 * lost is found through its outbox row; one still starting (not dispatched, or dispatched less than a minute ago and
 * without a row yet) is left to its first projection.
 */
const CANDIDATES_SQL = `
SELECT id::text FROM (
  SELECT (o.payload->'input'->>'reviewId')::uuid AS id
  FROM outbox_message o
  WHERE o.topic = $1 AND o.dispatched_at < $5::timestamptz
  UNION
  SELECT review_id FROM rectification_case
) candidates
WHERE ($3::uuid IS NULL OR id > $3::uuid)
  AND NOT EXISTS (
    SELECT 1 FROM rectification_case c WHERE c.review_id = candidates.id AND c.state = 'CLOSED' AND c.closed_at < $2::timestamptz
  )
ORDER BY id
LIMIT $4`;

/** The read model's rows of these cases, by review id (a case without a row is absent). */
async function storedCases(db: Pool | PoolClient, ids: string[]): Promise<Map<string, StoredCase>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<StoredCaseRow>(STORED_CASES_SQL, [ids]);
  return new Map(
    rows.map((row) => [
      row.review_id,
      {
        reviewId: row.review_id,
        hallCode: row.hall_code,
        openedAt: row.opened_at,
        columns: {
          state: row.state,
          stateLabel: row.state_label,
          level: row.level,
          category: row.category,
          escalationLevel: row.escalation_level,
          callbackDueAt: row.callback_due_at,
          resultDueAt: row.result_due_at,
          confirmationDueAt: row.confirmation_due_at,
          overdue: row.overdue,
          outcome: row.outcome,
          slaPolicyVersion: row.sla_policy_version,
          closedAt: row.closed_at,
          owner: row.owner,
          assigneeUserId: row.assignee_user_id,
          assigneeName: row.assignee_name,
          callbackOutcome: row.callback_outcome,
          invitedDepartmentCodes: row.invited_department_codes,
          originalResultDueAt: row.original_result_due_at,
        },
        timeline: row.timeline.map((entry) => ({ ...entry, at: new Date(entry.at) })),
        adoption: row.adoption,
      },
    ]),
  );
}

const STORED_CASES_SQL = `
SELECT c.review_id::text AS review_id, h.code AS hall_code, c.opened_at, c.level, c.state, c.state_label, c.category,
  c.escalation_level, c.callback_due_at, c.result_due_at, c.confirmation_due_at, c.overdue, c.outcome, c.sla_policy_version,
  c.closed_at, c.owner, c.assignee_user_id, c.assignee_name, c.callback_outcome, c.invited_department_codes,
  c.original_result_due_at, r.adoption::text AS adoption,
  COALESCE((
    SELECT json_agg(json_build_object('seq', t.seq, 'at', t.at, 'actor', t.actor, 'action', t.action, 'details', t.details) ORDER BY t.seq)
    FROM rectification_timeline_entry t WHERE t.review_id = c.review_id
  ), '[]'::json) AS timeline
FROM rectification_case c
JOIN hall h ON h.id = c.hall_id
JOIN review r ON r.id = c.review_id
WHERE c.review_id = ANY ($1::uuid[])`;

interface StoredCaseRow {
  review_id: string;
  hall_code: string;
  opened_at: Date;
  level: number;
  state: string;
  state_label: string;
  category: string | null;
  escalation_level: number;
  callback_due_at: Date | null;
  result_due_at: Date | null;
  confirmation_due_at: Date | null;
  overdue: boolean;
  outcome: string | null;
  sla_policy_version: number;
  closed_at: Date | null;
  owner: string;
  assignee_user_id: string | null;
  assignee_name: string | null;
  callback_outcome: string | null;
  invited_department_codes: string[];
  original_result_due_at: Date | null;
  adoption: string;
  timeline: Array<{ seq: number; at: string; actor: string; action: string; details: unknown }>;
}
