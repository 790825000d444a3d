import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { Client, Connection } from '@temporalio/client';
import { isBadReview, isOpenObligation, OBLIGATION_KINDS, rectificationWorkflowId, type RectificationCaseState } from '@haochaping/contracts';
import { rectificationStateQuery } from '@haochaping/contracts/server';
import { REPO_ROOT } from '../paths';
import type { AcceptedReview } from './load';

/**
 * What must hold after the faults, read from PostgreSQL and from Temporal (each case's workflow answers its `state`
 * query): every review answered 2xx is stored; one case and one workflow per bad review; every clock due by now
 * fired, once (its timeline note and its console notice); no notification or SMS twice; and the read model equal to
 * every case's workflow state, which the read model's own reconciler judges (`npm run reconcile`).
 */
export const INVARIANTS = ['reviewStored', 'oneCasePerBadReview', 'oneWorkflowPerBadReview', 'deadlineFired', 'deadlineFiredOnce', 'noDuplicateNotification', 'readModelEqualsWorkflow'] as const;
export type Invariant = (typeof INVARIANTS)[number];

export interface Violation {
  invariant: Invariant;
  reviewId?: string;
  detail: string;
}

export interface InvariantReport {
  violations: Violation[];
  reviewsChecked: number;
  badReviews: number;
  /** Clock events seen fired in the workflows: reminders, overdue notices, escalations, closed windows. */
  deadlinesFired: number;
  /** Clocks of open obligations still to come (a reminder, a due time, an escalation): none once the run is quiet. */
  clocksPending: number;
  /** When the last of them comes (ms since the epoch; 0 for none). */
  lastClockAt: number;
  reconciliation?: { runId: string; checked: string };
}

/** A clock is owed its firing only when it came due this long before the check (a timer and its activity take a moment). */
const GRACE_MS = 10_000;

/** The clocks of a case's open obligations that come due after `cutoff`. */
function pendingClocks(state: RectificationCaseState, cutoff: number): { pending: number; lastAt: number } {
  let pending = 0;
  let lastAt = 0;
  for (const kind of OBLIGATION_KINDS) {
    const obligation = state.obligations[kind];
    if (!isOpenObligation(obligation)) continue;
    const later = [obligation.remindAt, obligation.dueAt, obligation.escalationLevel < 2 ? obligation.escalatesAt : null]
      .filter((instant): instant is string => instant !== null)
      .map((instant) => Date.parse(instant))
      .filter((at) => at >= cutoff);
    if (later.length > 0) pending++;
    lastAt = Math.max(lastAt, ...later);
  }
  return { pending, lastAt };
}

export class InvariantChecker {
  private constructor(
    private readonly db: pg.Client,
    private readonly connection: Connection,
    private readonly temporal: Client,
    private readonly temporalAddress: string,
  ) {}

  static async connect(databaseUrl: string, temporalAddress: string): Promise<InvariantChecker> {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const connection = await Connection.connect({ address: temporalAddress });
    return new InvariantChecker(db, connection, new Client({ connection }), temporalAddress);
  }

  async close(): Promise<void> {
    await this.db.end().catch(() => undefined);
    await this.connection.close().catch(() => undefined);
  }

  /**
   * Waits (at most `boundMs`) until the system is quiet: every bad review has its case and workflow, every clock due
   * by now has fired and (with `settleClocks`) no clock of an open obligation is still to come. Resolves with the seconds it took, or with the bound when it never got there (the final
   * check then reports what is still wrong).
   */
  async quiesce(accepted: AcceptedReview[], since: Date, boundMs: number, settleClocks = true): Promise<{ seconds: number; quiet: boolean }> {
    const started = Date.now();
    for (;;) {
      const report = await this.check(accepted, since, { reconcile: false }).catch(() => undefined);
      if (report && report.violations.length === 0 && (!settleClocks || report.clocksPending === 0)) return { seconds: (Date.now() - started) / 1000, quiet: true };
      if (Date.now() - started > boundMs) return { seconds: (Date.now() - started) / 1000, quiet: false };
      // Each check asks every case's workflow (a replay on a worker): wait for the last pending clock, not in a tight loop.
      const nextLook = Math.max(Date.now() + 3_000, settleClocks && report ? report.lastClockAt + GRACE_MS : 0);
      await new Promise((resolve) => setTimeout(resolve, Math.min(nextLook, started + boundMs + 1_000) - Date.now()));
    }
  }

