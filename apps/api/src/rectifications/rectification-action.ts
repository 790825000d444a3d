import {
  RECTIFICATION_ACTION_PATHS,
  RECTIFICATION_ACTION_RULES,
  hasScopeOnCase,
  isOpenObligation,
  type Actor,
  type RectificationAction,
  type RectificationActionPath,
  type RectificationCaseState,
  type RectificationCategory,
  type RectificationState,
} from '@haochaping/contracts';

/** What the offer of actions needs to know about a case, from the workflow or from the read model. */
export interface CaseForActions {
  state: RectificationState;
  hallCode: string;
  category: RectificationCategory | null;
  /** A callback is still owed (anonymous reviews never owe one; a reached or unreachable callback fulfils it). */
  callbackOpen: boolean;
  /** Departments invited to co-handle the case (协调整改): their guides have scope on it. */
  invitedDepartmentCodes: readonly string[];
  /** When the open result obligation is due (an extension is asked for strictly before); null when none is open. */
  resultDueAt: Date | null;
  now: Date;
}

/**
 * The actions the workflow would accept from this actor now, by the contracts' table (who may act in which state
 * and category, scope on the case) and the rules beside it (a callback still owed, an extension before the due
 * time) — what the console offers as buttons. The workflow still decides: this is an offer.
 */
export function allowedActions(actor: Actor, caseForActions: CaseForActions): RectificationActionPath[] {
  if (!hasScopeOnCase(actor, caseForActions)) return [];
  const { state, category, callbackOpen, resultDueAt, now } = caseForActions;
  return (Object.keys(RECTIFICATION_ACTION_RULES) as RectificationAction[])
    .filter((action) => {
      const rules = RECTIFICATION_ACTION_RULES[action];
      return (
        rules.roles.includes(actor.role) &&
        rules.states.includes(state) &&
        (!rules.categories || (category !== null && rules.categories.includes(category)))
      );
    })
    .filter((action) => action !== 'recordCallback' || callbackOpen)
    .filter((action) => action !== 'requestExtension' || (resultDueAt !== null && now < resultDueAt))
    .map((action) => RECTIFICATION_ACTION_PATHS[action]);
}

/** The offer's facts from the workflow's own state. */
export function caseForActionsFromState(state: RectificationCaseState, now: Date): CaseForActions {
  const result = state.obligations.result;
  return {
    state: state.state,
    hallCode: state.hallCode,
    category: state.category,
    callbackOpen: isOpenObligation(state.obligations.callback),
    invitedDepartmentCodes: state.invitedDepartments.map((invitation) => invitation.departmentCode),
    resultDueAt: isOpenObligation(result) ? new Date(result.dueAt) : null,
    now,
  };
}
