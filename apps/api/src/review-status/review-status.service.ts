import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isBadReview, RECTIFICATION_OUTCOMES, REVIEW_CHANNEL_LABELS, reviewLevelLabel, type RectificationOutcome } from '@haochaping/contracts';
import { lastFourDigits, normalizeTrackingCode, TRACKING_CODE_LENGTH } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import type { Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { PrismaService } from '../prisma/prisma.service';
import type { ReviewRectificationStatus, ReviewStage, ReviewStatusQueryDto, ReviewStatusResponse } from './dto/review-status.dto';
import { RatingMasterData } from '../review-intake/master-data/rating-master-data.service';
import { IntakeRateLimiter } from '../review-intake/rate-limit/intake-rate-limiter';
import { ADOPTION_LABELS } from '../review-intake/rules/rating-labels';

/** One answer for a wrong code and for wrong digits, so the page never tells which of the two was right. */
const reviewNotFound = () => new DomainHttpException(404, 'REVIEW_NOT_FOUND', '未找到该评价，请核对查询码和手机号后四位');

/** Where a bad review stands, in the citizen's words, by the rectification state of the read model. */
const STAGES: Record<string, ReviewStage> = {
  PENDING_VERIFICATION: { code: 'VERIFYING', label: '核实中' },
  REJECTION_PENDING: { code: 'VERIFYING', label: '核实中' },
  RECTIFYING: { code: 'RECTIFYING', label: '整改中' },
  EXTENSION_PENDING: { code: 'RECTIFYING', label: '整改中' },
  REOPENED: { code: 'RECTIFYING', label: '整改中' },
  AWAITING_CONFIRMATION: { code: 'AWAITING_CONFIRMATION', label: '整改结果待您确认' },
  CLOSED: { code: 'CLOSED', label: '已办结' },
};
const RECORDED: ReviewStage = { code: 'RECORDED', label: '评价已记录' };
const RECEIVED: ReviewStage = { code: 'RECEIVED', label: '已受理，等待核实' };

/** States in which the hall has recorded a result the citizen may read. */
const WITH_RESULT = new Set(['AWAITING_CONFIRMATION', 'REOPENED', 'CLOSED']);

const OWNED_REVIEW_SELECT = {
  id: true,
  trackingCode: true,
  level: true,
  channel: true,
  hallId: true,
  createdAt: true,
  adoption: true,
  reviewerPhoneEnc: true,
  rectificationCase: { select: { state: true, stateLabel: true, confirmationDueAt: true, outcome: true } },
} as const;

export type OwnedReview = Prisma.ReviewGetPayload<{ select: typeof OWNED_REVIEW_SELECT }>;

/** The public status page: a review by its tracking code and, when it has a phone, that phone's last four digits. */
@Injectable()
export class ReviewStatusService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly masterData: RatingMasterData,
    private readonly protector: DataProtector,
    private readonly limiter: IntakeRateLimiter,
    private readonly clock: Clock,
  ) {}

  async status(query: ReviewStatusQueryDto): Promise<ReviewStatusResponse> {
    const review = await this.findOwned(query.trackingCode, query.phoneLast4);
    const hall = await this.masterData.hallById(review.hallId);
    const rectificationCase = review.rectificationCase;
    let rectification: ReviewRectificationStatus | undefined;
    if (rectificationCase) {
      const resultSummary = WITH_RESULT.has(rectificationCase.state) ? await this.latestResult(review.id) : undefined;
      const dueAt = rectificationCase.confirmationDueAt;
      const outcome = rectificationCase.outcome as RectificationOutcome | null;
      rectification = {
        state: rectificationCase.state,
        stateLabel: rectificationCase.stateLabel,
        ...(resultSummary ? { resultSummary } : {}),
        confirmationOpen: rectificationCase.state === 'AWAITING_CONFIRMATION' && dueAt !== null && this.clock.now().getTime() <= dueAt.getTime(),
        ...(dueAt ? { confirmationDueAt: formatShanghaiInstant(dueAt) } : {}),
        ...(outcome && outcome in RECTIFICATION_OUTCOMES ? { outcome, outcomeLabel: RECTIFICATION_OUTCOMES[outcome] } : {}),
      };
    }
    const stage = !isBadReview(review.level) ? RECORDED : rectificationCase ? (STAGES[rectificationCase.state] ?? RECEIVED) : RECEIVED;
    return {
      trackingCode: review.trackingCode,
      level: review.level,
      levelLabel: reviewLevelLabel(review.level),
      channel: review.channel,
      channelLabel: REVIEW_CHANNEL_LABELS[review.channel],
      hallName: hall.name,
      createdAt: formatShanghaiInstant(review.createdAt),
      adoption: review.adoption,
      adoptionLabel: ADOPTION_LABELS[review.adoption],
      stage,
      ...(rectification ? { rectification } : {}),
    };
  }

  /**
   * The review a tracking code names, if the digits fit: a review without a phone opens with its code alone, one
   * with a phone needs its last four digits. Otherwise 404, counted against the code (429 after too many).
   */
  async findOwned(typedCode: string, phoneLast4: string | undefined): Promise<OwnedReview> {
    const trackingCode = normalizeTrackingCode(typedCode);
    if (trackingCode.length !== TRACKING_CODE_LENGTH) throw reviewNotFound();
    // Ten thousand possible digits: failed tries per code are counted, so they cannot be tried one by one.
    await this.limiter.checkStatusAttempts(trackingCode);
    const review = await this.prisma.client.review.findUnique({ where: { trackingCode }, select: OWNED_REVIEW_SELECT });
    if (!review || !this.phoneMatches(review.reviewerPhoneEnc, phoneLast4)) {
      await this.limiter.recordStatusFailure(trackingCode);
      throw reviewNotFound();
    }
    return review;
  }

  /** A review without a phone opens with its code alone; one with a phone needs its last four digits. */
  private phoneMatches(phoneEnc: string | null, given: string | undefined): boolean {
    if (phoneEnc === null) return true;
    if (given === undefined) return false;
    const expected = Buffer.from(lastFourDigits(this.protector.decrypt(phoneEnc)).padStart(4, '-'));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  /** The result text of the latest rectification the hall recorded (the workflow notes it on the timeline). */
  private async latestResult(reviewId: string): Promise<string | undefined> {
    const entries = await this.prisma.client.rectificationTimelineEntry.findMany({
      where: { reviewId },
      orderBy: { seq: 'desc' },
      select: { details: true },
      take: 50,
    });
    for (const { details } of entries) {
      if (details && typeof details === 'object' && !Array.isArray(details) && typeof details.result === 'string') return details.result;
    }
    return undefined;
  }
}
