import type { RectificationWorkflowInput } from './rectification.contract';
import { rectificationWorkflowId } from './task-queues';

/** Outbox topic whose messages start a rectification workflow (written with the review, in one transaction). */
export const START_RECTIFICATION_TOPIC = 'rectification.start';

export interface StartRectificationPayload {
  workflowId: string;
  input: RectificationWorkflowInput;
}

/** The outbox row that makes sure a bad review's workflow starts, even if Temporal is away at that moment. */
export function startRectificationMessage(input: RectificationWorkflowInput): {
  topic: string;
  key: string;
  payload: StartRectificationPayload;
} {
  const workflowId = rectificationWorkflowId(input.reviewId);
  return { topic: START_RECTIFICATION_TOPIC, key: workflowId, payload: { workflowId, input } };
}
