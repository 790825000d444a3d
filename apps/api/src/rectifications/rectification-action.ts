import {
  HALL_SCOPED_ROLES,
  RECTIFICATION_ACTION_RULES,
  type Actor,
  type RectificationAction,
  type RectificationState,
} from '@haochaping/contracts';

/** The actions as the API names them: `POST /api/rectifications/:id/actions/<path>`. */
export const ACTION_PATHS = {
  verify: 'verify',
  decideRejection: 'decide-rejection',
  recordCallback: 'record-callback',
  recordRectification: 'record-rectification',
  confirm: 'confirm',
} as const satisfies Record<RectificationAction, string>;

export type RectificationActionPath = (typeof ACTION_PATHS)[RectificationAction];

/** What the offer of actions needs to know about a case, from the workflow or from the read model. */
export interface CaseForActions {
  state: RectificationState;
  hallCode: string;
  /** A callback is still owed (anonymous reviews never owe one; a reached callback fulfils it). */
  callbackOpen: boolean;
}

/**
 * The actions the workflow would accept from this actor now, by the contracts' table (who may act in which state,
 * hall scope for hall-bound roles) — what the console offers as buttons. The workflow still decides: this is an offer.
 */
export function allowedActions(actor: Actor, caseForActions: CaseForActions): RectificationActionPath[] {
  const inScope = !HALL_SCOPED_ROLES.includes(actor.role) || actor.hallCodes.includes(caseForActions.hallCode);
  return (Object.keys(RECTIFICATION_ACTION_RULES) as RectificationAction[])
    .filter((action) => {
      const rules = RECTIFICATION_ACTION_RULES[action];
      return inScope && rules.roles.includes(actor.role) && rules.states.includes(caseForActions.state);
    })
    .filter((action) => action !== 'recordCallback' || caseForActions.callbackOpen)
    .map((action) => ACTION_PATHS[action]);
}
