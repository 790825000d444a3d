import { defineUpdate } from '@temporalio/workflow';
import type { Actor, ActorRole } from './actor.contract';
import type { CallbackMethod, RectificationCaseState, RectificationState } from './rectification.contract';
import type { RectificationCategory } from './sla-policy.contract';

/**
 * People act on a case through these updates. Each carries the acting user; the workflow's validators refuse
 * with an ApplicationFailure of type ERR_FORBIDDEN (the actor may not), ERR_INVALID_STATE (not in this state)
 * or ERR_INVALID_ARGUMENT (bad arguments), checked in that order, and the state stays unchanged.
 * Every accepted update answers with the case's new state.
 */
export interface ActionCommand {
  actor: Actor;
}

/** 核实: 属实 (with the category) or 不属实 / 恶意评价 (with the evidence), which proposes rejection. */
export type VerifyCommand = ActionCommand &
  (
    | { finding: 'TRUE'; category: RectificationCategory; notes: string }
    | { finding: 'UNTRUE' | 'MALICIOUS'; evidenceNotes: string }
  );

/** The county supervisor's decision on a proposed rejection. */
export interface DecideRejectionCommand extends ActionCommand {
  decision: 'APPROVE' | 'DENY';
  reason: string;
}

/** One callback attempt; only a reached one (with the initial reply) fulfils the callback obligation. */
export interface RecordCallbackCommand extends ActionCommand {
  at: string; // ISO 8601 instant the call took place, not in the future
  method: CallbackMethod;
  reached: boolean;
  summary: string;
  initialReply?: string; // required when reached
}

export interface RecordRectificationCommand extends ActionCommand {
  measures: string;
  result: string;
}

/** The reviewer's answer to the result, through the public status page. */
export interface ConfirmCommand extends ActionCommand {
  answer: 'SATISFIED' | 'UNSATISFIED';
  comment?: string;
}

export const verifyUpdate = defineUpdate<RectificationCaseState, [VerifyCommand]>('verify');
export const decideRejectionUpdate = defineUpdate<RectificationCaseState, [DecideRejectionCommand]>('decideRejection');
export const recordCallbackUpdate = defineUpdate<RectificationCaseState, [RecordCallbackCommand]>('recordCallback');
export const recordRectificationUpdate = defineUpdate<RectificationCaseState, [RecordRectificationCommand]>('recordRectification');
export const confirmUpdate = defineUpdate<RectificationCaseState, [ConfirmCommand]>('confirm');

/** Upper bound for free-text arguments (notes, summaries, measures). */
export const MAX_TEXT_LENGTH = 2000;

export type RectificationAction = 'verify' | 'decideRejection' | 'recordCallback' | 'recordRectification' | 'confirm';

/**
 * Who may take each action and in which states: the workflow's validators enforce this table, and the API can
 * read it to offer only the allowed actions. Hall-scoped roles (HANDLER, TOWN_LEADER) must also have the case's
 * hall in their `hallCodes`; the county supervisor sees every hall.
 */
export const RECTIFICATION_ACTION_RULES: Record<RectificationAction, { roles: readonly ActorRole[]; states: readonly RectificationState[] }> = {
  verify: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: ['PENDING_VERIFICATION'] },
  decideRejection: { roles: ['COUNTY_SUPERVISOR'], states: ['REJECTION_PENDING'] },
  // A callback may happen whenever the case is open; the obligation itself must still be open (validated apart).
  recordCallback: {
    roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'],
    states: ['PENDING_VERIFICATION', 'REJECTION_PENDING', 'RECTIFYING', 'EXTENSION_PENDING', 'AWAITING_CONFIRMATION', 'REOPENED'],
  },
  recordRectification: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: ['RECTIFYING', 'REOPENED'] },
  confirm: { roles: ['CITIZEN'], states: ['AWAITING_CONFIRMATION'] },
};

/** Roles whose scope is a list of halls. */
export const HALL_SCOPED_ROLES: readonly ActorRole[] = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE'];
