import { Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/client';
import {
  rectificationWorkflowId,
  type AddNoteCommand,
  type ConfirmCommand,
  type DecideExtensionCommand,
  type DecideRejectionCommand,
  type InviteDepartmentsCommand,
  type ReassignCommand,
  type ReclassifyCommand,
  type RecordCallbackCommand,
  type RecordDepartmentInputCommand,
  type RecordRectificationCommand,
  type RectificationAction,
  type RectificationCaseState,
  type RequestExtensionCommand,
  type VerifyCommand,
} from '@haochaping/contracts';
import {
  addNoteUpdate,
  confirmUpdate,
  decideExtensionUpdate,
  decideRejectionUpdate,
  inviteDepartmentsUpdate,
  reassignUpdate,
  reclassifyUpdate,
  recordCallbackUpdate,
  recordDepartmentInputUpdate,
  recordRectificationUpdate,
  rectificationStateQuery,
  requestExtensionUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { appendAudit, type Prisma } from '@haochaping/db';
import { DomainHttpException, type ApiErrorBody } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { mapTemporalFailure } from './temporal-failure.mapper';
import { TemporalClientService } from './temporal-client.service';

/** The command each action sends to the workflow (its update's one argument). */
export interface CaseCommands {
  verify: VerifyCommand;
  decideRejection: DecideRejectionCommand;
  recordCallback: RecordCallbackCommand;
  recordRectification: RecordRectificationCommand;
  confirm: ConfirmCommand;
  reclassify: ReclassifyCommand;
  reassign: ReassignCommand;
  inviteDepartments: InviteDepartmentsCommand;
  recordDepartmentInput: RecordDepartmentInputCommand;
  addNote: AddNoteCommand;
  requestExtension: RequestExtensionCommand;
  decideExtension: DecideExtensionCommand;
}

/** The workflow update of every action: the only place in the API that names the update definitions. */
const CASE_UPDATES: { [A in RectificationAction]: UpdateDefinition<RectificationCaseState, [CaseCommands[A]]> } = {
  verify: verifyUpdate,
  decideRejection: decideRejectionUpdate,
  recordCallback: recordCallbackUpdate,
  recordRectification: recordRectificationUpdate,
  confirm: confirmUpdate,
  reclassify: reclassifyUpdate,
  reassign: reassignUpdate,
  inviteDepartments: inviteDepartmentsUpdate,
  recordDepartmentInput: recordDepartmentInputUpdate,
  addNote: addNoteUpdate,
  requestExtension: requestExtensionUpdate,
  decideExtension: decideExtensionUpdate,
};

/** How long an action may take: validation, then the handler's activities (deadlines, the projection). */
const ACTION_DEADLINE_MS = 15_000;
const QUERY_DEADLINE_MS = 10_000;

export interface CaseActionOptions {
  /**
   * The answer when no workflow runs for the case. By default the read model and the outbox tell a closed case (409)
   * from one still starting and an id that names nothing (404); the status page has its own words for the citizen.
   */
  whenMissing?: () => DomainHttpException;
}

/**
 * The one way to a running case: every update and query the API sends to a rectification workflow goes through here,
 * so the deadlines, the mapping of the workflow's refusals (ERR_* → 403/409/422, a missing workflow → 404 or 409,
 * Temporal away → 503) and the audit line of every action are the same for staff and for the citizen.
 */
@Injectable()
export class CaseWorkflowClient {
  private readonly logger = new Logger(CaseWorkflowClient.name);

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly prisma: PrismaService,
  ) {}

  /** The case as the workflow itself holds it now (a query, answered by a worker). */
  async state(reviewId: string): Promise<RectificationCaseState> {
    const handle = this.temporal.client.workflow.getHandle(rectificationWorkflowId(reviewId));
    try {
      return await this.temporal.withDeadline(QUERY_DEADLINE_MS, () => handle.query(rectificationStateQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.notFound(reviewId);
      throw new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '整改流程暂时无法查询，请稍后再试');
    }
  }

  /**
   * Runs one action as a workflow update with the acting user in the command. The workflow's validators decide
   * (who, which state, which arguments); their refusals come back as 403, 409 or 422 with the workflow's Chinese
   * message. Accepted or refused, the action is written to the audit trail.
   */
  async act<A extends RectificationAction>(reviewId: string, action: A, command: CaseCommands[A], options: CaseActionOptions = {}): Promise<RectificationCaseState> {
    const update = CASE_UPDATES[action] as UpdateDefinition<RectificationCaseState, [CaseCommands[A]]>;
    const handle = this.temporal.client.workflow.getHandle(rectificationWorkflowId(reviewId));
    let state: RectificationCaseState;
    try {
      state = await this.temporal.withDeadline(ACTION_DEADLINE_MS, () => handle.executeUpdate(update, { args: [command] }));
    } catch (error) {
      const mapped = mapTemporalFailure(error);
      const refusal = mapped.getStatus() !== 404 ? mapped : options.whenMissing ? options.whenMissing() : await this.missing(reviewId);
      await this.audit(reviewId, update.name, command, { outcome: 'refused', status: refusal.getStatus(), code: (refusal.getResponse() as ApiErrorBody).code });
      throw refusal;
    }
    await this.audit(reviewId, update.name, command, { outcome: 'accepted', state: state.state });
    return state;
  }

  /**
   * Tells a review whose start is still in the outbox apart from an id that names nothing: for a case the workflow
   * does not know, and for one the read model does not have yet.
   */
  async notFound(reviewId: string): Promise<DomainHttpException> {
    const pending = await this.prisma.client.outboxMessage.findUnique({ where: { key: rectificationWorkflowId(reviewId) } });
    return pending
      ? new DomainHttpException(404, 'RECTIFICATION_NOT_STARTED', '整改流程正在启动，请稍后再试')
      : new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');
  }

  /** A workflow that is gone has finished: the read model says so; otherwise the case is unknown or still starting. */
  private async missing(reviewId: string): Promise<DomainHttpException> {
    const row = await this.prisma.client.rectificationCase.findUnique({ where: { reviewId }, select: { state: true } });
    if (row?.state === 'CLOSED') return new DomainHttpException(409, 'INVALID_STATE', '该整改工单已办结，不能再操作');
    return this.notFound(reviewId);
  }

  /**
   * Every action, accepted or refused, in the append-only audit trail: who, when, which case, what they asked
   * (the command without the actor) and what came of it. The workflow has decided by now, so a failing audit write
   * cannot undo the action: it is logged loudly instead of failing the answer.
   */
  private async audit(reviewId: string, action: string, command: CaseCommands[RectificationAction], result: Prisma.InputJsonObject): Promise<void> {
    const { actor, ...asked } = command;
    try {
      await appendAudit(this.prisma.client, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: `rectification.${action}`,
        entityType: 'rectification',
        entityId: reviewId,
        details: { ...(asked as Prisma.InputJsonObject), ...result },
      });
    } catch (error) {
      this.logger.error(`audit trail write failed for ${action} on ${reviewId}: ${String(error)}`);
    }
  }
}
