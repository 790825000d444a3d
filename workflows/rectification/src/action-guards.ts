import { ApplicationFailure } from '@temporalio/workflow';
import {
  ACTOR_ROLES,
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  ERR_INVALID_STATE,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  RECTIFICATION_ACTION_RULES,
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_STATES,
  findUnstorableText,
  hasScopeOnCase,
  type Actor,
  type CaseScope,
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

export const ACTION_LABELS: Record<RectificationAction, string> = {
  verify: '核实',
  decideRejection: '审核不予采纳',
  recordCallback: '登记回访',
  recordRectification: '登记整改结果',
  confirm: '确认整改结果',
  reclassify: '改变整改类别',
  reassign: '改派经办人',
  inviteDepartments: '邀请县直部门协同整改',
  recordDepartmentInput: '登记部门协办意见',
  addNote: '添加备注',
  requestExtension: '申请延期',
  decideExtension: '审批延期',
};

/** The facts of a case that decide scope. */
export function caseScope(caseState: RectificationCaseState): CaseScope {
  return { hallCode: caseState.hallCode, invitedDepartmentCodes: caseState.invitedDepartments.map((invitation) => invitation.departmentCode) };
}

/**
 * Checks the actor (role, then scope on the case) and the state (then the category, which is part of what the case
 * is now) against RECTIFICATION_ACTION_RULES, then that no argument holds text the read model cannot store; answers
 * the validated actor.
 */
export function guardAction(action: RectificationAction, caseState: RectificationCaseState, command: unknown): Actor {
  const rules = RECTIFICATION_ACTION_RULES[action];
  const actor = readActor(command);
  if (!rules.roles.includes(actor.role)) refuse(ERR_FORBIDDEN, `当前角色无权${ACTION_LABELS[action]}`);
  if (!hasScopeOnCase(actor, caseScope(caseState))) {
    refuse(
      ERR_FORBIDDEN,
      actor.role === 'DEPT_GUIDE' ? '所在部门未受邀参与本差评的协调整改' : `无权处理其他镇街的差评（${caseState.hallName ?? caseState.hallCode}）`,
    );
  }
  if (!rules.states.includes(caseState.state)) {
    refuse(ERR_INVALID_STATE, `当前状态为“${RECTIFICATION_STATES[caseState.state]}”，不能${ACTION_LABELS[action]}`);
  }
  if (rules.categories && !(caseState.category !== null && rules.categories.includes(caseState.category))) {
    const allowed = rules.categories.map((category) => RECTIFICATION_CATEGORIES[category]).join('、');
    refuse(ERR_INVALID_STATE, `仅${allowed}的差评可以${ACTION_LABELS[action]}`);
  }
  // Text PostgreSQL cannot store would enter the state and fail every projection after it. The API refuses it at
  // the edge; the workflow can be reached without the API.
  const unstorable = findUnstorableText(command);
  if (unstorable !== undefined) refuse(ERR_INVALID_ARGUMENT, `内容（${unstorable}）不能含有空字符（U+0000）或不成对的 UTF-16 代理字符`);
  return actor;
}

function readActor(command: unknown): Actor {
  const actor = isRecord(command) ? command.actor : undefined;
  if (
    !isRecord(actor) ||
    typeof actor.userId !== 'string' ||
    actor.userId.trim() === '' ||
    !ACTOR_ROLES.includes(actor.role as Actor['role']) ||
    !isStringList(actor.hallCodes) ||
    !(actor.departmentCodes === undefined || isStringList(actor.departmentCodes))
  ) {
    refuse(ERR_INVALID_ARGUMENT, '缺少有效的操作人（userId、role、hallCodes）');
  }
  return actor as unknown as Actor;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * A command's argument refusal: one message, and every field refused with its own message in the failure's details
 * (`{ errors: [{ field, message }] }`), which the API answers as the 422's `errors`.
 */
export interface ArgumentProblem {
  field: string;
  message: string;
}

function refuseArguments(problems: readonly ArgumentProblem[]): never {
  throw ApplicationFailure.create({
    type: ERR_INVALID_ARGUMENT,
    message: problems.map((problem) => problem.message).join('；'),
    details: [{ errors: problems }],
    nonRetryable: true,
  });
}

/**
 * The arguments of one command, checked together: each check records what is wrong with its field and goes on, and
 * `refuseIfAny()` refuses once naming every field (a form shows them all at once instead of one per try). A check
 * answers the value it read when it is right (undefined otherwise), so later checks can depend on it.
 */
export class ArgumentChecks {
  private readonly problems: ArgumentProblem[] = [];

  private problem(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  /** A required free-text argument: a string with something in it, at most MAX_TEXT_LENGTH characters. */
  text(value: unknown, field: string, label: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') return this.problem(field, `${label}（${field}）不能为空`);
    if (value.length > MAX_TEXT_LENGTH) return this.problem(field, `${label}（${field}）不能超过${MAX_TEXT_LENGTH}字`);
    return value;
  }

  optionalText(value: unknown, field: string, label: string): void {
    if (value !== undefined && value !== null) this.text(value, field, label);
  }

  /** A short required identifier or name (a user id, a staff name, a department code). */
  name(value: unknown, field: string, label: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') return this.problem(field, `${label}（${field}）不能为空`);
    if (value.length > MAX_NAME_LENGTH) return this.problem(field, `${label}（${field}）不能超过${MAX_NAME_LENGTH}字`);
    return value;
  }

  /** A plain object argument (e.g. the assignee). */
  record(value: unknown, field: string, label: string): Record<string, unknown> | undefined {
    if (!isRecord(value) || Array.isArray(value)) return this.problem(field, `${label}（${field}）必须是对象`);
    return value;
  }

  /** An ISO 8601 instant (any time), in milliseconds. */
  instant(value: unknown, field: string, label: string): number | undefined {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) return this.problem(field, `${label}（${field}）必须是 ISO 8601 时间`);
    return at;
  }

  /** An ISO 8601 instant, not before `notBefore` and not in the future (workflow time, with a little clock skew). */
  pastInstant(value: unknown, field: string, label: string, notBefore: string): number | undefined {
    const at = this.instant(value, field, label);
    if (at === undefined) return undefined;
    if (at > Date.now() + CLOCK_SKEW_MS) return this.problem(field, `${label}（${field}）不能晚于当前时间`);
    if (at < Date.parse(notBefore)) return this.problem(field, `${label}（${field}）不能早于评价时间`);
    return at;
  }

  oneOf<T extends string>(value: unknown, options: readonly T[], field: string, label: string): T | undefined {
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) return this.problem(field, `${label}（${field}）必须是 ${options.join(' / ')} 之一`);
    return value as T;
  }

  boolean(value: unknown, field: string, label: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.problem(field, `${label}（${field}）必须是 true 或 false`);
    return value;
  }

  /** A refusal that is not about one check's shape (e.g. a due time not later than the current one). */
  refuse(field: string, message: string): void {
    this.problem(field, message);
  }

  refuseIfAny(): void {
    if (this.problems.length > 0) refuseArguments(this.problems);
  }
}

/** One argument checked on its own (see ArgumentChecks for several). */
function checkOne<T>(check: (checks: ArgumentChecks) => T | undefined): T {
  const checks = new ArgumentChecks();
  const value = check(checks);
  checks.refuseIfAny();
  return value as T;
}

export function requireText(value: unknown, field: string, label: string): void {
  checkOne((checks) => checks.text(value, field, label));
}

export function optionalText(value: unknown, field: string, label: string): void {
  checkOne((checks) => checks.optionalText(value, field, label));
}

export function requireName(value: unknown, field: string, label: string): asserts value is string {
  checkOne((checks) => checks.name(value, field, label));
}

export function requireRecord(value: unknown, field: string, label: string): asserts value is Record<string, unknown> {
  checkOne((checks) => checks.record(value, field, label));
}

/** The API's clock and the workflow's may differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
