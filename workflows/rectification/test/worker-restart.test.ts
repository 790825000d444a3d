import { Context } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { NotificationRequest, RectificationCaseState } from '@haochaping/contracts';
import { addHours, until, useTimeSkippingHarness, type CaseHandle, type RectificationHarness } from './helpers/rectification-harness';
import { workflowBundle } from './helpers/test-environment';

/*
 * Issue 5: the worker process stops in the middle of a case. The case's clocks are durable timers on the server, so
 * they run out while no worker runs; the next worker (a new Worker on the same task queue, nothing of the old one
 * in memory) replays the history and catches up, and every reminder and escalation is requested exactly once over
 * both workers.
 *
 * Activities run at least once, so a notify may legitimately run twice; the real activity writes its Notification
 * row under the key notify:<workflowId>:<runId>:<activityId> (apps/worker/src/notifications), which a retry keeps.
 * These tests record that key for every notify a worker runs and assert on the distinct keys, and on what the
 * workflow itself asked for: one ActivityTaskScheduled `notify` per obligation and kind in the history.
 *
 * The case: 立整立改 for a real-name reviewer under the default policy, with the harness's plain-time calendar. The
 * callback reminds at 48 min, is due at 1 h and escalates to the county at 25 h; the result reminds at 19.2 h, is
 * due at 24 h and escalates at 48 h. The result's reminder is never sent: when a worker first sees that clock, the
 * result is already overdue, and the overdue notice replaces the reminder (obligation-clocks.ts).
 */

/** Temporal's history event type numbers (temporal.api.enums.v1.EventType) these tests read. */
const EVENT = {
  workflowTaskScheduled: 5,
  workflowTaskStarted: 6,
  workflowTaskCompleted: 7,
  activityScheduled: 10,
  activityCompleted: 12,
  activityClosed: [12, 13, 14, 16], // completed, failed, timed out, canceled
  timerFired: 18,
} as const;

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Every notice of the case, as `<obligation or "case"> <kind>`: each exactly once (the new case's notice, then the clocks'). */
const ALL_NOTICES = ['callback OVERDUE_LEVEL_1', 'callback OVERDUE_LEVEL_2', 'callback REMINDER', 'case CASE_OPENED', 'result OVERDUE_LEVEL_1', 'result OVERDUE_LEVEL_2'];

/** The clocks' notes in the timeline, each exactly once (the timeline is rebuilt by replay, so a double shows here). */
const ALL_CLOCK_NOTES = [
  '回访即将到期，已提醒经办人',
  '回访超期，已告知镇街分管领导',
  '回访超期一个工作日仍未完成，已上报县行政审批服务局',
  '整改结果反馈超期，已告知镇街分管领导',
  '整改结果反馈超期一个工作日仍未完成，已上报县行政审批服务局',
];

interface RanNotify {
  key: string;
  request: NotificationRequest;
  worker: string;
}

