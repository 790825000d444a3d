import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import {
  DEFAULT_SLA_POLICY,
  TASK_QUEUES,
  rectificationStateQuery,
  rectificationWorkflowId,
  type Actor,
  type ComputeDeadlineInput,
  type ComputedDeadline,
  type NotificationRequest,
  type RectificationActivities,
  type RectificationCaseState,
  type RectificationCategory,
  type ReviewContext,
} from '@haochaping/contracts';
import { rectificationWorkflow } from '../../src/rectification.workflow';
import { workflowBundle } from './test-environment';

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

export const HALL = { code: 'jintun', name: '金屯镇' } as const;

export const actors = {
  handler: { userId: 'handler-jintun', role: 'HANDLER', hallCodes: [HALL.code] },
  otherHallHandler: { userId: 'handler-mandong', role: 'HANDLER', hallCodes: ['mandong'] },
  townLeader: { userId: 'leader-jintun', role: 'TOWN_LEADER', hallCodes: [HALL.code] },
  county: { userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] },
  citizen: { userId: 'citizen', role: 'CITIZEN', hallCodes: [] },
} satisfies Record<string, Actor>;

export interface CaseScenario {
  canCallBack?: boolean;
  suggestedCategory?: RectificationCategory | null;
}

type Mock<K extends keyof RectificationActivities> = jest.Mock<ReturnType<RectificationActivities[K]>, Parameters<RectificationActivities[K]>>;

/**
 * One worker for a whole test file, with typed activity mocks; each case's review context comes from the scenario
 * its test registered under the review id, so tests stay independent while sharing the worker.
 */
export class RectificationHarness {
  readonly scenarios = new Map<string, CaseScenario>();
  readonly projected = new Map<string, RectificationCaseState[]>();
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
    projectCase: jest.fn((state: RectificationCaseState) => {
      const list = this.projected.get(state.reviewId) ?? [];
      list.push(structuredClone(state));
      this.projected.set(state.reviewId, list);
      return Promise.resolve();
    }),
    computeDeadline: jest.fn((input: ComputeDeadlineInput) => Promise.resolve(plainTimeDeadline(input))),
    notify: jest.fn((_request: NotificationRequest) => Promise.resolve()),
  };
  private worker?: Worker;
  private running?: Promise<void>;
  private readonly handles: WorkflowHandle<typeof rectificationWorkflow>[] = [];

  constructor(private readonly env: TestWorkflowEnvironment) {}

  async start(): Promise<void> {
    this.worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: `${TASK_QUEUES.rectification}-${randomUUID()}`,
      workflowBundle: await workflowBundle(),
      activities: this.mocks,
    });
    this.running = this.worker.run();
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
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
    await waitFor(() => (this.projected.get(reviewId)?.length ?? 0) >= 1);
    return { reviewId, reviewedAt, handle };
  }

  /** Polls the state query until it satisfies `accept` (time moves only through env.sleep; this waits for the worker). */
  async eventually(handle: WorkflowHandle, accept: (state: RectificationCaseState) => boolean, timeoutMs = 10_000): Promise<RectificationCaseState> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = await handle.query(rectificationStateQuery);
      if (accept(state)) return state;
      if (Date.now() > deadline) throw new Error(`state not reached in time; last: ${JSON.stringify(state, null, 2)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  notificationsFor(reviewId: string): NotificationRequest[] {
    return this.mocks.notify.mock.calls.map(([request]) => request).filter((request) => request.reviewId === reviewId);
  }

  /** Ends the cases a test left open, so their clocks do not fire during the next test's sleeps. */
  async terminateOpenCases(): Promise<void> {
    for (const handle of this.handles.splice(0)) {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') await handle.terminate('test finished');
    }
  }
}

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}
