import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { isBadReview, rectificationWorkflowId } from '@haochaping/contracts';
import { enqueueRectificationStart, type Prisma, type ReviewChannel, type ServiceNature } from '@haochaping/db';
import { newTrackingCode } from '@haochaping/privacy/server';
import { DomainHttpException } from '../common/api-error';
import { formatShanghaiInstant, formatShanghaiMinute } from '@haochaping/working-time';
import { IN_REQUEST_DELIVERY_DEADLINE_MS, OutboxDispatcher } from '../outbox/outbox-dispatcher.service';
import { ApiMetrics } from '../metrics/api-metrics';
import { PrismaService } from '../prisma/prisma.service';
import type { ReviewResponse } from './dto/review.response';
import { RatingMasterData, type HallEntry, type StaffEntry, type WindowEntry } from './master-data/rating-master-data.service';
import type { RatedCase } from './rating-cases.service';
import { insertReview, insertReviewInTransaction, type ReviewRow } from './review-insert';
import type { ReviewerRecord } from './reviewer-record';
import { assertBadReviewHasReason, assertKnownOptions, assertRatable, caseAlreadyRated } from './rules/review-rules';

/**
 * What a review is about: the rating of one case (一次一评 / 一事一评: completed, inside its rating period, once), a
 * 随时可评 item about a case (placed like the case, but not its rating: the case keeps its one rating for the
 * citizen), or a hall (随时可评). For both case kinds, hall, window, staff and item are copied from the case.
 */
export type ReviewSubject =
  | {
      readonly kind: 'case';
      readonly ratedCase: RatedCase;
      /** Set when rating through an invitation: marked used in the review's transaction. */
      readonly invitationId?: string;
    }
  | { readonly kind: 'about-case'; readonly aboutCase: RatedCase }
  | { readonly kind: 'hall'; readonly hall: HallEntry; readonly window?: WindowEntry; readonly staff?: StaffEntry };

/** Who submitted under which client key, and what: a retry must be the same request (CLIENT_KEY_REUSED). */
export interface Submission {
  /** As stored: the public key itself, or namespaced by who sent it (integration client, staff member). */
  readonly clientKey: string;
  /** Keyed hash of the normalised request (request-hash.ts). */
  readonly requestHash: string;
  /**
   * The key is namespaced by the caller (integration client, staff member): only they can have used it, and they
   * had the first answer, so a refusal may name its tracking code. A public key names only when it was used.
   */
  readonly keyOfCaller: boolean;
}

export interface NewReview extends Submission {
  readonly channel: ReviewChannel;
  readonly level: number;
  readonly optionCodes: readonly string[];
  readonly comment?: string;
  /** When the citizen rated: now, or the portal's `ratedAt`. The review's createdAt and the workflow's reviewedAt. */
  readonly at: Date;
  readonly reviewer: ReviewerRecord;
  readonly enteredBy?: string;
  readonly subject: ReviewSubject;
  /** Where a public rating came from (PublicReviewsController): kept for the 刷好评 rules (praise-integrity). */
  readonly source?: RatingSource;
}

/** The client address and the rating page's device key (X-Device-Key header), when the citizen rated on a public page. */
export interface RatingSource {
  readonly ip: string;
  readonly device: string | null;
}

/** How a case stands towards a new rating with a given client key. */
export type CaseRatingState =
  | { readonly kind: 'unrated' }
  | { readonly kind: 'retry'; readonly first: ReviewResponse }
  | { readonly kind: 'rated'; readonly ratedAt: Date };

const REVIEW_RESPONSE_SELECT = {
  id: true,
  trackingCode: true,
  level: true,
  channel: true,
  hallId: true,
  comment: true,
  createdAt: true,
  clientKey: true,
  requestHash: true,
} as const;

type StoredReview = Prisma.ReviewGetPayload<{ select: typeof REVIEW_RESPONSE_SELECT }>;

/** Rolls the review's transaction back: its INSERT met a taken unique column, or its invitation was used meanwhile. */
class WriteAbandoned extends Error {
  constructor(readonly reason: 'conflict' | 'invitation-taken') {
    super(reason);
  }
}

/** The same client key with another request: refused, naming the first submission (never its personal data). */
export const clientKeyReused = (first: Pick<StoredReview, 'createdAt' | 'trackingCode'>, keyOfCaller: boolean) =>
  new DomainHttpException(
    409,
    'CLIENT_KEY_REUSED',
    `该提交标识（clientKey）已于 ${formatShanghaiMinute(first.createdAt)} 提交过一条内容不同的评价` +
      (keyOfCaller ? `（查询码 ${first.trackingCode}）` : '') +
      '；重试请原样提交，新的评价请使用新的提交标识',
  );

export const invitationUsed = () => new DomainHttpException(410, 'INVITATION_USED', '该评价邀请已使用过，每个办件只能评价一次');

