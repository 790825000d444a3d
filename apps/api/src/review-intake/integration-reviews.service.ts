import { Injectable } from '@nestjs/common';
import { DataProtector } from '@haochaping/privacy/server';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import type { IntegrationClient } from '../integration-auth/integration-client.guard';
import type { IntegrationReviewDto } from './dto/integration-review.dto';
import type { ReviewResponse } from './dto/review.response';
import { RatingCases } from './rating-cases.service';
import { ReviewRecorder } from './review-recorder.service';
import { requestHash } from './request-hash';
import { reviewerOfCase } from './reviewer-record';

/** How far ahead of our clock a portal's `ratedAt` may be (clock skew), before it is refused as in the future. */
const RATED_AT_SKEW_MS = 5 * 60_000;

/**
 * 一事一评 ratings the provincial portal (山东政务服务网) sends through its bridge, channel ONLINE_PORTAL. Client keys
 * are the client's own: stored as `api:<clientId>:<key>`, so two systems (or a system and a citizen) never share one.
 */
@Injectable()
export class IntegrationReviewsService {
  constructor(
    private readonly recorder: ReviewRecorder,
    private readonly cases: RatingCases,
    private readonly protector: DataProtector,
    private readonly clock: Clock,
  ) {}

  async submit(client: IntegrationClient, dto: IntegrationReviewDto): Promise<ReviewResponse> {
    const now = this.clock.now();
    if (dto.ratedAt && dto.ratedAt.getTime() > now.getTime() + RATED_AT_SKEW_MS) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', [{ field: 'ratedAt', message: '评价时间不能晚于当前时间' }]);
    }
    const ratedCase = await this.cases.byNumber(dto.caseNumber);
    if (!ratedCase) {
      throw new DomainHttpException(422, 'CASE_NOT_FOUND', `未找到编号为 ${dto.caseNumber} 的办件`, [{ field: 'caseNumber', message: '请先推送该办件，再提交评价' }]);
    }
    return this.recorder.record({
      clientKey: `api:${client.id}:${dto.clientKey}`,
      requestHash: requestHash(this.protector, dto),
      keyOfCaller: true,
      channel: 'ONLINE_PORTAL',
      level: dto.level,
      optionCodes: dto.optionCodes ?? [],
      ...(dto.comment ? { comment: dto.comment } : {}),
      at: dto.ratedAt ?? now,
      reviewer: reviewerOfCase(this.protector, ratedCase, dto.reviewer),
      subject: { kind: 'case', ratedCase },
    });
  }
}