  /** Every invariant; `since` bounds the run's reviews (the start seeds demo reviews before it). */
  async check(accepted: AcceptedReview[], since: Date, options: { reconcile: boolean } = { reconcile: true }): Promise<InvariantReport> {
    const violations: Violation[] = [];
    const cutoff = Date.now() - GRACE_MS;

    const ids = accepted.map((review) => review.id);
    const stored = await this.db.query<{ id: string }>('SELECT id::text FROM review WHERE id = ANY($1::uuid[])', [ids]);
    const storedIds = new Set(stored.rows.map((row) => row.id));
    for (const review of accepted) {
      if (!storedIds.has(review.id)) violations.push({ invariant: 'reviewStored', reviewId: review.id, detail: `answered 2xx (level ${review.level}, clientKey ${review.clientKey}) but not in table review` });
    }

    // Every bad review the run stored, answered 2xx or not (an API killed after its commit never answered).
    const bad = await this.db.query<{ id: string; level: number; cases: string }>(
      `SELECT r.id::text, r.level, (SELECT count(*) FROM rectification_case c WHERE c.review_id = r.id) AS cases
       FROM review r WHERE r.created_at >= $1 ORDER BY r.created_at`,
      [since],
    );
    const badIds: string[] = [];
    let deadlinesFired = 0;
    let clocksPending = 0;
    let lastClockAt = 0;
    const badRows = bad.rows.filter((candidate) => isBadReview(candidate.level));
    // A few cases at a time: each one is a visibility count and a query (a replay on a worker).
    for (let start = 0; start < badRows.length; start += 4) {
      await Promise.all(badRows.slice(start, start + 4).map(async (row) => {
        badIds.push(row.id);
        if (Number(row.cases) !== 1) violations.push({ invariant: 'oneCasePerBadReview', reviewId: row.id, detail: `${row.cases} rows in rectification_case` });
        const workflowId = rectificationWorkflowId(row.id);
        const { count } = await this.connection.workflowService.countWorkflowExecutions({ namespace: 'default', query: `WorkflowId = '${workflowId}'` });
        if (Number(count) !== 1) violations.push({ invariant: 'oneWorkflowPerBadReview', reviewId: row.id, detail: `${Number(count)} executions of ${workflowId}` });
        if (Number(count) === 0) return;
        const state = await this.temporal.workflow.getHandle(workflowId).query(rectificationStateQuery);
        deadlinesFired += this.checkClocks(row.id, state, cutoff, violations);
        const pending = pendingClocks(state, cutoff);
        clocksPending += pending.pending;
        lastClockAt = Math.max(lastClockAt, pending.lastAt);
      }));
    }
    await this.checkNotices(badIds, violations);

    const report: InvariantReport = { violations, reviewsChecked: ids.length, badReviews: badIds.length, deadlinesFired, clocksPending, lastClockAt };
    if (options.reconcile) report.reconciliation = await this.reconcile(badIds, violations);
    return report;
  }

  /** The clocks of one case: each one due by `cutoff` fired, and each firing is in the timeline once. */
  private checkClocks(reviewId: string, state: RectificationCaseState, cutoff: number, violations: Violation[]): number {
    let fired = 0;
    const notes = new Map<string, number>();
    for (const entry of state.timeline) {
      if (!entry.details || !('obligation' in entry.details)) continue;
      const key = JSON.stringify({ actor: entry.actor, action: entry.action, details: entry.details });
      notes.set(key, (notes.get(key) ?? 0) + 1);
    }
    for (const [key, count] of notes) {
      if (count > 1) violations.push({ invariant: 'deadlineFiredOnce', reviewId, detail: `timeline note ${count} times: ${key}` });
    }
    const notesOf = (kind: string, dueAt: string, level?: number) =>
      state.timeline.filter((entry) => entry.details?.obligation === kind && entry.details.dueAt === dueAt && (level === undefined || entry.details.escalationLevel === level)).length;

    for (const kind of OBLIGATION_KINDS) {
      const obligation = state.obligations[kind];
      if (!obligation) continue;
      const open: boolean = isOpenObligation(obligation); // no narrowing: a closed one is read below too
      const due = (instant: string | null) => instant !== null && Date.parse(instant) < cutoff;
      if (obligation.remindedAt) fired++;
      if (obligation.remindAt === null) {
        // A window (the citizen's confirmation): when it runs out the case closes as 无异议, which ends the window.
        if (open && due(obligation.dueAt)) violations.push({ invariant: 'deadlineFired', reviewId, detail: `${kind} window due ${obligation.dueAt} still open` });
        else if (!open && due(obligation.dueAt) && obligation.doneAt && Date.parse(obligation.doneAt) >= Date.parse(obligation.dueAt)) fired++;
        continue;
      }
      if (open && due(obligation.remindAt) && Date.parse(obligation.remindAt) < Date.parse(obligation.dueAt) && !obligation.remindedAt && !obligation.overdue) {
        violations.push({ invariant: 'deadlineFired', reviewId, detail: `${kind} reminder due ${obligation.remindAt} not sent` });
      }
      if (open && due(obligation.dueAt) && !obligation.overdue) violations.push({ invariant: 'deadlineFired', reviewId, detail: `${kind} due ${obligation.dueAt} not overdue` });
      if (obligation.overdue) {
        fired++;
        const level = obligation.escalatesAt === null ? 2 : 1;
        if (notesOf(kind, obligation.dueAt, level) !== 1) violations.push({ invariant: 'deadlineFiredOnce', reviewId, detail: `${kind} overdue (level ${level}) noted ${notesOf(kind, obligation.dueAt, level)} times` });
      }
      if (open && obligation.escalatesAt && due(obligation.escalatesAt) && obligation.escalationLevel !== 2) {
        violations.push({ invariant: 'deadlineFired', reviewId, detail: `${kind} escalation due ${obligation.escalatesAt} not raised (level ${obligation.escalationLevel})` });
      }
      if (obligation.escalatesAt && obligation.escalationLevel === 2) {
        fired++;
        if (notesOf(kind, obligation.dueAt, 2) !== 1) violations.push({ invariant: 'deadlineFiredOnce', reviewId, detail: `${kind} escalation noted ${notesOf(kind, obligation.dueAt, 2)} times` });
      }
    }
    return fired;
  }

