import { isOpenObligation, type Obligation, type RectificationCaseState } from '@haochaping/contracts';

/** The read model's columns of a case (rectification_case), derived from the workflow's state alone. */
export interface CaseProjectionColumns {
  state: string;
  stateLabel: string;
  level: number;
  category: string | null;
  escalationLevel: number;
  callbackDueAt: Date | null;
  resultDueAt: Date | null;
  confirmationDueAt: Date | null;
  overdue: boolean;
  outcome: string | null;
  slaPolicyVersion: number;
  closedAt: Date | null;
  owner: string;
  assigneeUserId: string | null;
  assigneeName: string | null;
  callbackOutcome: string | null;
  invitedDepartmentCodes: string[];
  originalResultDueAt: Date | null;
}

/** The due time of an obligation still owed: a done or waived one no longer sorts a work queue. */
const openDueAt = (obligation: Obligation | undefined): Date | null => (isOpenObligation(obligation) ? new Date(obligation.dueAt) : null);

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
    closedAt: closing ? new Date(closing.at) : null,
    owner: state.owner,
    assigneeUserId: state.assignee?.userId ?? null,
    assigneeName: state.assignee?.name ?? null,
    callbackOutcome: state.callbackOutcome,
    // In invitation order, each once: the guides of these departments see the case.
    invitedDepartmentCodes: [...new Set(state.invitedDepartments.map((invitation) => invitation.departmentCode))],
    originalResultDueAt: state.originalResultDueAt === null ? null : new Date(state.originalResultDueAt),
  };
}
