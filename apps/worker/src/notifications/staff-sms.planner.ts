import type { NotificationRequest } from '@haochaping/contracts';
import type { Prisma } from '@haochaping/db';
import type { WorkingTime } from '@haochaping/working-time';

/** Where a staff SMS goes: one user's phone, or the county duty phone. */
export interface StaffSmsRecipient {
  /** Part of the SMS row's key: the user id, or `county-duty-phone`. */
  key: string;
  /** The encrypted phone as stored (the dispatcher decrypts it); null: the recipient has none. */
  phoneEnc: string | null;
  /** The log line's words when there is no phone (never the phone itself). */
  withoutPhone: string;
}

/** The SMS rows a console notice brings with it, and the recipients skipped for want of a phone. */
export interface StaffSmsPlan {
  rows: Prisma.NotificationCreateManyInput[];
  /** One log line's reason per recipient without a phone. */
  withoutPhone: string[];
}

export interface StaffSmsPlanInput {
  request: NotificationRequest;
  /** The console notice's key: each SMS row's key is derived from it, so a retried activity writes nothing twice. */
  noticeKey: string;
  hallId: string | null;
  body: string;
  params: Prisma.InputJsonObject;
  now: Date;
  /** The hall's working time, read only when the SMS must wait for office time. */
  workingTime: () => Promise<WorkingTime>;
}

export const COUNTY_DUTY_PHONE_KEY = 'county-duty-phone';

/** The key of one staff SMS: the notice's key and the recipient. */
export function staffSmsKey(noticeKey: string, recipientKey: string): string {
  return `${noticeKey}:sms:${recipientKey}`;
}

/**
 * Decides which SMS a staff notice brings (the `staff_sms_rule` row of its kind and audience role) and writes
 * nothing itself: the driver writes the rows in the notice's transaction. Recipients follow the notice's audience:
 * one named user; the case's assigned handler (else the hall's handlers); the hall's town leaders; the invited
 * departments' guides; the county duty phone for the county.
 */
export async function planStaffSms(tx: Prisma.TransactionClient, input: StaffSmsPlanInput): Promise<StaffSmsPlan> {
  const { request } = input;
  const rule = await tx.staffSmsRule.findUnique({ where: { kind_audienceRole: { kind: request.kind, audienceRole: request.recipientRole } } });
  if (!rule?.enabled) return { rows: [], withoutPhone: [] };
  if (rule.obligations.length > 0 && !(request.obligation && rule.obligations.includes(request.obligation))) return { rows: [], withoutPhone: [] };

  const recipients = await recipientsOf(tx, request);
  const availableAt = rule.holdOutsideOfficeTime ? (await input.workingTime()).nextOfficeTimeStart(input.now) : input.now;
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const withoutPhone: string[] = [];
  for (const recipient of recipients) {
    if (!recipient.phoneEnc) {
      withoutPhone.push(recipient.withoutPhone);
      continue;
    }
    rows.push({
      channel: 'SMS',
      key: staffSmsKey(input.noticeKey, recipient.key),
      template: `STAFF_${request.kind}`,
      params: { ...input.params, audienceRole: request.recipientRole, recipient: recipient.key },
      recipientEnc: recipient.phoneEnc,
      audienceRole: request.recipientRole,
      hallId: input.hallId,
      userId: recipient.key === COUNTY_DUTY_PHONE_KEY ? null : recipient.key,
      body: input.body,
      availableAt,
    });
  }
  return { rows, withoutPhone };
}

async function recipientsOf(tx: Prisma.TransactionClient, request: NotificationRequest): Promise<StaffSmsRecipient[]> {
  const users = (where: Prisma.UserWhereInput) =>
    tx.user
      .findMany({ where: { ...where, disabledAt: null }, select: { id: true, username: true, phoneEnc: true }, orderBy: { username: 'asc' } })
      .then((found) => found.map((user) => ({ key: user.id, phoneEnc: user.phoneEnc, withoutPhone: `user ${user.username} has no phone` })));

  if (request.recipientRole === 'COUNTY_SUPERVISOR') {
    const settings = await tx.staffSmsSettings.findUnique({ where: { id: 1 } });
    return [{ key: COUNTY_DUTY_PHONE_KEY, phoneEnc: settings?.countyDutyPhoneEnc ?? null, withoutPhone: 'no county duty phone is set' }];
  }
  if (request.recipientUserId) return users({ id: request.recipientUserId });
  switch (request.recipientRole) {
    case 'HANDLER': {
      // The handler whose queue the case is in; while it is the hall's, every handler of the hall.
      const assigned = await tx.rectificationCase.findUnique({ where: { reviewId: request.reviewId }, select: { assigneeUserId: true } });
      if (assigned?.assigneeUserId) return users({ id: assigned.assigneeUserId });
      return users({ role: 'HANDLER', hallCodes: { has: request.hallCode } });
    }
    case 'TOWN_LEADER':
      return users({ role: 'TOWN_LEADER', hallCodes: { has: request.hallCode } });
    case 'DEPT_GUIDE':
      return request.departmentCodes?.length ? users({ role: 'DEPT_GUIDE', departmentCodes: { hasSome: request.departmentCodes } }) : [];
    default:
      return [];
  }
}
