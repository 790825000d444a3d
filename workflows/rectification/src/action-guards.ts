import { ApplicationFailure } from '@temporalio/workflow';
import {
  ACTOR_ROLES,
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  HALL_SCOPED_ROLES,
  MAX_TEXT_LENGTH,
  RECTIFICATION_ACTION_RULES,
  RECTIFICATION_STATES,
  type Actor,
  type RectificationAction,
  type RectificationCaseState,
  type RectificationFailureType,
} from '@haochaping/contracts';

/**
 * Update validators: they run before an update is accepted and only read the state, so a refusal leaves the case
 * exactly as it was and the caller hears at once why. Messages are Chinese (the API shows them to people).
 * Order: the actor (403), then the state (409), then the arguments (422): nobody learns a case's state from a
 * refusal they were not entitled to.
 */
export function refuse(type: RectificationFailureType, message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

const ACTION_LABELS: Record<RectificationAction, string> = {
  verify: '核实',
  decideRejection: '审核不予采纳',
  recordCallback: '登记回访',
  recordRectification: '登记整改结果',
  confirm: '确认整改结果',
};

/** Checks the actor and the state against RECTIFICATION_ACTION_RULES. */
export function guardAction(action: RectificationAction, caseState: RectificationCaseState, command: unknown): void {
  const rules = RECTIFICATION_ACTION_RULES[action];
  const actor = readActor(command);
  if (!rules.roles.includes(actor.role)) refuse(ERR_FORBIDDEN, `当前角色无权${ACTION_LABELS[action]}`);
  if (HALL_SCOPED_ROLES.includes(actor.role) && !actor.hallCodes.includes(caseState.hallCode)) {
    refuse(ERR_FORBIDDEN, `无权处理其他镇街的差评（${caseState.hallName ?? caseState.hallCode}）`);
  }
  if (!rules.states.includes(caseState.state)) {
    refuse(ERR_INVALID_STATE, `当前状态为“${RECTIFICATION_STATES[caseState.state]}”，不能${ACTION_LABELS[action]}`);
  }
}

function readActor(command: unknown): Actor {
  const actor = isRecord(command) ? command.actor : undefined;
  if (
    !isRecord(actor) ||
    typeof actor.userId !== 'string' ||
    actor.userId.trim() === '' ||
    !ACTOR_ROLES.includes(actor.role as Actor['role']) ||
    !Array.isArray(actor.hallCodes) ||
    !actor.hallCodes.every((code) => typeof code === 'string')
  ) {
    refuse(ERR_INVALID_ARGUMENT, '缺少有效的操作人（userId、role、hallCodes）');
  }
  return actor as unknown as Actor;
}

/** A required free-text argument: a string with something in it, at most MAX_TEXT_LENGTH characters. */
export function requireText(value: unknown, field: string, label: string): void {
  if (typeof value !== 'string' || value.trim() === '') refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）不能为空`);
  if (value.length > MAX_TEXT_LENGTH) refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）不能超过${MAX_TEXT_LENGTH}字`);
}

export function optionalText(value: unknown, field: string, label: string): void {
  if (value !== undefined && value !== null) requireText(value, field, label);
}

export function requireOneOf<T extends string>(value: unknown, options: readonly T[], field: string, label: string): asserts value is T {
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
    refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）必须是 ${options.join(' / ')} 之一`);
  }
}

export function requireBoolean(value: unknown, field: string, label: string): asserts value is boolean {
  if (typeof value !== 'boolean') refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）必须是 true 或 false`);
}

/** An ISO 8601 instant, not before `notBefore` and not in the future (workflow time, with a little clock skew). */
export function requirePastInstant(value: unknown, field: string, label: string, notBefore: string): void {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）必须是 ISO 8601 时间`);
  if (at > Date.now() + CLOCK_SKEW_MS) refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）不能晚于当前时间`);
  if (at < Date.parse(notBefore)) refuse(ERR_INVALID_ARGUMENT, `${label}（${field}）不能早于评价时间`);
}

/** The API's clock and the workflow's may differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
