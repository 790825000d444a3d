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
  | typeof ERR_REVIEW_NOT_FOUND;