  /**
   * No notice, SMS or escalation twice: rows alike in everything but their deduplication key (the same kind, case,
   * clock, due time and recipient). And each overdue or escalation of the workflows has its console notice.
   */
  private async checkNotices(badIds: string[], violations: Violation[]): Promise<void> {
    const duplicates = await this.db.query<{ channel: string; template: string; review_id: string; obligation: string; due_at: string; recipient: string; count: string }>(
      `SELECT channel, template, params->>'reviewId' AS review_id, coalesce(params->>'obligation', '') AS obligation, coalesce(params->>'dueAt', '') AS due_at,
              concat_ws('/', audience_role, user_id, params->>'recipient') AS recipient, count(*)
       FROM notification WHERE params->>'reviewId' = ANY($1::text[])
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING count(*) > 1`,
      [badIds],
    );
    for (const row of duplicates.rows) {
      violations.push({ invariant: 'noDuplicateNotification', reviewId: row.review_id, detail: `${row.count} × ${row.channel} ${row.template} ${row.obligation} ${row.due_at} to ${row.recipient}` });
    }
  }

  /**
   * The read model's reconciler (apps/worker/src/cli/reconcile.js, `npm run reconcile`) run now; every drift it found
   * in one of the run's cases, repaired or not, was a read model that differed from its workflow.
   */
  private async reconcile(badIds: string[], violations: Violation[]): Promise<{ runId: string; checked: string }> {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps', 'worker', 'dist', 'cli', 'reconcile.js')], {
        env: { ...process.env, TEMPORAL_ADDRESS: this.temporalAddress, TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'rectification' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.once('exit', (exitCode) => resolve({ code: exitCode ?? 1, output: text }));
    });
    const runId = /核对已开始：([0-9a-f-]{36})/.exec(output)?.[1];
    const checked = /核对 \S+: (核对 \d+ 件，发现偏差 \d+ 件，已修复 \d+ 件)/.exec(output)?.[1] ?? output.trim().split('\n').pop() ?? '';
    if (!runId || code === 1) {
      violations.push({ invariant: 'readModelEqualsWorkflow', detail: `the reconciler did not run (exit ${code}): ${output.trim()}` });
      return { runId: runId ?? '', checked };
    }
    const drifts = await this.db.query<{ review_id: string; fields: string[]; repaired: boolean; reason: string | null }>(
      'SELECT review_id::text, fields, repaired, reason FROM read_model_drift WHERE run_id = $1::uuid AND review_id = ANY($2::uuid[])',
      [runId, badIds],
    );
    for (const drift of drifts.rows) {
      violations.push({ invariant: 'readModelEqualsWorkflow', reviewId: drift.review_id, detail: `fields ${drift.fields.join(', ')} ${drift.repaired ? '(repaired by the reconciler)' : `not repaired: ${drift.reason}`}` });
    }
    return { runId, checked };
  }
}
