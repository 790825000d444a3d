import {
  ApplicationFailure,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ERR_FORBIDDEN, ERR_INVALID_ARGUMENT, ERR_INVALID_STATE } from '@haochaping/contracts';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';

/** How the workflow's refusals (ERR_* failure types, contracts/failures.ts) answer over HTTP. */
const REFUSALS: Record<string, { status: number; code: string }> = {
  [ERR_FORBIDDEN]: { status: 403, code: 'FORBIDDEN' },
  [ERR_INVALID_STATE]: { status: 409, code: 'INVALID_STATE' },
  [ERR_INVALID_ARGUMENT]: { status: 422, code: 'INVALID_ARGUMENT' },
};

// The validators name the argument in full-width parentheses: "整改类别（category）必须是 …".
const FIELD_IN_MESSAGE = /（([A-Za-z][A-Za-z0-9.]*)）/;

/**
 * Turns what the Temporal client threw while running an update into the API's error. The workflow's refusals keep
 * their Chinese message (people read it); a missing workflow is 404; a Temporal that cannot be reached or does not
 * answer in time is 503. CaseWorkflowClient refines the 404 (a case still in the outbox, or one already closed).
 */
export function mapTemporalFailure(error: unknown): DomainHttpException {
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    const refusal = cause instanceof ApplicationFailure && cause.type ? REFUSALS[cause.type] : undefined;
    if (cause instanceof ApplicationFailure && refusal) {
      const errors = refusal.status === 422 ? fieldErrorsOf(cause) : undefined;
      return new DomainHttpException(refusal.status, refusal.code, cause.message, errors);
    }
    // The workflow has not opened the case yet (it registers its updates once the case is open): try again shortly.
    if (cause instanceof ApplicationFailure && cause.message.startsWith('No registered handler for update')) {
      return new DomainHttpException(409, 'RECTIFICATION_OPENING', '整改工单正在受理中，请稍后再试');
    }
    // The update was accepted but its handler failed: nothing a person can fix by changing the request.
    return new DomainHttpException(500, 'ACTION_FAILED', '操作未能完成，请稍后再试');
  }
  if (error instanceof WorkflowNotFoundError) return new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // No answer before the deadline: Temporal unreachable (the lazy connection keeps trying until then) or slow. In
    // the second case the update may still be applied after we stopped waiting, so the message does not claim it failed.
    return new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '整改流程暂时没有响应，操作未确认生效，请稍后刷新查看');
  }
  // A ServiceError (Temporal refused or dropped the call), or a connection failure of the lazy client (refused, no
  // answer before the deadline), which arrives as a plain error.
  return new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '整改流程暂时无法访问，请稍后再试');
}

/**
 * The fields a 422 refusal names: every one the validator listed in its details (`{ errors: [{ field, message }] }`,
 * all the arguments of a command checked together), or else the one its message names.
 */
function fieldErrorsOf(cause: ApplicationFailure): ApiFieldError[] | undefined {
  const listed: unknown = (cause.details?.[0] as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(listed)) {
    const errors = listed.filter(
      (entry): entry is ApiFieldError => typeof entry === 'object' && entry !== null && typeof (entry as ApiFieldError).field === 'string' && typeof (entry as ApiFieldError).message === 'string',
    );
    if (errors.length > 0) return errors.map(({ field, message }) => ({ field, message }));
  }
  const field = FIELD_IN_MESSAGE.exec(cause.message)?.[1];
  return field ? [{ field, message: cause.message }] : undefined;
}
