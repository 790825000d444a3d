import type { ActorRole } from './actor.contract';
import type { RectificationCategory } from './sla-policy.contract';

/**
 * States of a rectification case. Values are stable identifiers stored in the read model;
 * the Chinese labels are what people see.
 */
export const RECTIFICATION_STATES = {
  PENDING_VERIFICATION: '待核实',
  REJECTION_PENDING: '不予采纳待审核',
  RECTIFYING: '整改中',
  EXTENSION_PENDING: '延期待审批',
  AWAITING_CONFIRMATION: '待群众确认',
  REOPENED: '重办中',
  CLOSED: '已办结',
} as const;

export type RectificationState = keyof typeof RECTIFICATION_STATES;

/** Every state but 已办结: the case still owes something to someone. */
export const OPEN_STATES: readonly RectificationState[] = [
  'PENDING_VERIFICATION',
  'REJECTION_PENDING',
  'RECTIFYING',
  'EXTENSION_PENDING',
  'AWAITING_CONFIRMATION',
  'REOPENED',
];

/** How a closed case ended. */
export const RECTIFICATION_OUTCOMES = {
  SATISFIED: '满意',
  UNSATISFIED: '不满意',
  NO_OBJECTION: '无异议',
  REJECTED: '不予采纳',
} as const;

export type RectificationOutcome = keyof typeof RECTIFICATION_OUTCOMES;

/** What the API hands the workflow when a bad review is recorded. */
export interface RectificationWorkflowInput {
  reviewId: string;
  hallCode: string;
  level: 1 | 2;
  reviewedAt: string; // ISO 8601 instant; every category clock counts from here
}

/** One line of the case's history as the workflow saw it. */
export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
}

