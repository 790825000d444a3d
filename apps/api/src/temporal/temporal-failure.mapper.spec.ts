import {
  ApplicationFailure,
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ERR_FORBIDDEN, ERR_INVALID_ARGUMENT, ERR_INVALID_STATE, ERR_REVIEW_NOT_FOUND } from '@haochaping/contracts';
import type { ApiErrorBody } from '../common/api-error';
import { mapTemporalFailure } from './temporal-failure.mapper';

const refused = (type: string, message: string) => new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message, nonRetryable: true }));

describe('mapTemporalFailure: what the Temporal client threw → the API error', () => {
  // [what happened, the error, status, code, message (undefined: not asserted), field errors]
  const cases: Array<[string, unknown, number, string, string | undefined, ApiErrorBody['errors']]> = [
    ['the actor may not (ERR_FORBIDDEN)', refused(ERR_FORBIDDEN, '无权处理其他镇街的差评（金屯镇）'), 403, 'FORBIDDEN', '无权处理其他镇街的差评（金屯镇）', undefined],
    ['not in this state (ERR_INVALID_STATE)', refused(ERR_INVALID_STATE, '当前状态为“整改中”，不能确认整改结果'), 409, 'INVALID_STATE', '当前状态为“整改中”，不能确认整改结果', undefined],
    [
      'bad arguments (ERR_INVALID_ARGUMENT), naming the field',
      refused(ERR_INVALID_ARGUMENT, '整改类别（category）必须是 IMMEDIATE / TIME_LIMITED / COORDINATED 之一'),
      422,
      'INVALID_ARGUMENT',
      '整改类别（category）必须是 IMMEDIATE / TIME_LIMITED / COORDINATED 之一',
      [{ field: 'category', message: '整改类别（category）必须是 IMMEDIATE / TIME_LIMITED / COORDINATED 之一' }],
    ],
    ['bad arguments without a field name', refused(ERR_INVALID_ARGUMENT, '缺少有效的操作人'), 422, 'INVALID_ARGUMENT', '缺少有效的操作人', undefined],
    [
      'bad arguments listed in the details (every field of the command at once)',
      new WorkflowUpdateFailedError(
        'Workflow Update failed',
        ApplicationFailure.create({
          type: ERR_INVALID_ARGUMENT,
          message: '联系方式（contactMethod）必须是 PHONE / ON_SITE / SMS / OTHER 之一；评价人的意见（reviewerResponse）不能为空',
          details: [{ errors: [{ field: 'contactMethod', message: '联系方式（contactMethod）必须是 PHONE / ON_SITE / SMS / OTHER 之一' }, { field: 'reviewerResponse', message: '评价人的意见（reviewerResponse）不能为空' }] }],
          nonRetryable: true,
        }),
      ),
      422,
      'INVALID_ARGUMENT',
      undefined,
      [
        { field: 'contactMethod', message: '联系方式（contactMethod）必须是 PHONE / ON_SITE / SMS / OTHER 之一' },
        { field: 'reviewerResponse', message: '评价人的意见（reviewerResponse）不能为空' },
      ],
    ],
    [
      'an action before the workflow has opened the case',
      new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ message: 'No registered handler for update: verify', nonRetryable: true })),
      409,
      'RECTIFICATION_OPENING',
      '整改工单正在受理中，请稍后再试',
      undefined,
    ],
    ['a handler that failed after acceptance', refused(ERR_REVIEW_NOT_FOUND, 'review gone'), 500, 'ACTION_FAILED', undefined, undefined],
    ['an update failure without an application failure', new WorkflowUpdateFailedError('failed', undefined), 500, 'ACTION_FAILED', undefined, undefined],
    ['no such workflow', new WorkflowNotFoundError('not found', 'rectification-x', undefined), 404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单', undefined],
    ['no answer before the deadline', new WorkflowUpdateRPCTimeoutOrCancelledError('timeout'), 503, 'WORKFLOW_UNAVAILABLE', undefined, undefined],
    ['Temporal refused the call', new ServiceError('Workflow Update failed'), 503, 'WORKFLOW_UNAVAILABLE', undefined, undefined],
    ['Temporal unreachable', new Error('Failed to connect before the deadline'), 503, 'WORKFLOW_UNAVAILABLE', undefined, undefined],
  ];

  it.each(cases)('%s', (_label, error, status, code, message, errors) => {
    const mapped = mapTemporalFailure(error);
    const body = mapped.getResponse() as ApiErrorBody;
    expect(mapped.getStatus()).toBe(status);
    expect(body.code).toBe(code);
    expect(body.chineseMessage).toMatch(/[\u4e00-\u9fa5]/);
    if (message !== undefined) expect(body.chineseMessage).toBe(message);
    expect(body.errors).toEqual(errors);
  });
});
