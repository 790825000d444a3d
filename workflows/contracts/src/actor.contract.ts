/** Roles of DOMAIN.md ("People"); SYSTEM is the workflow itself (clocks, notifications). */
export const ACTOR_ROLES = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN', 'CITIZEN', 'SYSTEM'] as const;

export type ActorRole = (typeof ACTOR_ROLES)[number];

/**
 * Who takes an action, as the API authenticated them. `hallCodes` is the user's data scope: the halls whose
 * cases a HANDLER or TOWN_LEADER may act on (the county supervisor sees every hall).
 */
export interface Actor {
  userId: string;
  role: ActorRole;
  hallCodes: string[];
  /**
   * The county departments a DEPT_GUIDE works for (e.g. `yibao`): a guide acts on a case only when one of them was
   * invited to its coordinated rectification. Absent for every other role.
   */
  departmentCodes?: string[];
}

/**
 * What a role is called where people read it: the timeline's actor, exports, notices. Shared by the API and the
 * console, so a role is named the same everywhere. The citizen is the case's reviewer (评价人), never named.
 */
export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  HANDLER: '经办人',
  TOWN_LEADER: '分管领导',
  DEPT_GUIDE: '部门指导员',
  COUNTY_SUPERVISOR: '县行政审批服务局',
  ADMIN: '系统管理员',
  CITIZEN: '评价人',
  SYSTEM: '系统',
};

export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (ACTOR_ROLES as readonly string[]).includes(value);
}

/** What is known about who took a step: the role they acted in, and what the master data still says of them. */
export interface ActorLabelFacts {
  /** The role written with the step; absent when the record has none (the label then says 工作人员). */
  role: ActorRole | null;
  /** The account's display name now; null when the account is gone or unnamed. */
  displayName: string | null;
  /** The case's hall (a town leader leads that hall). */
  hallName: string | null;
  /** The department a guide acted for. */
  departmentName: string | null;
}

/** For a step whose record carries no role: a person, but not which kind. */
export const UNKNOWN_ROLE_LABEL = '工作人员';

/**
 * How a person is named on a case: their post, then their name (经办人 张三, 金屯镇分管领导 李四, 县行政审批服务局 王五,
 * 医保局指导员 赵六). The reviewer is 评价人 and the workflow 系统, never with a name; an account that is gone or has no
 * display name leaves the post alone, so no account id ever reaches a reader.
 */
export function actorLabel({ role, displayName, hallName, departmentName }: ActorLabelFacts): string {
  if (role === 'CITIZEN' || role === 'SYSTEM') return ACTOR_ROLE_LABELS[role];
  const post =
    role === null
      ? UNKNOWN_ROLE_LABEL
      : role === 'TOWN_LEADER' && hallName
        ? `${hallName}${ACTOR_ROLE_LABELS.TOWN_LEADER}`
        : role === 'DEPT_GUIDE' && departmentName
          ? `${departmentName}指导员`
          : ACTOR_ROLE_LABELS[role];
  const name = displayName?.trim();
  return name ? `${post} ${name}` : post;
}
