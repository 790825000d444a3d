import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { ApplicationFailure } from '@temporalio/activity';
import { Worker, type WorkerOptions } from '@temporalio/worker';
import {
  DEFAULT_SLA_POLICY,
  ERR_PROJECTION_INVALID,
  caseProjection,
  caseProjectionColumns,
  type CaseProjection,
  type CaseProjectionColumns,
  type TimelineEntry,
  TASK_QUEUES,
  rectificationWorkflowId,
  type Actor,
  type ComputeDeadlineInput,
  type ComputedDeadline,
  type ComputeObligationDeadlinesInput,
  type NotificationRequest,
  type RectificationActivities,
  type RectificationCaseState,
  type RectificationCategory,
  type RectificationFailureType,
  type ReviewContext,
} from '@haochaping/contracts';
import { rectificationStateQuery } from '@haochaping/contracts/server';
import { rectificationWorkflow } from '../../src/rectification.workflow';
import { createTimeSkippingEnvironment, workflowBundle } from './test-environment';

export const HOUR_MS = 3_600_000;

/**
 * The deadline mock counts working time as plain time: 1 working hour = 1 hour, 1 working day = 24 hours.
 * The time-skipping server's clock starts at the machine's real time, so the real calendar would make every
 * expected instant depend on the weekday and the holidays of the day the suite runs. What the calendar answers
 * is specified in packages/working-time and in the computeDeadline activity's spec; these tests specify what the
 * workflow does with the answers (when it reminds, turns overdue, escalates and closes).
 */
export function plainTimeDeadline({ from, clock }: ComputeDeadlineInput): ComputedDeadline {
  const unitMs = clock.unit === 'WORKING_HOURS' || clock.unit === 'CALENDAR_HOURS' ? HOUR_MS : 24 * HOUR_MS;
  return { dueAt: new Date(Date.parse(from) + clock.amount * unitMs).toISOString(), provisional: false };
}

/** Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

export function shanghaiDate(instant: string | number): string {
  return new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time on an Asia/Shanghai date, e.g. ('2026-03-09', '10:00'). */
export function shanghaiInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR_MS).toISOString().slice(0, 10);
}

export const HALL = { code: 'jintun', name: '金屯镇' } as const;

export const actors = {
  handler: { userId: 'handler-jintun', role: 'HANDLER', hallCodes: [HALL.code] },
  otherHallHandler: { userId: 'handler-mandong', role: 'HANDLER', hallCodes: ['mandong'] },
  townLeader: { userId: 'leader-jintun', role: 'TOWN_LEADER', hallCodes: [HALL.code] },
  otherHallLeader: { userId: 'leader-mandong', role: 'TOWN_LEADER', hallCodes: ['mandong'] },
  county: { userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] },
  citizen: { userId: 'citizen', role: 'CITIZEN', hallCodes: [] },
  admin: { userId: 'admin-1', role: 'ADMIN', hallCodes: [] },
  yibaoGuide: { userId: 'guide-yibao', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: ['yibao'] },
  minzhengGuide: { userId: 'guide-minzheng', role: 'DEPT_GUIDE', hallCodes: [HALL.code], departmentCodes: ['minzheng'] },
  twoDepartmentGuide: { userId: 'guide-two', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: ['yibao', 'renshe'] },
} satisfies Record<string, Actor>;

/** A case as the read model holds it: the row's columns and the whole timeline. */
export interface ProjectedCase {
  columns: CaseProjectionColumns;
  timeline: TimelineEntry[];
}

/** What the read model should hold once this state was projected. */
export function readModelOf(state: RectificationCaseState): ProjectedCase {
  return { columns: caseProjectionColumns(state), timeline: state.timeline };
}

export interface CaseScenario {
  canCallBack?: boolean;
  suggestedCategory?: RectificationCategory | null;
}

export type CaseHandle = WorkflowHandle<typeof rectificationWorkflow>;

