import { defineQuery } from '@temporalio/workflow';

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

/** What the API hands the workflow when a bad review is recorded. */
export interface RectificationWorkflowInput {
  reviewId: string;
  hallCode: string;
  level: 1 | 2;
  reviewedAt: string; // ISO 8601 instant
}

/** One line of the case's history as the workflow saw it. */
export interface TimelineEntry {
  at: string;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
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
  timeline: TimelineEntry[];
}

export const rectificationStateQuery = defineQuery<RectificationCaseState>('state');

/** Workflow type name (the exported function's name in @haochaping/workflows), for clients that start it by name. */
export const RECTIFICATION_WORKFLOW_TYPE = 'rectificationWorkflow';
