/**
 * The read model's reconciler (issue 16, "The read model repairs itself"). The case projection tables
 * (rectification_case, rectification_timeline_entry, review.adoption) are written by the workflows' projection
 * activity; a lost or altered write leaves a case's list row and detail wrong for as long as nobody acts on it. Every
 * day, and when the county or an admin asks (console 立即核对, `npm run reconcile`), the worker's
 * readModelReconciliationWorkflow compares each open case's rows, and those of the cases closed in the last N days,
 * with the workflow's own state (its `state` query) and re-projects the cases that drifted through the same
 * projection (caseProjection → projectCaseSql). Each run leaves a report: read_model_reconciliation_run and its
 * read_model_drift rows.
 */

/** The Temporal Schedule the worker creates or updates at every start (daily). */
export const READ_MODEL_RECONCILIATION_SCHEDULE_ID = 'read-model-reconciliation';

/** The workflow type the schedule, the API and the CLI start. */
export const READ_MODEL_RECONCILIATION_WORKFLOW_TYPE = 'readModelReconciliationWorkflow';

/** A run's workflow id (the API and the CLI choose the run's id; a scheduled run's workflow id is the schedule's). */
export function readModelReconciliationWorkflowId(runId: string): string {
  return `read-model-reconciliation-${runId}`;
}

/** How a run was started. */
export const RECONCILIATION_TRIGGERS = ['SCHEDULE', 'CONSOLE', 'CLI'] as const;
export type ReconciliationTrigger = (typeof RECONCILIATION_TRIGGERS)[number];

export const RECONCILIATION_TRIGGER_LABELS: Readonly<Record<ReconciliationTrigger, string>> = {
  SCHEDULE: '每日定时',
  CONSOLE: '立即核对',
  CLI: '命令行',
};

export const RECONCILIATION_STATUSES = ['RUNNING', 'DONE', 'FAILED'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const RECONCILIATION_STATUS_LABELS: Readonly<Record<ReconciliationStatus, string>> = {
  RUNNING: '核对中',
  DONE: '已完成',
  FAILED: '未完成',
};

/** "The cases closed in the last N days": N when the county has not set it (app_setting `reconciliation.closedWithinDays`). */
export const DEFAULT_RECONCILIATION_CLOSED_WITHIN_DAYS = 7;
export const RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING = 'reconciliation.closedWithinDays';

/**
 * What a drift report names: a column of the case row (the keys of CaseProjectionColumns), the row's hall and
 * opening, the timeline, the review's adoption, or the whole row missing.
 */
export const READ_MODEL_FIELD_LABELS = {
  missingRow: '案件记录缺失',
  hallCode: '所属大厅',
  openedAt: '立案时间',
  state: '办理状态',
  stateLabel: '状态名称',
  level: '评价等级',
  category: '整改类别',
  escalationLevel: '督办级别',
  callbackDueAt: '回访时限',
  resultDueAt: '整改时限',
  confirmationDueAt: '确认时限',
  overdue: '是否超期',
  outcome: '办结结果',
  slaPolicyVersion: '时限规则版本',
  closedAt: '办结时间',
  owner: '承办方',
  assigneeUserId: '经办人',
  assigneeName: '经办人姓名',
  callbackOutcome: '回访结果',
  invitedDepartmentCodes: '协办部门',
  originalResultDueAt: '原整改时限',
  timeline: '办理记录',
  adoption: '采纳状态',
} as const;
export type ReadModelField = keyof typeof READ_MODEL_FIELD_LABELS;

/** Why a drifted case was not repaired (the report's `reason`). */
export const DRIFT_NOT_REPAIRED_REASONS = {
  WORKFLOW_NOT_FOUND: '整改流程已不存在（超过保留期或从未启动），无法按流程状态修复',
  WORKFLOW_UNAVAILABLE: '整改流程暂时无法查询，下次核对再试',
  PROJECTION_INVALID: '流程状态含有无法保存的内容，无法写入案件列表',
  WRITE_FAILED: '写入案件列表失败，下次核对再试',
} as const;
export type DriftNotRepairedReason = keyof typeof DRIFT_NOT_REPAIRED_REASONS;

/** The workflow's input: who started it; the schedule passes only the trigger. */
export interface ReconciliationInput {
  trigger: ReconciliationTrigger;
  /** The report's id when the caller chose it (the API answers with it); else the first activity makes one. */
  runId?: string;
  requestedBy?: string | null;
  /** Overrides the county's N for this run (the CLI's `--closed-within-days`). */
  closedWithinDays?: number;
}

/** One drifted case as the run reports it. */
export interface CaseDrift {
  reviewId: string;
  hallCode: string | null;
  fields: ReadModelField[];
  repaired: boolean;
  reason: DriftNotRepairedReason | null;
}

/** What a run found, as the workflow returns it (the CLI prints it); the whole list is in read_model_drift. */
export interface ReconciliationSummary {
  runId: string;
  checked: number;
  drifted: number;
  repaired: number;
  /** The first drifts found (at most RECONCILIATION_SUMMARY_DRIFTS); the report holds them all. */
  drifts: CaseDrift[];
}

export const RECONCILIATION_SUMMARY_DRIFTS = 100;

export interface BeginReconciliationInput {
  runId: string | null;
  trigger: ReconciliationTrigger;
  requestedBy: string | null;
  closedWithinDays: number | null;
  workflowId: string;
}

export interface ReconciliationRun {
  runId: string;
  /** Cases closed at or after this instant are checked beside the open ones (ISO 8601). */
  closedSince: string;
}

export interface ReconcileCasePageInput {
  runId: string;
  closedSince: string;
  /** The last review id of the previous page (ids ascending); null for the first page. */
  after: string | null;
  limit: number;
}

export interface ReconcileCasePageResult {
  checked: number;
  drifts: CaseDrift[];
  /** The last id of this page, or null when it was the last page. */
  next: string | null;
}

/** The reconciler's activities (apps/worker/src/read-model-reconciliation); the workflow imports this type only. */
export interface ReadModelReconciliationActivities {
  /** Writes the run's report row (RUNNING) and decides which closed cases count as recent. */
  beginReconciliation: (input: BeginReconciliationInput) => Promise<ReconciliationRun>;
  /** Checks one page of cases, repairs each confirmed drift and records it in the report. */
  reconcileCasePage: (input: ReconcileCasePageInput) => Promise<ReconcileCasePageResult>;
  /** Closes the report (DONE, its counts; `checked` as the pages answered it) and tells the county when drift was found. */
  finishReconciliation: (input: { runId: string; checked: number }) => Promise<{ checked: number; drifted: number; repaired: number }>;
  /** Marks a run that could not finish (FAILED, with why). */
  failReconciliation: (input: { runId: string; error: string }) => Promise<void>;
}
