import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit } from '@haochaping/db';
import { maskName, maskPhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { canSeeRectification } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { CaseReviewerResponse } from './dto/case-reviewer.response';

/**
 * Who rated: masked for everyone who sees the case; in full only for the handler working it (the assignee, or while
 * nobody is assigned the hall's handlers) and the county supervisor, and every full view is written to the audit
 * trail (who, when, which case).
 */
@Injectable()
export class CaseReviewerService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  async reviewer(reviewId: string, actor: Actor, unmask: boolean, requestId?: string): Promise<CaseReviewerResponse> {
    const row = await this.prisma.client.rectificationCase.findUnique({
      where: { reviewId },
      select: {
        assigneeUserId: true,
        invitedDepartmentCodes: true,
        hall: { select: { code: true } },
        review: { select: { reviewerKind: true, reviewerNameEnc: true, reviewerPhoneEnc: true } },
      },
    });
    if (!row) throw new DomainHttpException(404, 'RECTIFICATION_NOT_FOUND', '未找到该整改工单');
    if (!canSeeRectification(actor, { hallCode: row.hall.code, invitedDepartmentCodes: row.invitedDepartmentCodes })) {
      throw new DomainHttpException(403, 'FORBIDDEN', '无权查看该整改工单');
    }
    const name = this.protector.decryptOptional(row.review.reviewerNameEnc);
    const phone = this.protector.decryptOptional(row.review.reviewerPhoneEnc);
    if (!unmask) {
      return { kind: row.review.reviewerKind, name: name === null ? null : maskName(name), phone: phone === null ? null : maskPhone(phone), masked: true };
    }
    if (!mayUnmask(actor, row.hall.code, row.assigneeUserId)) {
      throw new DomainHttpException(403, 'FORBIDDEN', '只有承办该工单的经办人和县级督办人员可以查看完整的姓名和电话');
    }
    await appendAudit(this.prisma.client, {
      actorId: actor.userId,
      actorRole: actor.role,
      action: 'rectification.reviewer.unmask',
      entityType: 'rectification',
      entityId: reviewId,
      details: { fields: [...(name === null ? [] : ['name']), ...(phone === null ? [] : ['phone'])] },
      requestId: requestId ?? null,
    });
    return { kind: row.review.reviewerKind, name, phone, masked: false };
  }
}

/** The county supervisor; the assigned handler; while nobody is assigned, the handlers of the owning hall. */
export function mayUnmask(actor: Actor, hallCode: string, assigneeUserId: string | null): boolean {
  if (actor.role === 'COUNTY_SUPERVISOR') return true;
  if (actor.role !== 'HANDLER' || !actor.hallCodes.includes(hallCode)) return false;
  return assigneeUserId === null || assigneeUserId === actor.userId;
}
