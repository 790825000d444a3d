import { percentiles, type Percentiles } from './percentiles';

/** One event of a workflow history, as much as the round breakdown needs (times in ms since the epoch). */
export interface RoundEvent {
  kind: 'activityScheduled' | 'activityStarted' | 'activityCompleted' | 'timerStarted' | 'other';
  at: number;
}

/** Where the time of the delivery loop's rounds goes, from its history (exchangeDeliveryWorkflow). */
export interface RoundBreakdown {
  /** Rounds followed at once by the next (a full batch): the ones the breakdown covers. */
  rounds: number;
  /** Activity scheduled → picked up by the worker (Temporal's task queue). */
  queueMs: Percentiles;
  /** Activity picked up → completed: claim, build, POST, record, commit (the database and the upstream). */
  activityMs: Percentiles;
  /** Activity completed → the next one scheduled (a workflow task: Temporal and the worker's workflow code). */
  betweenMs: Percentiles;
}

/**
 * The rounds of a delivery loop's history that ran back to back: for each activity completed and followed by the
 * next activity without a timer (a rest) between them, its time in the queue, its own time, and the time until the
 * next one was scheduled. Events are in history order.
 */
export function deliveryRounds(events: readonly RoundEvent[]): RoundBreakdown {
  const queue: number[] = [];
  const activity: number[] = [];
  const between: number[] = [];
  let scheduled: number | undefined;
  let started: number | undefined;
  let completed: number | undefined;
  for (const event of events) {
    if (event.kind === 'activityScheduled') {
      if (completed !== undefined && scheduled !== undefined && started !== undefined) {
        queue.push(started - scheduled);
        activity.push(completed - started);
        between.push(event.at - completed);
      }
      scheduled = event.at;
      started = completed = undefined;
    } else if (event.kind === 'activityStarted') {
      started = event.at;
    } else if (event.kind === 'activityCompleted') {
      completed = event.at;
    } else if (event.kind === 'timerStarted') {
      scheduled = started = completed = undefined;
    }
  }
  return { rounds: between.length, queueMs: percentiles(queue), activityMs: percentiles(activity), betweenMs: percentiles(between) };
}
