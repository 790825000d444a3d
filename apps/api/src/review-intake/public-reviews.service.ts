import { Injectable } from '@nestjs/common';
import { DataProtector } from '@haochaping/privacy/server';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import type { CreateReviewDto } from './dto/create-review.dto';
import type { ReviewResponse } from './dto/review.response';
import { InvitationsService } from './invitations/invitations.service';
import { RatingMasterData } from './master-data/rating-master-data.service';
import { IntakeRateLimiter } from './rate-limit/intake-rate-limiter';
import { RatingCases } from './rating-cases.service';
import { ReviewRecorder, type NewReview, type RatingSource } from './review-recorder.service';
import { requestHash } from './request-hash';
import { reviewerOfCase, reviewerOfForm } from './reviewer-record';
import { assertChannelFields } from './rules/public-channel-fields';

/** Ratings from the public pages: the window QR, an invitation link, the public feedback form. */
@Injectable()
export class PublicReviewsService {
  constructor(
    private readonly recorder: ReviewRecorder,
    private readonly masterData: RatingMasterData,
    private readonly cases: RatingCases,
    private readonly invitations: InvitationsService,
    private readonly protector: DataProtector,
    private readonly limiter: IntakeRateLimiter,
    private readonly clock: Clock,
  ) {}

  async submit(dto: CreateReviewDto, source?: RatingSource): Promise<ReviewResponse> {
    const channel = dto.channel ?? 'PUBLIC_FORM';
    assertChannelFields(channel, dto);
    const common = {
      clientKey: dto.clientKey,
      requestHash: requestHash(this.protector, { ...dto, channel }),
      keyOfCaller: false,
      channel,
      level: dto.level,
      optionCodes: dto.optionCodes ?? [],
      ...(dto.comment ? { comment: dto.comment } : {}),
      at: this.clock.now(),
      ...(source ? { source } : {}),
    } satisfies Partial<NewReview>;

    switch (channel) {
      case 'WINDOW_QR': {
        // assertChannelFields made these present.
        const { hallCode = '', windowCode = '', caseId = '', phone = '' } = dto;
        const phoneHash = this.protector.phoneHash(phone);
        await this.limiter.hitPhone(phoneHash);
        const hall = await this.masterData.hallByCode(hallCode);
        const window = await this.masterData.windowByCode(hall, windowCode);
        const ratedCase = await this.cases.byId(caseId);
        // One answer whether the case is missing, elsewhere or someone else's: the id alone reveals nothing.
        if (!ratedCase || ratedCase.windowId !== window.id || ratedCase.applicantPhoneHash !== phoneHash) {
          throw new DomainHttpException(422, 'CASE_NOT_FOUND', '未找到该手机号在本窗口办理的这件办件', [{ field: 'caseId', message: '请重新查询本人在本窗口办理的办件' }]);
        }
        return this.recorder.record({
          ...common,
          reviewer: reviewerOfCase(this.protector, ratedCase, dto.reviewer),
          subject: { kind: 'case', ratedCase },
        });
      }
      case 'CASE_INVITATION': {
        const invitation = await this.invitations.forRating(dto.invitationToken ?? '', common);
        if (invitation.kind === 'retry') return invitation.first;
        const { ratedCase, invitationId } = invitation;
        return this.recorder.record({
          ...common,
          reviewer: reviewerOfCase(this.protector, ratedCase, dto.reviewer),
          subject: { kind: 'case', ratedCase, invitationId },
        });
      }
      case 'PUBLIC_FORM': {
        if (dto.reviewer?.phone) await this.limiter.hitPhone(this.protector.phoneHash(dto.reviewer.phone));
        const hall = await this.masterData.hallByCode(dto.hallCode ?? '');
        const window = dto.windowCode ? await this.masterData.windowByCode(hall, dto.windowCode) : undefined;
        const staff = dto.staffEmployeeNumber ? await this.masterData.staffOf(hall, dto.staffEmployeeNumber) : undefined;
        return this.recorder.record({
          ...common,
          reviewer: reviewerOfForm(this.protector, dto.reviewer),
          subject: { kind: 'hall', hall, ...(window ? { window } : {}), ...(staff ? { staff } : {}) },
        });
      }
    }
  }
}