type Mock<K extends keyof RectificationActivities> = jest.Mock<ReturnType<RectificationActivities[K]>, Parameters<RectificationActivities[K]>>;

/**
 * One worker for a whole test file, with typed activity mocks; each case's review context comes from the scenario
 * its test registered under the review id, so tests stay independent while sharing the worker.
 */
export class RectificationHarness {
  readonly scenarios = new Map<string, CaseScenario>();
  /**
   * Asia/Shanghai dates the calendar mock treats as days off, for a zero-length working clock (how the workflow asks
   * whether a date is a working day): from such a date's midnight, office time begins at 09:00 the next day.
   */
  readonly nonWorkingDates = new Set<string>();
  /** What the read model holds of each case after each projection (as the worker's SQL writes it). */
  readonly projected = new Map<string, ProjectedCase[]>();
  /**
   * Cases whose read model refuses their state: their projections fail for good (ERR_PROJECTION_INVALID), as the
   * worker's do for a state PostgreSQL cannot store (apps/worker/src/activities/case-projection.sql.ts).
   */
  readonly unwritable = new Set<string>();
  readonly mocks: { [K in keyof RectificationActivities]: Mock<K> } = {
    loadReviewContext: jest.fn((reviewId: string): Promise<ReviewContext> => {
      const scenario = this.scenarios.get(reviewId) ?? {};
      return Promise.resolve({
        reviewId,
        hallCode: HALL.code,
        hallName: HALL.name,
        slaPolicy: DEFAULT_SLA_POLICY,
        canCallBack: scenario.canCallBack ?? true,
        suggestedCategory: scenario.suggestedCategory ?? null,
      });
    }),
    // As the worker's SQL: the row takes the columns, a timeline entry is added at its sequence number unless there.
    projectCaseChanges: jest.fn((projection: CaseProjection) => {
      if (this.unwritable.has(projection.reviewId)) {
        return Promise.reject(ApplicationFailure.nonRetryable(`case ${projection.reviewId}: the read model refuses the state`, ERR_PROJECTION_INVALID));
      }
      const list = this.projected.get(projection.reviewId) ?? [];
      const timeline = [...(list.at(-1)?.timeline ?? [])];
      projection.timeline.forEach((entry, index) => {
        timeline[projection.timelineFrom + index] ??= entry;
      });
      list.push(structuredClone({ columns: projection.columns, timeline }));
      this.projected.set(projection.reviewId, list);
      return Promise.resolve();
    }),
    projectCase: jest.fn((state: RectificationCaseState) => this.mocks.projectCaseChanges(caseProjection(state, 0))),
    computeDeadline: jest.fn((input: ComputeDeadlineInput) => {
      const date = shanghaiDate(input.from);
      if (input.clock.amount === 0 && this.nonWorkingDates.has(date)) {
        return Promise.resolve({ dueAt: shanghaiInstant(addDays(date, 1), '09:00'), provisional: false });
      }
      return Promise.resolve(plainTimeDeadline(input));
    }),
    // Built on the computeDeadline mock, so both answer from the same plain-time calendar.
    computeObligationDeadlines: jest.fn(async ({ reminderRatio, escalationAfter, ...input }: ComputeObligationDeadlinesInput) => {
      const due = await this.mocks.computeDeadline(input);
      return {
        due,
        remind: reminderRatio === null ? null : await this.mocks.computeDeadline({ ...input, clock: { amount: input.clock.amount * reminderRatio, unit: input.clock.unit } }),
        escalation: escalationAfter === null ? null : await this.mocks.computeDeadline({ ...input, from: due.dueAt, clock: escalationAfter }),
      };
    }),
    notify: jest.fn((_request: NotificationRequest) => Promise.resolve()),
  };
  private taskQueue?: string;
  private worker?: Worker;
  private running?: Promise<void>;
  private readonly handles: WorkflowHandle<typeof rectificationWorkflow>[] = [];

