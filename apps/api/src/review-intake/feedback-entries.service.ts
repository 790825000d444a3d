import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { DataProtector } from '@haochaping/privacy/server';
import { canSeeHall } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import type { FeedbackEntryDto } from './dto/feedback-entry.dto';
import type { ReviewResponse } from './dto/review.response';
import { RatingMasterData } from './master-data/rating-master-data.service';
import { RatingCases } from './rating-cases.service';
import { ReviewRecorder, type ReviewSubject } from './review-recorder.service';
import { requestHash } from './request-hash';
import { reviewerOfContact } from './reviewer-record';

/**
 * 随时可评 feedback that staff enter for a hall (找茬窗口, 意见箱, 热线, 监督平台, 电子邮箱), recorded with who entered it.
 * Anytime means anytime: a linked case need not be completed nor inside its rating period. A linked case decides
 * hall, window, staff and item, but the entry is feedback about the case, never its rating (一次一评 is the
 * citizen's, by QR, invitation or portal): the case stays unrated, and may have any number of such entries.
 */
@Injectable()
export class FeedbackEntriesService {
  constructor(
    private readonly recorder: ReviewRecorder,
    private readonly masterData: RatingMasterData,
    private readonly cases: RatingCases,
    private readonly protector: DataProtector,
    private readonly clock: Clock,
  ) {}

  async enter(actor: Actor, dto: FeedbackEntryDto): Promise<ReviewResponse> {
    // Hall scope in one place (actor-scope.ts): a town's staff enter feedback for their own hall only.
    if (!canSeeHall(actor, dto.hallCode)) throw new DomainHttpException(403, 'FORBIDDEN', '只能录入本人所在服务大厅的反馈');
    const hall = await this.masterData.hallByCode(dto.hallCode);
    let subject: ReviewSubject;
    if (dto.caseNumber) {
      const aboutCase = await this.cases.byNumber(dto.caseNumber);
      if (!aboutCase || aboutCase.hallId !== hall.id) {
        throw new DomainHttpException(422, 'CASE_NOT_FOUND', `${hall.name}没有编号为 ${dto.caseNumber} 的办件`, [{ field: 'caseNumber', message: '请核对办件编号，或不关联办件' }]);
      }
      subject = { kind: 'about-case', aboutCase };
    } else {
      const window = dto.windowCode ? await this.masterData.windowByCode(hall, dto.windowCode) : undefined;
      const staff = dto.staffEmployeeNumber ? await this.masterData.staffOf(hall, dto.staffEmployeeNumber) : undefined;
      subject = { kind: 'hall', hall, ...(window ? { window } : {}), ...(staff ? { staff } : {}) };
    }
    return this.recorder.record({
      clientKey: `entry:${actor.userId}:${dto.clientKey}`,
      requestHash: requestHash(this.protector, dto),
      keyOfCaller: true,
      channel: dto.channel,
      level: dto.level,
      optionCodes: dto.optionCodes ?? [],
      comment: dto.comment,
      at: this.clock.now(),
      reviewer: reviewerOfContact(this.protector, dto.contact),
      enteredBy: actor.userId,
      subject,
    });
  }
}
