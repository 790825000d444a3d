/**
 * Failure types raised by workflow update validators and activities. The API maps them to HTTP statuses
 * (see apps/api/src/rectifications/temporal-failure.mapper.ts), so the names are a contract: never rename one.
 */
export const ERR_INVALID_STATE = 'ERR_INVALID_STATE'; // the action is not allowed in the current state → 409
export const ERR_FORBIDDEN = 'ERR_FORBIDDEN'; // the actor may not take this action → 403
export const ERR_INVALID_ARGUMENT = 'ERR_INVALID_ARGUMENT'; // arguments do not satisfy the rules → 422
export const ERR_REVIEW_NOT_FOUND = 'ERR_REVIEW_NOT_FOUND'; // the review the workflow was started for is missing

export type RectificationFailureType =
  | typeof ERR_INVALID_STATE
  | typeof ERR_FORBIDDEN
  | typeof ERR_INVALID_ARGUMENT
  | typeof ERR_REVIEW_NOT_FOUND
  | typeof ERR_PROJECTION_INVALID;

/**
 * A case projection that can never be written (the state holds text PostgreSQL refuses, or a value it refuses as
 * data): failed for good instead of retried, and the workflow tells the county (CaseRecord.project).
 */
export const ERR_PROJECTION_INVALID = 'ERR_PROJECTION_INVALID';

/** NUL (refused in text and jsonb) and lone UTF-16 surrogates (no UTF-8 form): text PostgreSQL cannot store. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const UNSTORABLE_CHARACTER = /[\u0000\p{Cs}]/u;
// eslint-disable-next-line no-control-regex -- the same, to replace it in a reported key
const UNSTORABLE_CHARACTERS = /[\u0000\p{Cs}]/gu;

/**
 * The path (`reviewer.name`, `items.0.text`, under `root`) of the first string or object key in `value` that holds
 * text PostgreSQL cannot store, or undefined. The API refuses such input at the edge, the workflow's validators
 * refuse it in updates, and the projection checks the state before writing it. Iterative, so a deeply nested body
 * cannot overflow the stack.
 */
export function findUnstorableText(value: unknown, root = ''): string | undefined {
  const pending: Array<[unknown, string]> = [[value, root]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (UNSTORABLE_CHARACTER.test(item)) return path;
      continue;
    }
    if (typeof item !== 'object' || item === null || ArrayBuffer.isView(item)) continue;
    const children: Array<[unknown, string]> = [];
    for (const [key, child] of Object.entries(item)) {
      // The key itself is named readably: the path goes into a message and a JSON answer.
      const childPath = `${path === '' ? '' : `${path}.`}${key.replace(UNSTORABLE_CHARACTERS, '\uFFFD')}`;
      if (UNSTORABLE_CHARACTER.test(key)) return childPath;
      children.push([child, childPath]);
    }
    pending.push(...children.reverse()); // in document order
  }
  return undefined;
}
