import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { rectificationStateQuery, rectificationWorkflowId, type RectificationCaseState } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { TemporalClientService } from '../temporal/temporal-client.service';

@Injectable()
export class RectificationsService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly prisma: PrismaService,
  ) {}

  /** The case as the workflow itself holds it now (a query, answered by a worker). */
  async liveState(reviewId: string): Promise<RectificationCaseState> {
    const handle = this.temporal.client.workflow.getHandle(rectificationWorkflowId(reviewId));
    try {
      return await this.temporal.withDeadline(10_000, () => handle.query(rectificationStateQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.notStartedYet(reviewId);
      throw new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '整改流程暂时无法查询，请稍后再试');
    }
  }

  /** Tells a review whose start is still in the outbox apart from an id that names nothing. */
  private async notStartedYet(reviewId: string): Promise<DomainHttpException> {
    const pending = await this.prisma.client.outboxMessage.findUnique({ where: { key: rectificationWorkflowId(reviewId) } });
    return pending
      ? new DomainHttpException(404, 'RECTIFICATION_NOT_STARTED', '整改流程正在启动，请稍后再试')
      : new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');
  }
}
