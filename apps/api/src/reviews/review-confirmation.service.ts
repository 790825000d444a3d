import { Injectable } from '@nestjs/common';
import { isBadReview, rectificationWorkflowId, RECTIFICATION_OUTCOMES, type ConfirmCommand } from '@haochaping/contracts';
import { confirmUpdate } from '@haochaping/contracts/server';
import { DomainHttpException } from '../common/api-error';
import { mapTemporalFailure } from '../rectifications/temporal-failure.mapper';
import { TemporalClientService } from '../temporal/temporal-client.service';
import type { ConfirmationResponse, ConfirmResultDto } from './dto/review-status.dto';
import { ReviewStatusService } from './review-status.service';

/** As long as a staff action may wait for the workflow (rectifications.service.ts). */
const CONFIRM_DEADLINE_MS = 15_000;

const notOpen = () => new DomainHttpException(409, 'CONFIRMATION_NOT_OPEN', '该评价目前没有需要您确认的整改结果');

/**
 * The reviewer's 满意/不满意 on the rectification result, from the status page: the same proof as reading the status
 * (tracking code and last four digits), then the workflow's confirm update, which decides whether the answer is
 * still open (its refusals keep their Chinese message). The reviewer acts as CITIZEN `reviewer`.
 */
@Injectable()
export class ReviewConfirmationService {
  constructor(
    private readonly statuses: ReviewStatusService,
    private readonly temporal: TemporalClientService,
  ) {}

  async confirm(trackingCode: string, dto: ConfirmResultDto): Promise<ConfirmationResponse> {
    const review = await this.statuses.findOwned(trackingCode, dto.phoneLast4);
    if (!isBadReview(review.level)) throw notOpen();
    const command: ConfirmCommand = {
      actor: { userId: 'reviewer', role: 'CITIZEN', hallCodes: [] },
      answer: dto.answer,
      ...(dto.comment ? { comment: dto.comment } : {}),
    };
    const handle = this.temporal.client.workflow.getHandle(rectificationWorkflowId(review.id));
    try {
      const state = await this.temporal.withDeadline(CONFIRM_DEADLINE_MS, () => handle.executeUpdate(confirmUpdate, { args: [command] }));
      return {
        trackingCode: review.trackingCode,
        state: state.state,
        stateLabel: state.stateLabel,
        ...(state.outcome ? { outcome: state.outcome, outcomeLabel: RECTIFICATION_OUTCOMES[state.outcome] } : {}),
      };
    } catch (error) {
      const mapped = mapTemporalFailure(error);
      // No workflow (still in the outbox, or long finished): nothing to confirm now.
      if (mapped.getStatus() === 404) throw notOpen();
      throw mapped;
    }
  }
}
