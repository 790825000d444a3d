import type { ActorRole } from './actor.contract';
import type { CaseProjection } from './case-projection.contract';
import type { ObligationKind, RectificationCaseState } from './rectification.contract';
import type { RectificationCategory, SlaClock, SlaPolicy } from './sla-policy.contract';

/** Review context the workflow needs when it starts (who owns the case, which clocks apply). */
export interface ReviewContext {
  reviewId: string;
  hallCode: string;
  hallName: string;
  /** The SLA policy in force when the case starts; the case keeps this version. */
  slaPolicy: SlaPolicy;
  /** Whether the reviewer left contact data (real name): anonymous reviews have no callback obligation. */
  canCallBack: boolean;
  /** The category the review's reason options suggest; null when they suggest none. */
  suggestedCategory: RectificationCategory | null;
}

export interface ComputeDeadlineInput {
  hallCode: string;
  from: string; // ISO 8601 instant
  clock: SlaClock;
}

export interface ComputedDeadline {
  dueAt: string; // ISO 8601 instant
  /** The deadline crosses a year whose holidays are the statutory fallback, not yet the State Council's notice. */
  provisional: boolean;
}

/** The deadlines of one obligation, computed together over one read of the hall's calendar. */
export interface ComputeObligationDeadlinesInput extends ComputeDeadlineInput {
  /** The reminder comes when this share of the clock has passed (SlaPolicy.reminderRatio); null: no reminder. */
  reminderRatio: number | null;
  /** Escalation to the county this long after the due time; null: the obligation does not escalate. */
  escalationAfter: SlaClock | null;
}

export interface ObligationDeadlines {
  due: ComputedDeadline;
  remind: ComputedDeadline | null;
  /** Counted from `due.dueAt`. */
  escalation: ComputedDeadline | null;
}

/** Every kind of notification the workflow sends (the table below gives each its Chinese label). */
export const NOTIFICATION_KINDS = [
  'REMINDER', // 80% of a window has passed
  'OVERDUE_LEVEL_1', // an obligation turned overdue: the town leader
  'OVERDUE_LEVEL_2', // one working day later, still open: the county supervisor
  'RESULT_TO_REVIEWER', // the rectification result, with the status link
  'REJECTION_TO_REVIEWER', // the review was not adopted (不予采纳), told politely
  'REOPENED_TO_COUNTY', // the reviewer was 不满意: the county owns the reopened case
  'EXTENSION_REQUESTED', // a 协调整改 extension waits for the county supervisor's decision
  'EXTENSION_DECIDED', // the county supervisor approved or denied it: the hall hears the answer
  'DEPARTMENTS_INVITED', // county departments are asked to co-handle a 协调整改 case (`departmentCodes`)
  'REASSIGNED', // the case was handed to another handler (`recipientUserId`)
  'PROJECTION_FAILED', // the case's state cannot be written to the read model (ERR_PROJECTION_INVALID): the county
  'CASE_OPENED', // a new 差评 case waits for the hall's verification: the hall's handlers
  'REJECTION_PROPOSED', // verification found the review untrue or malicious: 不予采纳 waits for the county's decision
  'EXCHANGE_DEAD_LETTER', // a record owed to the upstream (docs/EXCHANGE.md) was refused for good or not delivered in time: the county
  'READ_MODEL_DRIFT', // the reconciler found case rows differing from their workflow (and repaired what it could): the county
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The kinds that reach the reviewer by SMS; every other kind is a console notice for staff (消息). */
export const REVIEWER_NOTIFICATION_KINDS = ['RESULT_TO_REVIEWER', 'REJECTION_TO_REVIEWER'] as const satisfies readonly NotificationKind[];

/** The staff notice kinds (消息), in the order the console's kind filter offers them. */
export const STAFF_NOTICE_KINDS = NOTIFICATION_KINDS.filter(
  (kind): kind is Exclude<NotificationKind, (typeof REVIEWER_NOTIFICATION_KINDS)[number]> => !(REVIEWER_NOTIFICATION_KINDS as readonly NotificationKind[]).includes(kind),
);

/** The Chinese name of each notification kind: the console's 消息 list and filter, the API's documentation. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  REMINDER: '即将到期提醒',
  OVERDUE_LEVEL_1: '超期（一级）',
  OVERDUE_LEVEL_2: '超期上报县级（二级）',
  RESULT_TO_REVIEWER: '整改结果告知评价人',
  REJECTION_TO_REVIEWER: '不予采纳告知评价人',
  REOPENED_TO_COUNTY: '群众不满意，转县级重办',
  EXTENSION_REQUESTED: '延期申请待审批',
  EXTENSION_DECIDED: '延期申请已审批',
  DEPARTMENTS_INVITED: '邀请部门协调整改',
  REASSIGNED: '案件转交给我',
  PROJECTION_FAILED: '办理记录写入失败',
  CASE_OPENED: '新差评待核实',
  REJECTION_PROPOSED: '不予采纳待审核',
  EXCHANGE_DEAD_LETTER: '数据上报失败',
  READ_MODEL_DRIFT: '案件数据核对发现偏差',
};

/**
 * No personal data of the reviewer: recipients are resolved from the role and the hall (narrowed to departments or
 * to one staff member where given) by the notification module.
 */
export interface NotificationRequest {
  kind: NotificationKind;
  reviewId: string;
  recipientRole: ActorRole;
  hallCode: string;
  obligation?: ObligationKind;
  dueAt?: string;
  /** DEPT_GUIDE recipients: the guides of these departments only. */
  departmentCodes?: string[];
  /** One staff member (a reassigned handler), by user id. */
  recipientUserId?: string;
}

/**
 * Activities the rectification workflow calls. The worker implements them
 * (apps/worker/src/activities/rectification.activities.ts); the workflow only imports this type.
 */
export interface RectificationActivities {
  // Function-typed properties, not methods: activities are free functions and are passed around unbound.
  loadReviewContext: (reviewId: string) => Promise<ReviewContext>;
  /**
   * Writes what changed since the last projection (the case row and the new timeline entries) to the read model;
   * idempotent on (reviewId, timeline index).
   */
  projectCaseChanges: (projection: CaseProjection) => Promise<void>;
  /**
   * Writes the case's whole state to the read model. Kept for the workflows that scheduled it before
   * `projectCaseChanges` existed (their histories replay it); new code never calls it.
   */
  projectCase: (state: RectificationCaseState) => Promise<void>;
  /** `from` plus a clock in the hall's working-time calendar (or plain time for calendar units). */
  computeDeadline: (input: ComputeDeadlineInput) => Promise<ComputedDeadline>;
  /** An obligation's due time, reminder time and escalation time in one call (one activity task, not two rounds). */
  computeObligationDeadlines: (input: ComputeObligationDeadlinesInput) => Promise<ObligationDeadlines>;
  /** Tells people about a case; at-least-once (a retried activity may repeat a message). */
  notify: (request: NotificationRequest) => Promise<void>;
}
