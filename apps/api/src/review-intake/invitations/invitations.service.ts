import { Injectable } from '@nestjs/common';
import { isMobilePhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { hashInvitationToken, isWellFormedInvitationToken, ratingInvitationWrites } from '@haochaping/db';
import { DomainHttpException } from '../../common/api-error';
import { Clock } from '../../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { AppConfig } from '../../config/app-config';
import { PrismaService } from '../../prisma/prisma.service';
import { DEFAULT_INVITATION_VALID_HOURS, type CreateInvitationDto, type InvitationCreatedResponse, type InvitationResponse } from '../dto/invitation.dto';
import type { ReviewResponse } from '../dto/review.response';
import { RatingMasterData } from '../master-data/rating-master-data.service';
import { RATED_CASE_SELECT, RatingCases, type RatedCase } from '../rating-cases.service';
import { invitationUsed, ReviewRecorder, type Submission } from '../review-recorder.service';
import { formatChineseDateTime } from '@haochaping/working-time';
import { maskCaseNumber } from '../rules/rating-labels';
import { assertRatable, caseAlreadyRated, ratingPeriodClosesAt } from '../rules/review-rules';

const HOUR_MS = 3_600_000;

const invitationNotFound = () => new DomainHttpException(404, 'INVITATION_NOT_FOUND', '评价邀请不存在，请核对链接是否完整');
const invitationExpired = (expiresAt: Date) =>
  new DomainHttpException(410, 'INVITATION_EXPIRED', `该评价邀请已于${formatChineseDateTime(expiresAt)}过期`);

interface StoredInvitation {
  readonly id: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly serviceCase: RatedCase;
}

/** What rating through an invitation resolves to: the case to rate, or the first review when it is a retry. */
export type InvitationRating = { readonly kind: 'rate'; readonly invitationId: string; readonly ratedCase: RatedCase } | { readonly kind: 'retry'; readonly first: ReviewResponse };

/**
 * Signed, expiring, single-use rating links for one case (per-case QR, SMS, the evaluator at a window). The token
 * is 256 random bits, so its SHA-256 in the table is the signature: a link cannot be forged or guessed, and a
 * leaked table does not give working links.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly cases: RatingCases,
    private readonly masterData: RatingMasterData,
    private readonly recorder: ReviewRecorder,
    private readonly protector: DataProtector,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A new link for a completed, unrated case inside its rating period; an SMS with it when asked and possible. */
  async create(caseNumber: string, dto: CreateInvitationDto): Promise<InvitationCreatedResponse> {
    const ratedCase = await this.cases.byNumber(caseNumber);
    if (!ratedCase) throw new DomainHttpException(404, 'CASE_NOT_FOUND', `未找到编号为 ${caseNumber} 的办件`);
    const ratedAt = await this.recorder.ratedAt(ratedCase.id);
    if (ratedAt) throw caseAlreadyRated(ratedAt);

    const now = this.clock.now();
    const workingTime = await this.masterData.workingTimeOf(ratedCase.hallId);
    assertRatable(ratedCase.completedAt, now, workingTime);
    const completedAt = ratedCase.completedAt ?? now;
    // A link is useless once the rating period has closed: it never outlives it.
    const requested = now.getTime() + (dto.validHours ?? DEFAULT_INVITATION_VALID_HOURS) * HOUR_MS;
    const expiresAt = new Date(Math.min(requested, ratingPeriodClosesAt(workingTime, completedAt).getTime()));

    let sms: { recipientEnc: string; hallName: string; serviceItemName: string } | undefined;
    let smsNotQueuedReason: string | undefined;
    if (dto.sendSms) {
      const phone = this.protector.decryptOptional(ratedCase.applicantPhoneEnc);
      if (phone === null || !isMobilePhone(phone) || !ratedCase.applicantPhoneEnc) {
        smsNotQueuedReason = phone === null ? '该办件未登记联系电话，未发送短信' : '该办件登记的电话不是手机号码，未发送短信';
      } else if (await this.prisma.client.smsOptOut.findUnique({ where: { phoneHash: this.protector.phoneHash(phone) }, select: { phoneHash: true } })) {
        smsNotQueuedReason = '该号码已退订短信，未发送短信';
      } else {
        const [hall, item] = await Promise.all([this.masterData.hallById(ratedCase.hallId), this.masterData.serviceItem(ratedCase.serviceItemId)]);
        sms = { recipientEnc: ratedCase.applicantPhoneEnc, hallName: hall.name, serviceItemName: item.name };
      }
    }
    const { url, writes } = ratingInvitationWrites(this.prisma.client, { caseId: ratedCase.id, createdAt: now, expiresAt, publicBaseUrl: this.config.limits.publicBaseUrl, sms });
    // The invitation and its SMS are written together: never an SMS for a link that does not exist.
    await this.prisma.client.$transaction(writes);
    return { url, expiresAt: formatShanghaiInstant(expiresAt), smsQueued: dto.sendSms === true && smsNotQueuedReason === undefined, ...(smsNotQueuedReason ? { smsNotQueuedReason } : {}) };
  }

  /** The case summary the invitation page shows, or why it cannot be used. */
  async describe(token: string): Promise<InvitationResponse> {
    const invitation = await this.find(token);
    const now = this.clock.now();
    if (invitation.usedAt) throw invitationUsed();
    if (now.getTime() > invitation.expiresAt.getTime()) throw invitationExpired(invitation.expiresAt);
    const ratedCase = invitation.serviceCase;
    const ratedAt = await this.recorder.ratedAt(ratedCase.id);
    if (ratedAt) throw caseAlreadyRated(ratedAt);
    assertRatable(ratedCase.completedAt, now, await this.masterData.workingTimeOf(ratedCase.hallId));

    const [hall, item, window] = await Promise.all([
      this.masterData.hallById(ratedCase.hallId),
      this.masterData.serviceItem(ratedCase.serviceItemId),
      ratedCase.windowId ? this.masterData.windowById(ratedCase.windowId) : undefined,
    ]);
    return {
      caseNumberMasked: maskCaseNumber(ratedCase.caseNumber),
      serviceItemName: item.name,
      nature: item.nature,
      hallCode: hall.code,
      hallName: hall.name,
      windowCode: window?.code ?? null,
      windowName: window?.name ?? null,
      completedAt: formatShanghaiInstant(ratedCase.completedAt ?? now),
      expiresAt: formatShanghaiInstant(invitation.expiresAt),
    };
  }

  /**
   * The case a CASE_INVITATION rating is for. A used or expired invitation is refused (410) unless the rating is
   * the retry of the one that used it; the recorder marks the invitation used in the review's transaction.
   */
  async forRating(token: string, submission: Submission): Promise<InvitationRating> {
    const invitation = await this.find(token);
    const ratedCase = invitation.serviceCase;
    if (invitation.usedAt) {
      const state = await this.recorder.caseRatingState(ratedCase.id, submission);
      if (state.kind === 'retry') return state;
      throw invitationUsed();
    }
    const expiresAt = invitation.expiresAt;
    const first = await this.recorder.checkCaseRule(ratedCase.id, submission, () => {
      if (this.clock.now().getTime() > expiresAt.getTime()) throw invitationExpired(expiresAt);
    });
    if (first) return { kind: 'retry', first };
    return { kind: 'rate', invitationId: invitation.id, ratedCase };
  }

  private async find(token: string): Promise<StoredInvitation> {
    if (!isWellFormedInvitationToken(token)) throw invitationNotFound();
    const invitation = await this.prisma.client.ratingInvitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      select: { id: true, expiresAt: true, usedAt: true, serviceCase: { select: RATED_CASE_SELECT } },
    });
    if (!invitation) throw invitationNotFound();
    return invitation;
  }
}
