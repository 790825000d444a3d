// The API's rectification shapes (apps/api/src/rectifications/dto). The console does not import
// @haochaping/contracts: it carries Temporal's workflow runtime, which has no place in a browser bundle.
// rectification-labels.spec.ts keeps the labels below equal to the contracts'.

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
export const OPEN_STATES = (Object.keys(RECTIFICATION_STATES) as RectificationState[]).filter((state) => state !== 'CLOSED');

export const RECTIFICATION_CATEGORIES = {
  IMMEDIATE: '立整立改',
  TIME_LIMITED: '限时整改',
  COORDINATED: '协调整改',
} as const;
export type RectificationCategory = keyof typeof RECTIFICATION_CATEGORIES;

export const OBLIGATION_LABELS = {
  callback: '回访',
  result: '整改结果反馈',
  rejectionDecision: '不予采纳审核',
  extensionDecision: '延期审批',
  confirmation: '群众确认',
} as const;
export type ObligationKind = keyof typeof OBLIGATION_LABELS;

export const CALLBACK_METHODS = {
  PHONE: '电话',
  ON_SITE: '当场',
  SMS: '短信',
  OTHER: '其他',
} as const;
export type CallbackMethod = keyof typeof CALLBACK_METHODS;

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
  updatedAt: string;
}

/** GET /api/rectifications/:id/reviewer: masked, or in full (unmask=1, audited) for the working handler and the county. */
export interface CaseReviewer {
  kind: 'ANONYMOUS' | 'REAL_NAME';
  name: string | null;
  phone: string | null;
  masked: boolean;
}

export const RECTIFICATION_ACTIONS = [
  'verify',
  'record-callback',
  'record-rectification',
  'decide-rejection',
  'request-extension',
  'decide-extension',
  'reclassify',
  'add-note',
  'reassign',
  'invite-departments',
  'record-department-input',
  'confirm',
] as const;
export type RectificationActionPath = (typeof RECTIFICATION_ACTIONS)[number];

export interface TimelineEntry {
  seq?: number;
  at: string;
  actor: string;
  action: string;
  details?: Record<string, unknown> | null;
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

export interface Obligation {
  openedAt: string;
  from: string;
  dueAt: string;
  provisional: boolean;
  ownerRole: string;
  remindAt: string | null;
  escalatesAt: string | null;
  remindedAt: string | null;
  doneAt: string | null;
  waivedAt: string | null;
  overdue: boolean;
  escalationLevel: 0 | 1 | 2;
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
