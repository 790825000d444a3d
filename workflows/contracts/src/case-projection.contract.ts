import { isOpenObligation, type Obligation, type RectificationCaseState, type TimelineEntry } from './rectification.contract';

/**
 * The read model's columns of a case (rectification_case), derived from the workflow's state alone. Instants are
 * ISO 8601 strings: the projection travels through workflow history as JSON.
 */
export interface CaseProjectionColumns {
  state: string;
  stateLabel: string;
  level: number;
  category: string | null;
  escalationLevel: number;
  callbackDueAt: string | null;
  resultDueAt: string | null;
  confirmationDueAt: string | null;
  overdue: boolean;
  outcome: string | null;
  slaPolicyVersion: number;
  closedAt: string | null;
  owner: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  callbackOutcome: string | null;
  invitedDepartmentCodes: string[];
  originalResultDueAt: string | null;
}

/**
 * What one projection writes: the case row's columns and the timeline entries the read model does not hold yet.
 * The workflow sends this instead of its whole state, so each step adds a few hundred bytes to the history, not the
 * whole case with its whole timeline (workflows/rectification/README.md, "History size").
 */
export interface CaseProjection {
  reviewId: string;
  hallCode: string;
  openedAt: string;
  columns: CaseProjectionColumns;
  /** The sequence number (index in the workflow's timeline) of `timeline[0]`; the entries before it were projected. */
  timelineFrom: number;
  timeline: TimelineEntry[];
}

/** The due time of an obligation still owed: a done or waived one no longer sorts a work queue. */
const openDueAt = (obligation: Obligation | undefined): string | null => (isOpenObligation(obligation) ? obligation.dueAt : null);

/**
 * A pure function of the state, so projecting the same state twice writes the same row. The closing instant is the
 * timeline entry that recorded the case as closed (the workflow notes every entry with the state it left the case in).
 */
export function caseProjectionColumns(state: RectificationCaseState): CaseProjectionColumns {
  const closing = state.state === 'CLOSED' ? state.timeline.find((entry) => entry.details?.state === 'CLOSED') : undefined;
  return {
    state: state.state,
    stateLabel: state.stateLabel,
    level: state.level,
    category: state.category,
    escalationLevel: state.escalationLevel,
    callbackDueAt: openDueAt(state.obligations.callback),
    resultDueAt: openDueAt(state.obligations.result),
    confirmationDueAt: openDueAt(state.obligations.confirmation),
    overdue: Object.values(state.obligations).some((obligation) => isOpenObligation(obligation) && obligation.overdue),
    outcome: state.outcome,
    slaPolicyVersion: state.slaPolicyVersion,
    closedAt: closing ? closing.at : null,
    owner: state.owner,
    assigneeUserId: state.assignee?.userId ?? null,
    assigneeName: state.assignee?.name ?? null,
    callbackOutcome: state.callbackOutcome,
    // In invitation order, each once: the guides of these departments see the case.
    invitedDepartmentCodes: [...new Set(state.invitedDepartments.map((invitation) => invitation.departmentCode))],
    originalResultDueAt: state.originalResultDueAt,
  };
}

/** The projection of a state whose timeline entries before `timelineFrom` the read model already holds. */
export function caseProjection(state: RectificationCaseState, timelineFrom: number): CaseProjection {
  return {
    reviewId: state.reviewId,
    hallCode: state.hallCode,
    openedAt: state.openedAt,
    columns: caseProjectionColumns(state),
    timelineFrom,
    timeline: state.timeline.slice(timelineFrom),
  };
}
