import type { Actor, ActorRole } from './actor.contract';
import { OPEN_STATES, type CallbackMethod, type RectificationState } from './rectification.contract';
import type { RectificationCategory } from './sla-policy.contract';

/**
 * People act on a case through these updates. Each carries the acting user; the workflow's validators refuse
 * with an ApplicationFailure of type ERR_FORBIDDEN (the actor may not), ERR_INVALID_STATE (not in this state)
 * or ERR_INVALID_ARGUMENT (bad arguments), checked in that order, and the state stays unchanged.
 * Every accepted update answers with the case's new state. The update definitions themselves are in the server
 * entry (`@haochaping/contracts/server`): they need Temporal's workflow runtime, which a browser has no use for.
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

/**
 * One callback attempt. A reached one (with the initial reply) fulfils the callback obligation; unreached ones on
 * three different working days (UNREACHABLE_AFTER_WORKING_DAYS) fulfil it as 无法联系.
 */
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

/**
 * Another category than verification chose, before the result is recorded: the open clocks are recounted from
 * where they started (the review time; the reopening for a reopened case's result) under the case's SLA policy.
 */
export interface ReclassifyCommand extends ActionCommand {
  category: RectificationCategory;
  reason: string;
}

/** Hands the case to another handler of the hall (the town leader inside the hall, or the county). */
export interface ReassignCommand extends ActionCommand {
  assignee: { userId: string; name: string };
  reason?: string;
}

/** 协调整改: county departments (codes, e.g. `yibao`) are asked to co-handle the case. */
export interface InviteDepartmentsCommand extends ActionCommand {
  departmentCodes: string[];
  note?: string;
}

/**
 * An invited department's guide records its input. `departmentCode` is needed only when the guide works for more
 * than one invited department.
 */
export interface RecordDepartmentInputCommand extends ActionCommand {
  text: string;
  departmentCode?: string;
}

export interface AddNoteCommand extends ActionCommand {
  text: string;
}

/**
 * 协调整改 that cannot be done in time: strictly before the result's due time the handler contacts the reviewer and
 * asks the county to move the due time. The contact fields are required unless the review is anonymous.
 */
export interface RequestExtensionCommand extends ActionCommand {
  reason: string;
  newDueAt: string; // ISO 8601 instant, later than the current result due time
  contactedAt?: string; // ISO 8601 instant, not in the future
  contactMethod?: CallbackMethod;
  reviewerResponse?: string;
}

/** The county supervisor's decision on a requested extension. */
export interface DecideExtensionCommand extends ActionCommand {
  decision: 'APPROVE' | 'DENY';
  reason: string;
}

/** Upper bound for free-text arguments (notes, summaries, measures). */
export const MAX_TEXT_LENGTH = 2000;
/** Upper bound for short identifiers and names (user ids, staff names, department codes). */
export const MAX_NAME_LENGTH = 100;
/** How many departments one invitation may name. */
export const MAX_INVITED_DEPARTMENTS = 20;

export type RectificationAction =
  | 'verify'
  | 'decideRejection'
  | 'recordCallback'
  | 'recordRectification'
  | 'confirm'
  | 'reclassify'
  | 'reassign'
  | 'inviteDepartments'
  | 'recordDepartmentInput'
  | 'addNote'
  | 'requestExtension'
  | 'decideExtension';

/** The actions as the API names them: `POST /api/rectifications/:id/actions/<path>`; the console posts to the same. */
export const RECTIFICATION_ACTION_PATHS = {
  verify: 'verify',
  decideRejection: 'decide-rejection',
  recordCallback: 'record-callback',
  recordRectification: 'record-rectification',
  confirm: 'confirm',
  reclassify: 'reclassify',
  reassign: 'reassign',
  inviteDepartments: 'invite-departments',
  recordDepartmentInput: 'record-department-input',
  addNote: 'add-note',
  requestExtension: 'request-extension',
  decideExtension: 'decide-extension',
} as const satisfies Record<RectificationAction, string>;

export type RectificationActionPath = (typeof RECTIFICATION_ACTION_PATHS)[RectificationAction];

export interface RectificationActionRule {
  roles: readonly ActorRole[];
  states: readonly RectificationState[];
  /** Only for cases of these categories (the handler's choice at verification, or a reclassification). */
  categories?: readonly RectificationCategory[];
}

/**
 * Who may take each action and in which states: the workflow's validators enforce this table, and the API can
 * read it to offer only the allowed actions. Every actor must also have scope on the case (`hasScopeOnCase`).
 * Rules that depend on more than the state are checked apart by the workflow: a callback needs the callback
 * obligation open, an extension request must come strictly before the result's due time.
 */
export const RECTIFICATION_ACTION_RULES: Record<RectificationAction, RectificationActionRule> = {
  verify: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: ['PENDING_VERIFICATION'] },
  decideRejection: { roles: ['COUNTY_SUPERVISOR'], states: ['REJECTION_PENDING'] },
  // A callback may happen whenever the case is open; the obligation itself must still be open (validated apart).
  recordCallback: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: OPEN_STATES },
  recordRectification: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: ['RECTIFYING', 'REOPENED'] },
  confirm: { roles: ['CITIZEN'], states: ['AWAITING_CONFIRMATION'] },
  // Before the result is recorded; not while an extension waits (the decision is about a 协调整改 due time).
  reclassify: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: ['RECTIFYING', 'REOPENED'] },
  reassign: { roles: ['TOWN_LEADER', 'COUNTY_SUPERVISOR'], states: OPEN_STATES },
  inviteDepartments: {
    roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR'],
    states: ['RECTIFYING', 'EXTENSION_PENDING', 'REOPENED'],
    categories: ['COORDINATED'],
  },
  recordDepartmentInput: { roles: ['DEPT_GUIDE'], states: ['RECTIFYING', 'EXTENSION_PENDING', 'REOPENED'], categories: ['COORDINATED'] },
  addNote: { roles: ['HANDLER', 'TOWN_LEADER', 'COUNTY_SUPERVISOR', 'DEPT_GUIDE'], states: OPEN_STATES },
  // The hall asks, the county decides: nobody approves their own request.
  requestExtension: { roles: ['HANDLER', 'TOWN_LEADER'], states: ['RECTIFYING', 'REOPENED'], categories: ['COORDINATED'] },
  decideExtension: { roles: ['COUNTY_SUPERVISOR'], states: ['EXTENSION_PENDING'] },
};

/** Roles whose scope is a list of halls. */
export const HALL_SCOPED_ROLES: readonly ActorRole[] = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE'];

/** What decides whether an actor has scope on a case. */
export interface CaseScope {
  hallCode: string;
  invitedDepartmentCodes: readonly string[];
}

/**
 * Whether an actor may act on a case at all (before the table says which actions): hall staff on their halls'
 * cases, the county on every case, a department guide where one of their departments was invited, the citizen
 * (the reviewer, identified by the status page) on their case.
 */
export function hasScopeOnCase(actor: Actor, scope: CaseScope): boolean {
  switch (actor.role) {
    case 'COUNTY_SUPERVISOR':
    case 'CITIZEN':
      return true;
    case 'HANDLER':
    case 'TOWN_LEADER':
      return actor.hallCodes.includes(scope.hallCode);
    case 'DEPT_GUIDE':
      return invitedDepartmentsOf(actor, scope).length > 0;
    default:
      return false;
  }
}

/** The actor's departments that were invited to the case. */
export function invitedDepartmentsOf(actor: Actor, scope: CaseScope): string[] {
  return (actor.departmentCodes ?? []).filter((code) => scope.invitedDepartmentCodes.includes(code));
}
