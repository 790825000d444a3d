import { actorLabel, isActorRole } from '@haochaping/contracts';

/**
 * The workflow writes a timeline entry with the acting account's id, the role it acted in (`details.actorRole`) and,
 * for 协调整改, department codes (`yibao`) — it cannot look names up. A reader wants people and departments by name, so
 * the API names them when it answers: the names as the master data holds them now, looked up once per answer.
 */

/** A department named in an entry. */
export interface TimelineDepartment {
  code: string;
  name: string;
}

/** What the API adds to each entry it answers with. */
export interface TimelineEntryLabels {
  /** Who took the step, by post and name (经办人 张三, 金屯镇分管领导 李四, 评价人, 系统); never an account id. */
  actorLabel: string;
  /** The step in the workflow's wording, with the departments it names by code named by name. */
  actionLabel: string;
  /** The departments the entry's details name (invited, or the one that gave its input), in their order. */
  departments: TimelineDepartment[];
}

/** The case the entries belong to: its hall names a town leader, its invited departments a guide. */
export interface TimelineCaseFacts {
  hallName: string | null;
  invitedDepartmentCodes: readonly string[];
}

export interface TimelineAccount {
  displayName: string;
  departmentCodes: readonly string[];
}

/** What the look-up found: accounts by id, department names by code. A missing key is a name nobody knows now. */
export interface TimelineNames {
  accounts: ReadonlyMap<string, TimelineAccount>;
  departments: ReadonlyMap<string, string>;
}

/** What to look up for a timeline: the accounts that acted and every department the entries or the case name. */
/** A timeline entry as the read model or the workflow holds it (`TimelineEntry` of the contracts; null details too). */
export interface TimelineEntrySource {
  actor: string;
  action: string;
  details?: Record<string, unknown> | null;
}

export interface TimelineLookup {
  /** Only ids shaped as accounts' ids (UUIDs): `system`, the citizen's `reviewer` and test actors name no account. */
  userIds: string[];
  departmentCodes: string[];
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const detailsOf = (entry: TimelineEntrySource): Record<string, unknown> => entry.details ?? {};

/** The department codes an entry's details hold: `departmentCodes` (an invitation) and `departmentCode` (an input). */
function departmentCodesOf(entry: TimelineEntrySource): string[] {
  const details = detailsOf(entry);
  const codes = Array.isArray(details.departmentCodes) ? details.departmentCodes.filter((code): code is string => typeof code === 'string') : [];
  if (typeof details.departmentCode === 'string') codes.push(details.departmentCode);
  return [...new Set(codes)];
}

export function timelineLookup(entries: readonly TimelineEntrySource[], facts: TimelineCaseFacts): TimelineLookup {
  const userIds = new Set<string>();
  const departmentCodes = new Set<string>(facts.invitedDepartmentCodes);
  for (const entry of entries) {
    if (ACCOUNT_ID.test(entry.actor)) userIds.add(entry.actor.toLowerCase());
    for (const code of departmentCodesOf(entry)) departmentCodes.add(code);
  }
  return { userIds: [...userIds], departmentCodes: [...departmentCodes] };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each code the entry names, as a whole word of the action text, replaced by the department's name. */
function nameDepartments(action: string, departments: readonly TimelineDepartment[]): string {
  return departments.reduce(
    (text, { code, name }) => text.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(code)}(?![A-Za-z0-9_-])`, 'g'), name),
    action,
  );
}

/**
 * The department a guide acted for: the one the entry names, else the first of the case's invited departments that is
 * theirs (a guide acts on a case only for an invited department).
 */
function guideDepartment(entry: TimelineEntrySource, account: TimelineAccount | undefined, facts: TimelineCaseFacts): string | undefined {
  const named = detailsOf(entry).departmentCode;
  if (typeof named === 'string') return named;
  return facts.invitedDepartmentCodes.find((code) => account?.departmentCodes.includes(code));
}

export function labelTimeline<E extends TimelineEntrySource>(entries: readonly E[], names: TimelineNames, facts: TimelineCaseFacts): Array<E & TimelineEntryLabels> {
  return entries.map((entry) => {
    const declaredRole = detailsOf(entry).actorRole;
    const role = isActorRole(declaredRole) ? declaredRole : entry.actor === 'system' ? 'SYSTEM' : null;
    const account = ACCOUNT_ID.test(entry.actor) ? names.accounts.get(entry.actor.toLowerCase()) : undefined;
    const guideCode = role === 'DEPT_GUIDE' ? guideDepartment(entry, account, facts) : undefined;
    // A code without a department row (one deleted since) stays as it was written: better a code than nothing.
    const departments = departmentCodesOf(entry).map((code) => ({ code, name: names.departments.get(code) ?? code }));
    return {
      ...entry,
      actorLabel: actorLabel({
        role,
        displayName: account?.displayName ?? null,
        hallName: facts.hallName,
        departmentName: guideCode === undefined ? null : (names.departments.get(guideCode) ?? null),
      }),
      actionLabel: nameDepartments(entry.action, departments),
      departments,
    };
  });
}
