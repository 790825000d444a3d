import {
  ERR_PROJECTION_INVALID,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATES,
  caseProjection,
  isOpenObligation,
  type Actor,
  type RectificationCaseState,
  type RectificationOutcome,
  type RectificationState,
  type RectificationWorkflowInput,
  type ReviewContext,
} from '@haochaping/contracts';
import { ActivityFailure, ApplicationFailure, log, patched, workflowInfo } from '@temporalio/workflow';
import { activities } from './activity-stubs';
import { WORKFLOW_PATCHES } from './workflow-patches';

/** The workflow's clock as an ISO instant (deterministic: workflow time, replayed from history). */
export function nowIso(): string {
  return new Date().toISOString();
}

export const SYSTEM_ACTOR = 'system';

/**
 * The case's state and history, and the one way to write them to the read model. State changes are synchronous,
 * so the validator of an update that arrives while another handler awaits an activity already sees the new state.
 */
export class CaseRecord {
  readonly state: RectificationCaseState;
  private projection: Promise<void> = Promise.resolve();
  /** The county was told that this case's read model cannot be written (once per case, not once per projection). */
  private invalidProjectionReported = false;
  /** How many timeline entries the read model holds: a projection sends only those after them. */
  private projectedTimelineLength = 0;

  constructor(input: RectificationWorkflowInput, context: ReviewContext) {
    const clockCategory = context.suggestedCategory ?? 'IMMEDIATE';
    this.state = {
      reviewId: input.reviewId,
      hallCode: context.hallCode,
      hallName: context.hallName,
      level: input.level,
      state: 'PENDING_VERIFICATION',
      stateLabel: RECTIFICATION_STATES.PENDING_VERIFICATION,
      openedAt: new Date(workflowInfo().startTime).toISOString(),
      reviewedAt: input.reviewedAt,
      category: null,
      // Without a suggestion the strictest clocks run until the handler decides: no callback starts late.
      clockCategory,
      slaPolicyVersion: context.slaPolicy.version,
      canCallBack: context.canCallBack,
      obligations: {},
      escalationLevel: 0,
      outcome: null,
      outcomeLabel: null,
      reopenCount: 0,
      owner: 'HALL',
      assignee: null,
      callbacks: [],
      callbackOutcome: null,
      rectifications: [],
      invitedDepartments: [],
      departmentInputs: [],
      notes: [],
      extensions: [],
      originalResultDueAt: null,
      timeline: [],
    };
  }

  moveTo(to: RectificationState): void {
    this.state.state = to;
    this.state.stateLabel = RECTIFICATION_STATES[to];
  }

  close(outcome: RectificationOutcome): void {
    this.moveTo('CLOSED');
    this.state.outcome = outcome;
    this.state.outcomeLabel = RECTIFICATION_OUTCOMES[outcome];
  }

  /** Escalation only rises: once the town leader or the county was told, the case stays marked. */
  raiseEscalation(level: 1 | 2): void {
    if (level > this.state.escalationLevel) this.state.escalationLevel = level;
  }

  /** Appends a timeline entry; `actor` is a person (their user id, role in the details) or the system. */
  note(actor: Actor | typeof SYSTEM_ACTOR, action: string, details: Record<string, unknown> = {}, at = nowIso()): void {
    const who = actor === SYSTEM_ACTOR ? SYSTEM_ACTOR : actor.userId;
    const role = actor === SYSTEM_ACTOR ? 'SYSTEM' : actor.role;
    this.state.timeline.push({ at, actor: who, action, details: { actorRole: role, state: this.state.state, ...details } });
  }

  /** Due times of the open obligations, for timeline entries (the read model keeps only some of them as columns). */
  openDeadlines(): { dueAt: Record<string, string>; escalationLevel: 0 | 1 | 2 } {
    const dueAt: Record<string, string> = {};
    for (const [kind, obligation] of Object.entries(this.state.obligations)) {
      if (isOpenObligation(obligation)) dueAt[kind] = obligation.dueAt;
    }
    return { dueAt, escalationLevel: this.state.escalationLevel };
  }

  /** Projects, then answers the state: how every update handler ends. */
  async projected(): Promise<RectificationCaseState> {
    await this.project();
    return this.state;
  }

  /**
   * Writes the current state to the read model. Projections run one after another, each sending the state as it
   * is when it runs, so the last write is always the newest state even when clocks and updates project at once.
   * Each sends the case row's columns and the timeline entries the read model does not hold yet (behind
   * `projectChangesOnly`; the earlier code sent the whole state, timeline and all, at every step).
   */
  project(): Promise<void> {
    this.projection = this.projection.then(() => this.projectOnce());
    return this.projection;
  }

  /**
   * One projection. One that can never succeed (ERR_PROJECTION_INVALID: the state holds what PostgreSQL refuses) is
   * reported to the county and the case carries on: its updates keep answering and its clocks keep running, while
   * the read model stays at the last state it could hold. Any other failure is the activity's to retry.
   */
  private async projectOnce(): Promise<void> {
    const timelineLength = this.state.timeline.length;
    try {
      if (patched(WORKFLOW_PATCHES.projectChangesOnly)) {
        await activities.projectCaseChanges(caseProjection(this.state, this.projectedTimelineLength));
      } else {
        await activities.projectCase(this.state);
      }
      this.projectedTimelineLength = timelineLength;
    } catch (error) {
      if (!isInvalidProjection(error) || !patched(WORKFLOW_PATCHES.invalidProjectionReported)) throw error;
      log.warn('case projection failed for good; the case carries on', { reviewId: this.state.reviewId, reason: error.cause.message });
      if (this.invalidProjectionReported) return;
      this.invalidProjectionReported = true;
      await activities.notify({ kind: 'PROJECTION_FAILED', reviewId: this.state.reviewId, recipientRole: 'COUNTY_SUPERVISOR', hallCode: this.state.hallCode });
    }
  }
}

function isInvalidProjection(error: unknown): error is ActivityFailure & { cause: ApplicationFailure } {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === ERR_PROJECTION_INVALID;
}
