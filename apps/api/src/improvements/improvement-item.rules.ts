import type { Actor } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';

/**
 * An improvement item's states and the actions that move it, in one table (the API's refusals and allowedActions,
 * and so the console's buttons, read it):
 *
 *   PENDING 待整改 ──progress──▶ IN_PROGRESS 整改中 ──progress (another report)──▶ IN_PROGRESS
 *      │                              │
 *      └──────────complete────────────┴──▶ DONE 已完成 ──reopen (county)──▶ IN_PROGRESS
 *
 * The owner (staff of the owning hall, or the guide of the owning department) and the county report progress and
 * completion; only the county reopens. Refusals come in a fixed order: 403 (who), then 409 (the state).
 */
export const IMPROVEMENT_STATUSES = { PENDING: '待整改', IN_PROGRESS: '整改中', DONE: '已完成' } as const;
export type ImprovementStatus = keyof typeof IMPROVEMENT_STATUSES;

export const IMPROVEMENT_ACTIONS = {
  progress: { label: '报告进展', from: ['PENDING', 'IN_PROGRESS'], to: 'IN_PROGRESS', who: 'OWNER_OR_COUNTY' },
  complete: { label: '报告完成', from: ['PENDING', 'IN_PROGRESS'], to: 'DONE', who: 'OWNER_OR_COUNTY' },
  reopen: { label: '重新打开', from: ['DONE'], to: 'IN_PROGRESS', who: 'COUNTY' },
} as const satisfies Record<string, { label: string; from: readonly ImprovementStatus[]; to: ImprovementStatus; who: 'OWNER_OR_COUNTY' | 'COUNTY' }>;
export type ImprovementAction = keyof typeof IMPROVEMENT_ACTIONS;
export const IMPROVEMENT_ACTION_NAMES = Object.keys(IMPROVEMENT_ACTIONS) as ImprovementAction[];

export type ImprovementOwner = { kind: 'HALL'; code: string } | { kind: 'DEPARTMENT'; code: string };

/** The county decides (accepts, dismisses, reopens): the supervisor. Admins read, as everywhere else. */
export const isCounty = (actor: Actor) => actor.role === 'COUNTY_SUPERVISOR';

export function ownsImprovement(actor: Actor, owner: ImprovementOwner): boolean {
  if (owner.kind === 'HALL') return (actor.role === 'HANDLER' || actor.role === 'TOWN_LEADER') && actor.hallCodes.includes(owner.code);
  return actor.role === 'DEPT_GUIDE' && (actor.departmentCodes ?? []).includes(owner.code);
}

/** The county and admins see every item (and every proposal); anyone else only the items they own. */
export const seesEveryImprovement = (actor: Actor) => isCounty(actor) || actor.role === 'ADMIN';

export function canSeeImprovement(actor: Actor, owner: ImprovementOwner): boolean {
  return seesEveryImprovement(actor) || ownsImprovement(actor, owner);
}

function mayAct(actor: Actor, action: ImprovementAction, owner: ImprovementOwner): boolean {
  const { who } = IMPROVEMENT_ACTIONS[action];
  return isCounty(actor) || (who === 'OWNER_OR_COUNTY' && ownsImprovement(actor, owner));
}

export function allowedImprovementActions(actor: Actor, status: ImprovementStatus, owner: ImprovementOwner): ImprovementAction[] {
  return IMPROVEMENT_ACTION_NAMES.filter((action) => mayAct(actor, action, owner) && (IMPROVEMENT_ACTIONS[action].from as readonly string[]).includes(status));
}

/** Refuses an action the actor may not take (403) or the state does not allow (409); returns the next state. */
export function checkImprovementAction(actor: Actor, action: ImprovementAction, status: ImprovementStatus, owner: ImprovementOwner): ImprovementStatus {
  const rule = IMPROVEMENT_ACTIONS[action];
  if (!mayAct(actor, action, owner)) {
    throw new DomainHttpException(403, 'FORBIDDEN', rule.who === 'COUNTY' ? `只有县行政审批服务局可以${rule.label}` : `只有整改责任单位或县行政审批服务局可以${rule.label}`);
  }
  if (!(rule.from as readonly string[]).includes(status)) {
    throw new DomainHttpException(409, 'IMPROVEMENT_STATE_CONFLICT', `优化事项当前为“${IMPROVEMENT_STATUSES[status]}”，不能${rule.label}`);
  }
  return rule.to;
}