/**
 * Records a review under the rules every channel shares (INTAKE-API.md, "Ratings"), in as few round trips as the
 * rules allow: master data comes from memory, a good review is one INSERT, and only a bad review (with its outbox
 * row) or an invitation (marked used) needs a transaction. Nothing is written when a rule refuses.
 *
 * Idempotency rests on the unique columns rather than a look-up first: a retried submission (same client key)
 * or a second rating of a case finds its INSERT doing nothing, and only then is the first review read, so the
 * common path pays no extra query.
 */
@Injectable()
export class ReviewRecorder {
  private readonly logger = new Logger(ReviewRecorder.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxDispatcher,
    private readonly masterData: RatingMasterData,
    private readonly metrics: ApiMetrics,
  ) {}

  async record(review: NewReview): Promise<ReviewResponse> {
    const { subject } = review;
    const placement =
      subject.kind === 'case' ? await this.placementOfCase(subject.ratedCase)
      : subject.kind === 'about-case' ? await this.placementOfCase(subject.aboutCase)
      : placementOfHall(subject);

    if (subject.kind === 'case') {
      const workingTime = await this.masterData.workingTimeOf(subject.ratedCase.hallId);
      const first = await this.checkCaseRule(subject.ratedCase.id, review, () => assertRatable(subject.ratedCase.completedAt, review.at, workingTime));
      if (first) return first;
    }
    assertBadReviewHasReason(review.level, review.optionCodes, review.comment);
    const optionSet = await this.masterData.currentOptionSet(placement.nature);
    assertKnownOptions(optionSet, review.optionCodes);

    const row: ReviewRow = {
      id: randomUUID(),
      hallId: placement.hall.id,
      windowId: placement.windowId,
      staffId: placement.staffId,
      serviceItemId: placement.serviceItemId,
      caseId: subject.kind === 'case' ? subject.ratedCase.id : null,
      aboutCaseId: subject.kind === 'about-case' ? subject.aboutCase.id : null,
      level: review.level,
      optionCodes: review.optionCodes,
      optionSetId: optionSet.id,
      optionSetVersion: optionSet.version,
      comment: review.comment ?? null,
      channel: review.channel,
      reviewerKind: review.reviewer.kind,
      reviewerNameEnc: review.reviewer.nameEnc,
      reviewerPhoneEnc: review.reviewer.phoneEnc,
      reviewerPhoneHash: review.reviewer.phoneHash,
      trackingCode: newTrackingCode(),
      enteredBy: review.enteredBy ?? null,
      clientKey: review.clientKey,
      requestHash: review.requestHash,
      createdAt: review.at,
      clientIp: review.source?.ip ?? null,
      clientDevice: review.source?.device ?? null,
    };

    for (let attempt = 1; ; attempt++) {
      const written = await this.write(row, placement.hall.code, subject.kind === 'case' ? subject.invitationId : undefined);
      if (written === 'inserted') break;
      const answer = await this.answerForConflict(written, review);
      if (answer) return answer;
      // Neither this submission nor the case: the tracking code was taken (49 random bits). Draw another.
      if (attempt === 3) throw new Error('three tracking codes in a row were taken');
      row.trackingCode = newTrackingCode();
    }

    this.metrics.reviewsAccepted.inc({ channel: row.channel, bad: String(isBadReview(row.level)) });
    if (isBadReview(row.level)) {
      await this.outbox.dispatchKey(rectificationWorkflowId(row.id), IN_REQUEST_DELIVERY_DEADLINE_MS).catch((error: unknown) =>
        this.logger.warn(`workflow start deferred to the outbox loop: ${String(error)}`),
      );
    }
    return toResponse(row, placement.hall.code, true);
  }

  /**
   * One round trip for a good review (a single INSERT needs no transaction); a transaction when the review comes
   * with more: the invitation it uses up, the outbox row that starts its rectification. Both are written or neither.
   */
  private async write(row: ReviewRow, hallCode: string, invitationId: string | undefined): Promise<'inserted' | 'conflict' | 'invitation-taken'> {
    if (!isBadReview(row.level) && !invitationId) return (await insertReview(this.prisma.pool, row)) ? 'inserted' : 'conflict';
    try {
      await this.prisma.client.$transaction(async (tx) => {
        if (invitationId) {
          const claimed = await tx.ratingInvitation.updateMany({ where: { id: invitationId, usedAt: null }, data: { usedAt: row.createdAt } });
          if (claimed.count === 0) throw new WriteAbandoned('invitation-taken');
        }
        if (!(await insertReviewInTransaction(tx, row))) throw new WriteAbandoned('conflict');
        if (isBadReview(row.level)) {
          await enqueueRectificationStart(tx, { reviewId: row.id, hallCode, level: row.level, reviewedAt: row.createdAt.toISOString() });
        }
      });
      return 'inserted';
    } catch (error) {
      if (error instanceof WriteAbandoned) return error.reason;
      throw error;
    }
  }