/** Things someone owes on a case, each with its own clock. */
export const OBLIGATION_KINDS = ['callback', 'result', 'rejectionDecision', 'extensionDecision', 'confirmation'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_LABELS: Record<ObligationKind, string> = {
  callback: '回访',
  result: '整改结果反馈',
  rejectionDecision: '不予采纳审核',
  extensionDecision: '延期审批',
  confirmation: '群众确认',
};

/** One obligation's clock. Instants are ISO 8601; every deadline was computed by an activity (in history). */
export interface Obligation {
  openedAt: string;
  /** When the clock started counting (the review time for the category clocks). */
  from: string;
  dueAt: string;
  /** The due time depends on a provisional (statutory fallback) holiday calendar. */
  provisional: boolean;
  /** Who owes it: reminders go to them (the county for a reopened case's result and for its own decisions). */
  ownerRole: ActorRole;
  /** When the one who owes it gets a reminder (null for the confirmation window, which is no duty). */
  remindAt: string | null;
  /**
   * When an open obligation escalates to the county (level 2); null where nothing escalates: the confirmation
   * window, and duties the county itself owes (they are at level 2 the moment they run out).
   */
  escalatesAt: string | null;
  remindedAt: string | null;
  doneAt: string | null;
  /** Closed without being done: the case ended another way (e.g. 不予采纳). */
  waivedAt: string | null;
  overdue: boolean;
  escalationLevel: 0 | 1 | 2;
}

export type Obligations = Partial<Record<ObligationKind, Obligation>>;

/**
 * Whether an obligation is still owed: neither done nor waived. The one definition the workflow's clocks, the read
 * model's due times and overdue flag, the API's action rules and the console all use.
 */
export function isOpenObligation(obligation: Pick<Obligation, 'doneAt' | 'waivedAt'> | undefined | null): obligation is Obligation {
  return obligation != null && obligation.doneAt === null && obligation.waivedAt === null;
}

export type CallbackMethod = 'PHONE' | 'ON_SITE' | 'SMS' | 'OTHER';
export const CALLBACK_METHOD_LABELS: Readonly<Record<CallbackMethod, string>> = {
  PHONE: '电话',
  ON_SITE: '当场',
  SMS: '短信',
  OTHER: '其他',
};
export const CALLBACK_METHODS = Object.keys(CALLBACK_METHOD_LABELS) as readonly CallbackMethod[];

export interface CallbackAttempt {
  /** When the handler states the call happened (checked: not before the review, not after the recording). */
  at: string;
  /** When the workflow recorded the attempt; absent on attempts recorded before it was kept. */
  recordedAt?: string;
  method: CallbackMethod;
  reached: boolean;
  summary: string;
  initialReply: string | null;
  recordedBy: string;
}

/** How the callback obligation was met: the reviewer reached, or three unreached attempts on three working days. */
export const CALLBACK_OUTCOMES = {
  REACHED: '已回访',
  UNREACHABLE: '无法联系',
} as const;
export type CallbackOutcome = keyof typeof CALLBACK_OUTCOMES;

/**
 * Unreached attempts on this many different working days (Asia/Shanghai dates) meet the callback obligation as
 * 无法联系; the attempts stay in `callbacks` as the proof.
 */
export const UNREACHABLE_AFTER_WORKING_DAYS = 3;

export interface RectificationRecord {
  at: string;
  measures: string;
  result: string;
  recordedBy: string;
}

/** Who answers for the case: the hall that handled it (谁办理、谁负责), or the county once 不满意 reopened it. */
export const CASE_OWNERS = {
  HALL: '镇街',
  COUNTY: '县行政审批服务局',
} as const;
export type CaseOwner = keyof typeof CASE_OWNERS;

/** The handler whose work queue the case is in; null while it is the hall's (any handler of the hall). */
export interface CaseAssignee {
  userId: string;
  name: string;
  assignedAt: string;
  assignedBy: string;
}

/** A county department asked to co-handle a 协调整改 case. */
export interface DepartmentInvitation {
  departmentCode: string;
  invitedAt: string;
  invitedBy: string;
}

/** What an invited department's guide contributed. */
export interface DepartmentInput {
  departmentCode: string;
  at: string;
  text: string;
  recordedBy: string;
}

/** A free-text note by anyone working on the case. */
export interface CaseNote {
  at: string;
  text: string;
  recordedBy: string;
  actorRole: ActorRole;
}

/** The handler's contact with the reviewer about an extension (before the due time, as the seed requires). */
export interface ReviewerContact {
  contactedAt: string;
  method: CallbackMethod;
  reviewerResponse: string;
}

export type ExtensionDecision = 'APPROVED' | 'DENIED';

/** One request to move a 协调整改 result's due time, and the county supervisor's answer. */
export interface ExtensionRequest {
  requestedAt: string;
  requestedBy: string;
  reason: string;
  /** The result due time when it was requested. */
  previousDueAt: string;
  requestedDueAt: string;
  /** Null only for an anonymous reviewer, who cannot be contacted. */
  reviewerContact: ReviewerContact | null;
  decision: ExtensionDecision | null;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
}

/** Full state answered by the `state` query and projected into the read model. */
export interface RectificationCaseState {
  reviewId: string;
  hallCode: string;
  hallName: string | null;
  level: 1 | 2;
  state: RectificationState;
  stateLabel: string;
  openedAt: string;
  reviewedAt: string;
  /** The handler's choice at verification (null before); the clocks run under `clockCategory`. */
  category: RectificationCategory | null;
  /** The category whose clocks are running: the suggested one until verification decides. */
  clockCategory: RectificationCategory;
  slaPolicyVersion: number;
  /** False for anonymous reviewers: no callback obligation. */
  canCallBack: boolean;
  obligations: Obligations;
  /** Highest escalation the case reached: 1 town leader, 2 county (overdue, or reopened after 不满意). Never decreases. */
  escalationLevel: 0 | 1 | 2;
  outcome: RectificationOutcome | null;
  outcomeLabel: string | null;
  /** How often the citizen's 不满意 reopened the case (at most once). */
  reopenCount: number;
  /** HALL until 不满意 reopens the case; then COUNTY. */
  owner: CaseOwner;
  assignee: CaseAssignee | null;
  callbacks: CallbackAttempt[];
  /** Null while the callback is owed (or never owed: anonymous reviewers). */
  callbackOutcome: CallbackOutcome | null;
  rectifications: RectificationRecord[];
  invitedDepartments: DepartmentInvitation[];
  departmentInputs: DepartmentInput[];
  notes: CaseNote[];
  extensions: ExtensionRequest[];
  /**
   * The result due time before the first approved extension: the statistics (按时办结率) count against it.
   * Null while no extension was approved (and again after a reclassification recounted the result clock).
   */
  originalResultDueAt: string | null;
  timeline: TimelineEntry[];
}

/** Workflow type name (the exported function's name in @haochaping/workflows), for clients that start it by name. */
export const RECTIFICATION_WORKFLOW_TYPE = 'rectificationWorkflow';
