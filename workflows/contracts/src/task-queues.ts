/** Task queue names shared by the API (which starts workflows) and the worker (which polls). */
export const TASK_QUEUES = {
  rectification: 'rectification',
} as const;

export type TaskQueueName = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];

/** The single workflow id per bad review: starting it twice is refused by Temporal, which makes starts idempotent. */
export function rectificationWorkflowId(reviewId: string): string {
  return `rectification-${reviewId}`;
}