describe('a worker restarted in the middle of a case (issue 5)', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  /** Every notify a worker ran, with the key the real activity writes its Notification row under. */
  const ran: RanNotify[] = [];
  /** The worker running now ('' when none). */
  let currentWorker = '';
  /** Puts back the time-skipping hold sleepWithoutWorker released, once a worker has taken the outstanding task. */
  let relock: (() => Promise<void>) | undefined;
  /** Runs in the notify activity once its work is done; the activity returns when it has. */
  let afterNotify: (request: NotificationRequest) => Promise<void> = () => Promise.resolve();

  useTimeSkippingHarness((suite) => ({ env, harness } = suite), { startWorker: false });
  beforeAll(() => {
    harness.mocks.notify.mockImplementation(async (request: NotificationRequest) => {
      const { activityId, workflowExecution } = Context.current().info;
      if (!workflowExecution) throw new Error('notify ran outside a workflow');
      ran.push({ key: `notify:${workflowExecution.workflowId}:${workflowExecution.runId}:${activityId}`, request, worker: currentWorker });
      await afterNotify(request);
    });
  });
  afterEach(async () => {
    afterNotify = () => Promise.resolve();
    if (currentWorker) await harness?.terminateOpenCases();
    await relock?.();
    relock = undefined;
    await harness?.stop();
    currentWorker = '';
  });

  /**
   * Starts a worker named `identity` on the harness's task queue. Workers run without a workflow cache (no sticky
   * task queue): the Java test server never moves a workflow task off the sticky queue of a worker that is gone (a
   * real server does after stickyQueueScheduleToStartTimeout, 10 s), so a stopped caching worker would strand its
   * cases here. Without the cache every workflow task replays the whole history, on worker A as on worker B. A
   * stopping worker lets the activities it runs finish and reports them (a graceful stop, as on SIGTERM).
   */
  async function startWorker(identity: string): Promise<void> {
    currentWorker = identity;
    await harness.start({ identity, maxCachedWorkflows: 0, shutdownGraceTime: '10 seconds' });
  }

  /**
   * Moves the test server's clock by `duration` across a time without a worker (from when `stopped` resolves). The
   * first clock that runs out then schedules a workflow task that nobody takes, and the test server holds time still
   * while a workflow task is outstanding (it expects workers to answer at once). This releases that hold, so time
   * goes on as in production, every later timer firing into the same outstanding task. The hold is released again
   * when a worker completes that task, so afterEach puts it back (`relock`) once a worker has caught up.
   */
  async function sleepWithoutWorker(handle: CaseHandle, duration: string, stopped: Promise<void>): Promise<void> {
    const testService = env.connection.testService;
    if (!testService) throw new Error('the time-skipping environment has no test service');
    const sleeping = env.sleep(duration);
    await stopped;
    currentWorker = '';
    let holds = 0;
    await until(async () => {
      const events = await historyOf(handle);
      const workflowTask = count(events, EVENT.workflowTaskScheduled) > count(events, EVENT.workflowTaskCompleted) ? 1 : 0;
      // An activity worker A never completed (at least once: worker B runs it again) holds time still as well.
      holds = workflowTask + count(events, EVENT.activityScheduled) - count(events, ...EVENT.activityClosed);
      return workflowTask === 1;
    });
    for (let i = 0; i < holds; i++) await testService.unlockTimeSkipping({});
    relock = async () => {
      for (let i = 0; i < holds; i++) await testService.lockTimeSkipping({});
    };
    await sleeping;
  }

  /** The case's notices, one per distinct Notification key, as `<obligation> <kind>` sorted. */
  function distinctNotices(reviewId: string): string[] {
    const byKey = new Map(ran.filter((entry) => entry.request.reviewId === reviewId).map((entry) => [entry.key, entry.request]));
    return [...byKey.values()].map(describeNotice).sort();
  }

  /** Who ran each notice (the first run of its key). */
  function noticeWorkers(reviewId: string): Record<string, string> {
    const workers: Record<string, string> = {};
    for (const entry of ran.filter((candidate) => candidate.request.reviewId === reviewId)) workers[describeNotice(entry.request)] ??= entry.worker;
    return workers;
  }

  /** Waits for worker B to catch up: both obligations at level 2, every notice run, nothing in flight. */
  async function caughtUp(handle: CaseHandle, reviewId: string): Promise<RectificationCaseState> {
    await harness.eventually(handle, (s) => s.obligations.callback?.escalationLevel === 2 && s.obligations.result?.escalationLevel === 2, 30_000);
    await until(() => Promise.resolve(distinctNotices(reviewId).length >= ALL_NOTICES.length));
    await until(async () => {
      const events = await historyOf(handle);
      return count(events, EVENT.workflowTaskScheduled) === count(events, EVENT.workflowTaskCompleted) && count(events, EVENT.activityScheduled) === count(events, ...EVENT.activityClosed);
    });
    return harness.eventually(handle, () => true);
  }

  /** What every restart test asserts once worker B has caught up. */
  async function expectEachNoticeOnce(handle: CaseHandle, reviewId: string): Promise<void> {
    const state = await caughtUp(handle, reviewId);
    expect(state).toMatchObject({ state: 'PENDING_VERIFICATION', escalationLevel: 2 });
    expect(state.obligations.callback).toMatchObject({ overdue: true, escalationLevel: 2, doneAt: null });
    expect(state.obligations.result).toMatchObject({ overdue: true, escalationLevel: 2, doneAt: null, remindedAt: null });
    const clockNotes = state.timeline.filter((entry) => /到期|超期/.test(entry.action));
    expect(clockNotes.map((entry) => entry.action).sort()).toEqual([...ALL_CLOCK_NOTES].sort());
    expect(clockNotes.every((entry) => entry.actor === 'system')).toBe(true);

    expect(distinctNotices(reviewId)).toEqual(ALL_NOTICES);
    const events = await historyOf(handle);
    expect(scheduledNotices(events)).toEqual(ALL_NOTICES);
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), replayName: handle.workflowId }, await handle.fetchHistory())).resolves.toBeUndefined();
  }

  it('worker A stops after the callback reminder; the clocks run out while no worker runs; worker B sends each escalation once', async () => {
    await startWorker('worker-A');
    const { reviewId, reviewedAt, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE', canCallBack: true });

    await env.sleep('50 minutes'); // past the callback's reminder (48 min), before its due time (1 h)
    await harness.eventually(handle, (s) => s.obligations.callback?.remindedAt != null);
    await harness.stop(); // drains what is in flight (the reminder), then polls no more: worker A is gone
    expect(distinctNotices(reviewId)).toEqual(['callback REMINDER', 'case CASE_OPENED']);

    await sleepWithoutWorker(handle, '3 days', Promise.resolve());
    expect(Date.parse(await harness.now())).toBeGreaterThan(Date.parse(addHours(reviewedAt, 48))); // past every escalation
    expect(distinctNotices(reviewId)).toEqual(['callback REMINDER', 'case CASE_OPENED']); // nobody ran anything meanwhile
    const idle = await historyOf(handle);
    const lastTaskOfA = idle.filter((event) => Number(event.eventType) === EVENT.workflowTaskStarted).at(-1);
    expect(lastTaskOfA?.workflowTaskStartedEventAttributes?.identity).toBe('worker-A');
    // The callback's due time and the result's reminder ran out after worker A's last workflow task, with no worker.
    expect(idle.filter((event) => Number(event.eventId) > Number(lastTaskOfA?.eventId) && Number(event.eventType) === EVENT.timerFired)).toHaveLength(2);

    await startWorker('worker-B');
    await expectEachNoticeOnce(handle, reviewId);
    expect(noticeWorkers(reviewId)).toEqual({
      'case CASE_OPENED': 'worker-A',
      'callback REMINDER': 'worker-A',
      'callback OVERDUE_LEVEL_1': 'worker-B',
      'callback OVERDUE_LEVEL_2': 'worker-B',
      'result OVERDUE_LEVEL_1': 'worker-B',
      'result OVERDUE_LEVEL_2': 'worker-B',
    });
  });

  it('worker A stops right after the callback overdue notice completed, before the workflow task that takes its result; worker B takes it and sends nothing twice', async () => {
    await startWorker('worker-A');
    const { reviewId, handle } = await harness.openCase({ suggestedCategory: 'IMMEDIATE', canCallBack: true });
    await env.sleep('50 minutes');
    await harness.eventually(handle, (s) => s.obligations.callback?.remindedAt != null);

    // When the callback turns overdue, worker A runs the level-1 notice and, once all else it had to do is done, is told
    // to stop while the notice is still running; it reports the notice completed as it drains, and the workflow task
    // that completion schedules finds no worker.
    let stopped: Promise<void> | undefined;
    const stopRequested = new Promise<void>((resolve) => {
      afterNotify = async (request) => {
        if (request.obligation !== 'callback' || request.kind !== 'OVERDUE_LEVEL_1') return;
        afterNotify = () => Promise.resolve();
        // Worker A has finished everything else (the projection and the workflow task it woke): only this notice runs.
        await until(async () => {
          const events = await historyOf(handle);
          return count(events, EVENT.workflowTaskScheduled) === count(events, EVENT.workflowTaskCompleted) && count(events, EVENT.activityScheduled) === count(events, ...EVENT.activityClosed) + 1;
        });
        stopped = harness.stop();
        resolve();
      };
    });
    await sleepWithoutWorker(handle, '3 days', stopRequested.then(() => stopped));

    const idle = await historyOf(handle);
    const overdueNotice = idle.find((event) => Number(event.eventType) === EVENT.activityScheduled && describeScheduled(event) === 'callback OVERDUE_LEVEL_1');
    const completion = idle.find(
      (event) => Number(event.eventType) === EVENT.activityCompleted && String(event.activityTaskCompletedEventAttributes?.scheduledEventId) === String(overdueNotice?.eventId),
    );
    expect(completion?.activityTaskCompletedEventAttributes?.identity).toBe('worker-A');
    // Nothing after that completion has been done by a worker: the workflow has not seen the notice's result. (The
    // Java test server may still hand the task to a poll worker A left open at shutdown; such a task is never
    // completed and times out, so completions are what count.)
    expect(idle.filter((event) => Number(event.eventId) > Number(completion?.eventId) && Number(event.eventType) === EVENT.workflowTaskCompleted)).toEqual([]);
    expect(distinctNotices(reviewId)).toEqual(['callback OVERDUE_LEVEL_1', 'callback REMINDER', 'case CASE_OPENED']);

    await startWorker('worker-B');
    await expectEachNoticeOnce(handle, reviewId);
    const events = await historyOf(handle);
    const firstTaskAfter = events.find((event) => Number(event.eventId) > Number(completion?.eventId) && Number(event.eventType) === EVENT.workflowTaskCompleted);
    expect(firstTaskAfter?.workflowTaskCompletedEventAttributes?.identity).toBe('worker-B');
    expect(noticeWorkers(reviewId)).toMatchObject({ 'callback REMINDER': 'worker-A', 'callback OVERDUE_LEVEL_1': 'worker-A', 'callback OVERDUE_LEVEL_2': 'worker-B' });
  });
});

async function historyOf(handle: CaseHandle): Promise<HistoryEvent[]> {
  return (await handle.fetchHistory()).events ?? [];
}

function count(events: HistoryEvent[], ...types: number[]): number {
  return events.filter((event) => types.includes(Number(event.eventType))).length;
}

function describeNotice(request: Pick<NotificationRequest, 'obligation' | 'kind'>): string {
  return `${request.obligation ?? 'case'} ${request.kind}`;
}

/** A scheduled activity as `<obligation> <kind>` when it is a notify, otherwise undefined. */
function describeScheduled(event: HistoryEvent): string | undefined {
  const attributes = event.activityTaskScheduledEventAttributes;
  if (attributes?.activityType?.name !== 'notify') return undefined;
  const [payload] = attributes.input?.payloads ?? [];
  return describeNotice(defaultPayloadConverter.fromPayload<NotificationRequest>(payload));
}

/** The notify activities the workflow scheduled, as `<obligation> <kind>` sorted. */
function scheduledNotices(events: HistoryEvent[]): string[] {
  return events
    .filter((event) => Number(event.eventType) === EVENT.activityScheduled)
    .map(describeScheduled)
    .filter((notice): notice is string => notice !== undefined)
    .sort();
}


