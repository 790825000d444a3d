import { defineQuery } from '@temporalio/workflow';
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
export const OBLIGATION_KINDS = ['callback', 'result', 'rejectionDecision', 'confirmation'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_LABELS: Record<ObligationKind, string> = {
  callback: '回访',
  result: '整改结果反馈',
  rejectionDecision: '不予采纳审核',
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
  /** When the one who owes it gets a reminder (null for the confirmation window, which is no duty). */
  remindAt: string | null;
  /** When an open obligation escalates to the county (level 2); null where nothing escalates. */
  escalatesAt: string | null;
  remindedAt: string | null;
  doneAt: string | null;
  /** Closed without being done: the case ended another way (e.g. 不予采纳). */
  waivedAt: string | null;
  overdue: boolean;
  escalationLevel: 0 | 1 | 2;
}

export type Obligations = Partial<Record<ObligationKind, Obligation>>;

export type CallbackMethod = 'PHONE' | 'ON_SITE' | 'SMS' | 'OTHER';
export const CALLBACK_METHODS: readonly CallbackMethod[] = ['PHONE', 'ON_SITE', 'SMS', 'OTHER'];

export interface CallbackAttempt {
  at: string;
  method: CallbackMethod;
  reached: boolean;
  summary: string;
  initialReply: string | null;
  recordedBy: string;
}

export interface RectificationRecord {
  at: string;
  measures: string;
  result: string;
  recordedBy: string;
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
  callbacks: CallbackAttempt[];
  rectifications: RectificationRecord[];
  timeline: TimelineEntry[];
}

export const rectificationStateQuery = defineQuery<RectificationCaseState>('state');

/** Workflow type name (the exported function's name in @haochaping/workflows), for clients that start it by name. */
export const RECTIFICATION_WORKFLOW_TYPE = 'rectificationWorkflow';