  /** When the case was rated, if it was. */
  async ratedAt(caseId: string): Promise<Date | undefined> {
    const review = await this.prisma.client.review.findUnique({ where: { caseId }, select: { createdAt: true } });
    return review?.createdAt;
  }

  /** Whether a case is rated, and whether by this very submission (a retry; the same key with another body is refused). */
  async caseRatingState(caseId: string, submission: Submission): Promise<CaseRatingState> {
    const existing = await this.prisma.client.review.findUnique({ where: { caseId }, select: REVIEW_RESPONSE_SELECT });
    if (!existing) return { kind: 'unrated' };
    if (existing.clientKey === submission.clientKey) return { kind: 'retry', first: await this.retried(existing, submission) };
    return { kind: 'rated', ratedAt: existing.createdAt };
  }

  /**
   * Runs a check that may refuse a case-bound rating. A refusal first looks at the case: the retry of a rating that
   * was accepted gets the first review (200), a case rated before gets 409 CASE_ALREADY_RATED, which says more than
   * the period or the invitation; only then the refusal itself. Refusals are rare, so the extra query is too.
   * Returns the first review for a retry, undefined when the check passed.
   */
  async checkCaseRule(caseId: string, submission: Submission, check: () => void): Promise<ReviewResponse | undefined> {
    try {
      check();
      return undefined;
    } catch (refusal) {
      const state = await this.caseRatingState(caseId, submission);
      if (state.kind === 'retry') return state.first;
      if (state.kind === 'rated') throw caseAlreadyRated(state.ratedAt);
      throw refusal;
    }
  }

  /** The review first recorded under the submission's key, if any: its answer again, or 409 for another request. */
  async firstByClientKey(submission: Submission): Promise<ReviewResponse | undefined> {
    const review = await this.prisma.client.review.findUnique({ where: { clientKey: submission.clientKey }, select: REVIEW_RESPONSE_SELECT });
    return review ? this.retried(review, submission) : undefined;
  }

  /** A retry gets the first answer when it is the same request (reviews kept from before the hash: any request). */
  private async retried(first: StoredReview, submission: Submission): Promise<ReviewResponse> {
    if (first.requestHash !== null && first.requestHash !== submission.requestHash) throw clientKeyReused(first, submission.keyOfCaller);
    return this.responseOf(first);
  }

  /**
   * The INSERT found a unique column taken, or the invitation was used meanwhile: the same submission again (its
   * first review), the case rated by someone else (409), the invitation used by another rating (410). Undefined
   * when it was none of these, which leaves the tracking code.
   */
  private async answerForConflict(conflict: 'conflict' | 'invitation-taken', review: NewReview): Promise<ReviewResponse | undefined> {
    const first = await this.firstByClientKey(review);
    if (first) return first;
    if (conflict === 'invitation-taken') throw invitationUsed();
    if (review.subject.kind === 'case') {
      const ratedAt = await this.ratedAt(review.subject.ratedCase.id);
      if (ratedAt) throw caseAlreadyRated(ratedAt);
    }
    return undefined;
  }

  private async responseOf(review: StoredReview): Promise<ReviewResponse> {
    const hall = await this.masterData.hallById(review.hallId);
    return toResponse(review, hall.code, false);
  }

  private async placementOfCase(ratedCase: RatedCase): Promise<Placement> {
    const [hall, item] = await Promise.all([this.masterData.hallById(ratedCase.hallId), this.masterData.serviceItem(ratedCase.serviceItemId)]);
    return { hall, windowId: ratedCase.windowId, staffId: ratedCase.staffId, serviceItemId: ratedCase.serviceItemId, nature: item.nature };
  }
}

interface Placement {
  readonly hall: HallEntry;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly serviceItemId: string | null;
  /** Picks the option set: the item's nature, OFFLINE for hall feedback without an item. */
  readonly nature: ServiceNature;
}

function placementOfHall(subject: Extract<ReviewSubject, { kind: 'hall' }>): Placement {
  return {
    hall: subject.hall,
    windowId: subject.window?.id ?? subject.staff?.windowId ?? null,
    staffId: subject.staff?.id ?? null,
    serviceItemId: null,
    nature: 'OFFLINE',
  };
}

function toResponse(review: Pick<StoredReview, 'id' | 'trackingCode' | 'level' | 'channel' | 'comment' | 'createdAt'>, hallCode: string, created: boolean): ReviewResponse {
  return {
    id: review.id,
    trackingCode: review.trackingCode,
    level: review.level,
    channel: review.channel,
    hallCode,
    ...(review.comment ? { comment: review.comment } : {}),
    createdAt: formatShanghaiInstant(review.createdAt),
    created,
    ...(isBadReview(review.level) ? { rectification: { workflowId: rectificationWorkflowId(review.id) } } : {}),
  };
}
