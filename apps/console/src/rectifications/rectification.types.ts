// The API's rectification shapes (apps/api/src/rectifications/dto), in the shared model's words: states,
// categories, obligations and action paths come from @haochaping/contracts (its pure entry), never copied here.
import type {
  Obligation,
  ObligationKind,
  RectificationActionPath,
  RectificationCategory,
  RectificationState,
} from '@haochaping/contracts';

/** One row of the read model: GET /api/rectifications. */
export interface RectificationCase {
  id: string;
  reviewId: string;
  workflowId: string;
  hallCode: string;
  hallName: string;
  level: number;
  state: RectificationState;
  stateLabel: string;
  category: RectificationCategory | null;
  categoryLabel: string | null;
  escalationLevel: 0 | 1 | 2;
  callbackDueAt: string | null;
  resultDueAt: string | null;
  confirmationDueAt: string | null;
  overdue: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  slaPolicyVersion: number;
  openedAt: string;
  closedAt: string | null;
  /** The handler whose work queue the case is in; null while it is the hall's. */
  assigneeName: string | null;
  /** Departments invited to co-handle the case (codes; the export names them). */
  invitedDepartmentCodes: string[];
  updatedAt: string;
}

/** GET /api/rectifications/:id/reviewer: masked, or in full (unmask=1, audited) for the working handler and the county. */
/** An account the case may be reassigned to (GET /api/rectifications/:id/assignees). */
export interface CaseAssignee {
  id: string;
  name: string;
  role: 'HANDLER' | 'TOWN_LEADER';
  roleLabel: string;
}

export interface CaseReviewer {
  kind: 'ANONYMOUS' | 'REAL_NAME';
  name: string | null;
  phone: string | null;
  masked: boolean;
}

/** One step of a case, named by the API: who by post and name, departments by name (never an account id or a code). */
export interface TimelineEntry {
  seq?: number;
  at: string;
  actor: string;
  /** 经办人 张三, 金屯镇分管领导 李四, 县行政审批服务局 王五, 评价人, 系统. */
  actorLabel: string;
  /** The workflow's wording as recorded (departments by code). */
  action: string;
  /** The wording with the departments named by name: what a person reads. */
  actionLabel: string;
  departments: Array<{ code: string; name: string }>;
  details?: Record<string, unknown> | null;
  /** On a callback's entry: the stated and recorded times, 补录 and the call-log check (labels as the case shows them). */
  callbackProof?: CallbackProof;
}

/** The evidence of one recorded callback (GET /api/rectifications/:id, callbackProofs and the timeline). */
export interface CallbackProof {
  statedAt: string;
  recordedAt: string;
  method: string;
  reached: boolean;
  backfilled: boolean;
  callLog: 'VERIFIED' | 'UNVERIFIED' | null;
  /** 补录, 通话记录已核验, 未核验. */
  labels: string[];
}

/**
 * GET /api/rectifications/:id (read model). Timeline and actions are optional here because react-admin first shows
 * the row it already has from a list (placeholder data), which carries neither.
 */
export interface RectificationDetail extends RectificationCase {
  timeline?: TimelineEntry[];
  allowedActions?: RectificationActionPath[];
  source: 'read-model';
}

/** GET /api/rectifications/:id?live=1 and every action's answer: the workflow's own state (the parts shown). */
export interface RectificationLiveState {
  id: string;
  reviewId: string;
  hallCode: string;
  hallName: string | null;
  state: RectificationState;
  stateLabel: string;
  category: RectificationCategory | null;
  clockCategory: RectificationCategory;
  escalationLevel: 0 | 1 | 2;
  canCallBack: boolean;
  obligations: Partial<Record<ObligationKind, Obligation>>;
  outcomeLabel: string | null;
  owner: string;
  assignee: { userId: string; name: string } | null;
  timeline: TimelineEntry[];
  allowedActions: RectificationActionPath[];
  source: 'workflow';
}

/** What `POST /api/call-logs/import` did, or in a dry run would do (numbers are never echoed, only line numbers). */
export interface CallLogImportReport {
  dryRun: boolean;
  hallCode: string;
  lines: number;
  valid: number;
  imported: number;
  alreadyImported: number;
  badLines: Array<{ line: number; reason: string }>;
}
