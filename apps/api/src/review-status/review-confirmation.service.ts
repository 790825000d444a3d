import { Injectable } from '@nestjs/common';
import { isBadReview, RECTIFICATION_OUTCOMES, type ConfirmCommand } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import { CaseWorkflowClient } from '../temporal/case-workflow.client';
import type { ConfirmationResponse, ConfirmResultDto } from './dto/review-status.dto';
import { ReviewStatusService } from './review-status.service';

const notOpen = () => new DomainHttpException(409, 'CONFIRMATION_NOT_OPEN', '该评价目前没有需要您确认的整改结果');

/**
 * The reviewer's 满意/不满意 on the rectification result, from the status page: the same proof as reading the status
 * (tracking code and last four digits), then the workflow's confirm update through CaseWorkflowClient, like every
 * staff action: the workflow decides whether the answer is still open (its refusals keep their Chinese message) and
 * the answer is audited. The reviewer acts as CITIZEN `reviewer`.
 */
@Injectable()
export class ReviewConfirmationService {
  constructor(
    private readonly statuses: ReviewStatusService,
    private readonly cases: CaseWorkflowClient,
  ) {}

  async confirm(trackingCode: string, dto: ConfirmResultDto): Promise<ConfirmationResponse> {
    const review = await this.statuses.findOwned(trackingCode, dto.phoneLast4);
    if (!isBadReview(review.level)) throw notOpen();
    const command: ConfirmCommand = {
      actor: { userId: 'reviewer', role: 'CITIZEN', hallCodes: [] },
      answer: dto.answer,
      ...(dto.comment ? { comment: dto.comment } : {}),
    };
    // No workflow (still in the outbox, or long finished): nothing to confirm now.
    const state = await this.cases.act(review.id, 'confirm', command, { whenMissing: notOpen });
    return {
      trackingCode: review.trackingCode,
      state: state.state,
      stateLabel: state.stateLabel,
      ...(state.outcome ? { outcome: state.outcome, outcomeLabel: RECTIFICATION_OUTCOMES[state.outcome] } : {}),
    };
  }
}