  constructor(private readonly env: TestWorkflowEnvironment) {}

  /**
   * Starts a worker. After stop() it starts a new one on the same task queue with the same activity mocks, as a
   * restarted worker process would (worker-restart.test.ts, which also names the workers and turns off their cache).
   */
  async start(options: Pick<WorkerOptions, 'identity' | 'maxCachedWorkflows' | 'shutdownGraceTime'> = {}): Promise<void> {
    this.taskQueue ??= `${TASK_QUEUES.rectification}-${randomUUID()}`;
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.taskQueue,
      workflowBundle: await workflowBundle(),
      activities: this.mocks,
      ...options,
    });
    this.running = this.worker.run();
  }

  /** Asks the running worker to stop (it stops polling at once) without waiting for it; stop() waits. */
  requestStop(): void {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
  }

  async stop(): Promise<void> {
    this.requestStop();
    await this.running;
  }

  /** The test server's clock (it starts at the machine's time and moves with env.sleep). */
  async now(): Promise<string> {
    return new Date(await this.env.currentTimeMs()).toISOString();
  }

  /** Moves the clock to the next `time` (Asia/Shanghai wall clock) and answers that instant. */
  async sleepUntilShanghai(time: string): Promise<string> {
    const now = await this.env.currentTimeMs();
    let target = Date.parse(shanghaiInstant(shanghaiDate(now), time));
    if (target <= now) target = Date.parse(shanghaiInstant(addDays(shanghaiDate(now), 1), time));
    await this.env.sleep(target - now);
    return new Date(target).toISOString();
  }

  /** Starts a case for a review made "now" (the test server's clock) and waits until it has opened its clocks. */
  async openCase(scenario: CaseScenario = {}): Promise<{ reviewId: string; reviewedAt: string; handle: WorkflowHandle<typeof rectificationWorkflow> }> {
    const reviewId = randomUUID();
    this.scenarios.set(reviewId, scenario);
    const reviewedAt = new Date(await this.env.currentTimeMs()).toISOString();
    const handle = await this.env.client.workflow.start(rectificationWorkflow, {
      taskQueue: this.worker!.options.taskQueue,
      workflowId: rectificationWorkflowId(reviewId),
      args: [{ reviewId, hallCode: HALL.code, level: 1, reviewedAt }],
    });
    this.handles.push(handle);
    // The first projection ends the opening (the state query exists only once the review context is loaded).
    await until(() => (this.projected.get(reviewId)?.length ?? 0) >= 1);
    return { reviewId, reviewedAt, handle };
  }

  /** Polls the state query until it satisfies `accept` (time moves only through env.sleep; this waits for the worker). */
  async eventually(handle: WorkflowHandle, accept: (state: RectificationCaseState) => boolean, timeoutMs = 30_000): Promise<RectificationCaseState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await handle.query(rectificationStateQuery);
      if (accept(state)) return state;
      if (Date.now() > deadline) throw new Error(`state not reached in time; last: ${JSON.stringify(state, null, 2)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Asserts the workflow refuses `act` with a failure of `type` and that the case is exactly as it was. */
  async expectRefused(handle: CaseHandle, type: RectificationFailureType, act: () => Promise<unknown>): Promise<void> {
    const before = await handle.query(rectificationStateQuery);
    await expect(act()).rejects.toMatchObject({ cause: { type } });
    expect(await handle.query(rectificationStateQuery)).toEqual(before);
  }

  notificationsFor(reviewId: string): NotificationRequest[] {
    return this.mocks.notify.mock.calls.map(([request]) => request).filter((request) => request.reviewId === reviewId);
  }

  /** Ends the cases a test left open, so their clocks do not fire during the next test's sleeps. */
  async terminateOpenCases(): Promise<void> {
    for (const handle of this.handles.splice(0)) {
      if (await this.quiet(handle)) await handle.terminate('test finished');
    }
  }

  /**
   * Makes sure the next test's env.sleep skips time. The Java test server holds its time-skipping lock while a
   * workflow task is out; a task that never completes leaves it held for good, and every later sleep of the file then
   * waits in real time (a test times out, its retries too). Two ways we have seen it happen: a case terminated while
   * a task that a timer just woke was out (a clock due in real time between the harness's history check and the
   * terminate), and the server's own CancelTimer/TimerFired race (temporalio/sdk-java#2606, #3088). A one-hour
   * sleep between tests is the probe: it returns at once when time skips. When it does not within `boundMs` of real
   * time, the stale hold is released with one unlockTimeSkipping, which lets the probe finish.
   */
  async ensureTimeSkips(boundMs = 5_000): Promise<'skipping' | 'released'> {
    const probe = this.env.sleep('1 hour');
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs)));
    const skipped = await Promise.race([probe.then(() => true), bound]).finally(() => clearTimeout(timer));
    if (skipped) return 'skipping';
    console.warn('the time-skipping test server kept time locked after a workflow task that never completed; releasing it');
    await this.env.connection.testService?.unlockTimeSkipping({});
    await probe;
    return 'released';
  }

  /**
   * Waits until a running case has no workflow task and no activity in flight; answers whether it is still running.
   * Terminating a case while one is in flight (a clock that fired just before the test ended) leaves the test
   * server's time-skipping lock held, and the next test's env.sleep would wait in real time. The test server's
   * describe does not report pending workflow tasks, so this reads the history.
   */
  private async quiet(handle: CaseHandle, timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return false;
      const events = (await handle.fetchHistory()).events ?? [];
      const count = (types: readonly number[]) => events.filter((event) => types.includes(Number(event.eventType))).length;
      const quiet = count([EVENT.workflowTaskScheduled]) === count(EVENT.workflowTaskClosed) && count([EVENT.activityScheduled]) === count(EVENT.activityClosed);
      if (quiet) return true;
      if (Date.now() > deadline) {
        // A task that never completes (the test already failed on it): end the case anyway, ensureTimeSkips repairs the lock.
        console.warn(`case ${handle.workflowId} still busy after ${timeoutMs} ms; terminating it anyway`);
        return true;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** Temporal's history event type numbers (temporal.api.enums.v1.EventType) the harness counts. */
const EVENT = {
  workflowTaskScheduled: 5,
  workflowTaskClosed: [7, 8, 9], // completed, timed out, failed
  activityScheduled: 10,
  activityClosed: [12, 13, 14, 16], // completed, failed, timed out, canceled
} as const;

export interface TimeSkippingSuite {
  env: TestWorkflowEnvironment;
  harness: RectificationHarness;
}

/**
 * Registers a test file's time-skipping environment and harness: created in beforeAll, with a worker started unless
 * `startWorker` is false (worker-restart.test.ts starts and stops its own workers, and so also ends its own cases);
 * the cases a test left open ended after each test; worker and environment torn down in afterAll. `bind` receives
 * both once they exist, for the file's `env` and `harness` variables.
 */
export function useTimeSkippingHarness(bind: (suite: TimeSkippingSuite) => void, { startWorker = true }: { startWorker?: boolean } = {}): void {
  let suite: TimeSkippingSuite | undefined;
  beforeAll(async () => {
    const env = await createTimeSkippingEnvironment();
    suite = { env, harness: new RectificationHarness(env) };
    bind(suite);
    if (startWorker) await suite.harness.start();
  });
  if (startWorker) {
    afterEach(async () => {
      await suite?.harness.terminateOpenCases();
      await suite?.harness.ensureTimeSkips();
    });
  }
  afterAll(async () => {
    await suite?.harness.stop();
    await suite?.env.teardown();
  });
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

/**
 * Polls until the predicate holds. Real time only bounds a hang (30 s, well inside the 120 s test timeout, and
 * generous on a loaded 2-core machine); workflow time is always moved by the time-skipping server.
 */
export async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

