import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KIND_LABELS, STAFF_NOTICE_KINDS, type Actor, type NotificationKind } from '@haochaping/contracts';
import { appendAudit, type Prisma } from '@haochaping/db';
import { isMobilePhone, maskPhone, normalizePhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { formatShanghaiInstant } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { STAFF_PHONE_MESSAGE } from '../users/users.service';
import {
  STAFF_SMS_ROLES,
  type StaffSmsRole,
  type StaffSmsRuleResponse,
  type StaffSmsSettingsResponse,
  type UpdateStaffSmsRuleDto,
  type UpdateStaffSmsSettingsDto,
} from './dto/staff-sms.dto';

const ruleNotFound = () => new DomainHttpException(404, 'STAFF_SMS_RULE_NOT_FOUND', '没有这种通知类型或接收角色');

/**
 * The staff-SMS rules (which notices also go out by SMS, per kind and audience role) and the county duty phone.
 * The worker reads both when it writes a notice (apps/worker/src/notifications/staff-sms.planner.ts); a pair
 * without a row sends nothing, so the table shows every pair with the shipped default where no admin changed it.
 */
@Injectable()
export class StaffSmsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  async rules(): Promise<StaffSmsRuleResponse[]> {
    const rows = await this.prisma.client.staffSmsRule.findMany();
    return STAFF_NOTICE_KINDS.flatMap((kind) =>
      STAFF_SMS_ROLES.map((audienceRole) => toRuleResponse(kind, audienceRole, rows.find((row) => row.kind === kind && row.audienceRole === audienceRole))),
    );
  }

  async updateRule(kind: string, audienceRole: string, dto: UpdateStaffSmsRuleDto, actor: Actor, context: RequestContext): Promise<StaffSmsRuleResponse> {
    if (!(STAFF_NOTICE_KINDS as readonly string[]).includes(kind) || !(STAFF_SMS_ROLES as readonly string[]).includes(audienceRole)) throw ruleNotFound();
    const obligations = [...new Set(dto.obligations ?? [])];
    const data = { enabled: dto.enabled, holdOutsideOfficeTime: dto.holdOutsideOfficeTime, obligations, updatedBy: actor.userId, updatedAt: new Date() };
    const row = await this.prisma.client.$transaction(async (tx) => {
      const before = await tx.staffSmsRule.findUnique({ where: { kind_audienceRole: { kind, audienceRole } } });
      const saved = await tx.staffSmsRule.upsert({ where: { kind_audienceRole: { kind, audienceRole } }, create: { kind, audienceRole, ...data }, update: data });
      await this.audit(tx, actor, context, 'staff-sms.rule.update', `${kind}:${audienceRole}`, {
        before: before ? { enabled: before.enabled, holdOutsideOfficeTime: before.holdOutsideOfficeTime, obligations: before.obligations } : null,
        after: { enabled: saved.enabled, holdOutsideOfficeTime: saved.holdOutsideOfficeTime, obligations: saved.obligations },
      });
      return saved;
    });
    return toRuleResponse(kind as NotificationKind, audienceRole as StaffSmsRole, row);
  }

  async settings(): Promise<StaffSmsSettingsResponse> {
    const row = await this.prisma.client.staffSmsSettings.findUnique({ where: { id: 1 } });
    return this.toSettingsResponse(row);
  }

  async updateSettings(dto: UpdateStaffSmsSettingsDto, actor: Actor, context: RequestContext): Promise<StaffSmsSettingsResponse> {
    const phone = dto.countyDutyPhone === null || dto.countyDutyPhone.trim() === '' ? null : dto.countyDutyPhone.trim();
    if (phone !== null && !isMobilePhone(phone)) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', STAFF_PHONE_MESSAGE, [{ field: 'countyDutyPhone', message: STAFF_PHONE_MESSAGE }]);
    }
    const countyDutyPhoneEnc = phone === null ? null : this.protector.encrypt(normalizePhone(phone));
    const data = { countyDutyPhoneEnc, updatedBy: actor.userId, updatedAt: new Date() };
    const row = await this.prisma.client.$transaction(async (tx) => {
      const saved = await tx.staffSmsSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
      // The audit keeps the masked number: enough to tell changes apart, never the phone itself.
      await this.audit(tx, actor, context, 'staff-sms.settings.update', '1', { countyDutyPhone: phone === null ? null : maskPhone(normalizePhone(phone)) });
      return saved;
    });
    return this.toSettingsResponse(row);
  }

  private toSettingsResponse(row: { countyDutyPhoneEnc: string | null; updatedBy: string | null; updatedAt: Date } | null): StaffSmsSettingsResponse {
    return {
      countyDutyPhone: row?.countyDutyPhoneEnc ? this.protector.decrypt(row.countyDutyPhoneEnc) : null,
      updatedAt: row?.updatedBy ? formatShanghaiInstant(row.updatedAt) : null,
    };
  }

  private audit(tx: Prisma.TransactionClient, actor: Actor, context: RequestContext, action: string, entityId: string, details: Prisma.InputJsonObject) {
    return appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action, entityType: 'staff-sms', entityId, details, requestId: context.requestId, ip: context.ip });
  }
}

function toRuleResponse(
  kind: NotificationKind,
  audienceRole: StaffSmsRole,
  row: { enabled: boolean; holdOutsideOfficeTime: boolean; obligations: string[]; updatedBy: string | null; updatedAt: Date } | undefined | null,
): StaffSmsRuleResponse {
  return {
    kind,
    kindLabel: NOTIFICATION_KIND_LABELS[kind],
    audienceRole,
    enabled: row?.enabled ?? false,
    obligations: row?.obligations ?? [],
    holdOutsideOfficeTime: row?.holdOutsideOfficeTime ?? true,
    updatedAt: row?.updatedBy ? formatShanghaiInstant(row.updatedAt) : null,
  };
}
