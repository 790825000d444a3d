import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, DEFAULT_REMINDER_AFTER_WORKING_DAYS } from '@haochaping/db';
import { isContactPhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { canSeeHall } from '../../actor/actor-scope';
import { DomainHttpException } from '../../common/api-error';
import { PrismaService } from '../../prisma/prisma.service';
import type { RatingInvitationSettingsResponse } from './dto/sms-opt-out.dto';

/** 退订 replies: TD / T / N (what SMS footers ask for), 退订 anywhere in the text, or 退 alone. */
export function isOptOutReply(text: string): boolean {
  const compact = text.replace(/[\s\p{P}]/gu, '').toUpperCase();
  return ['TD', 'T', 'N', '退'].includes(compact) || compact.includes('退订');
}

/**
 * Who gets no SMS invitation to rate (参评率, issue 13): numbers kept by their keyed hash only, from the citizen's
 * 退订 reply (the SMS gateway's callback) or from a hall's staff on the citizen's word. The scheduled invitations and
 * the invitations staff ask for both look here.
 */
@Injectable()
export class SmsOptOutService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  /** A reply forwarded by the gateway: opts the number out when it says so; anything else is ignored. */
  async inbound(from: string, text: string): Promise<{ optedOut: boolean }> {
    if (!isOptOutReply(text)) return { optedOut: false };
    if (!isContactPhone(from)) throw new DomainHttpException(422, 'INVALID_PHONE', '发送号码（from）不是有效的电话号码', [{ field: 'from', message: '发送号码（from）不是有效的电话号码' }]);
    await this.optOut(this.protector.phoneHash(from), 'SMS_REPLY', null);
    return { optedOut: true };
  }

  /** A hall's staff opt the applicant of a case out (the citizen asked at the window or on the phone). */
  async optOutCase(caseNumber: string, actor: Actor): Promise<{ optedOut: boolean }> {
    const serviceCase = await this.prisma.client.serviceCase.findUnique({ where: { caseNumber }, select: { id: true, applicantPhoneHash: true, hall: { select: { code: true } } } });
    if (!serviceCase) throw new DomainHttpException(404, 'CASE_NOT_FOUND', `未找到编号为 ${caseNumber} 的办件`);
    if (!canSeeHall(actor, serviceCase.hall.code)) throw new DomainHttpException(403, 'FORBIDDEN', '无权处理其他服务大厅的办件');
    if (!serviceCase.applicantPhoneHash) throw new DomainHttpException(422, 'CASE_HAS_NO_PHONE', '该办件未登记联系电话，无需退订');
    await this.prisma.client.$transaction(async (tx) => {
      await tx.smsOptOut.upsert({ where: { phoneHash: serviceCase.applicantPhoneHash! }, create: { phoneHash: serviceCase.applicantPhoneHash!, source: 'HALL', recordedBy: actor.userId }, update: {} });
      await appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action: 'sms-opt-out.set', entityType: 'service-case', entityId: serviceCase.id });
    });
    return { optedOut: true };
  }

  async settings(): Promise<RatingInvitationSettingsResponse> {
    const row = await this.prisma.client.ratingInvitationSetting.findUnique({ where: { id: 1 } });
    return {
      reminderAfterWorkingDays: row?.reminderAfterWorkingDays ?? DEFAULT_REMINDER_AFTER_WORKING_DAYS,
      updatedBy: row?.updatedBy ?? null,
      updatedAt: row ? formatShanghaiInstant(row.updatedAt) : null,
    };
  }

  async updateSettings(reminderAfterWorkingDays: number, actor: Actor): Promise<RatingInvitationSettingsResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const previous = await tx.ratingInvitationSetting.findUnique({ where: { id: 1 } });
      await tx.ratingInvitationSetting.upsert({ where: { id: 1 }, create: { id: 1, reminderAfterWorkingDays, updatedBy: actor.userId }, update: { reminderAfterWorkingDays, updatedBy: actor.userId } });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'rating-invitation-settings.update',
        entityType: 'rating-invitation-settings',
        details: { reminderAfterWorkingDays, previous: previous?.reminderAfterWorkingDays ?? null },
      });
    });
    return this.settings();
  }

  private async optOut(phoneHash: string, source: 'SMS_REPLY' | 'HALL', recordedBy: string | null): Promise<void> {
    // The first opt-out stands; a second reply changes nothing.
    await this.prisma.client.smsOptOut.upsert({ where: { phoneHash }, create: { phoneHash, source, recordedBy }, update: {} });
  }
}
