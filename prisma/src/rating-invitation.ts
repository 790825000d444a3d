import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { formatChineseDateTime, formatShanghaiInstant, type WorkingTime } from '@haochaping/working-time';

// A rating invitation (signed, expiring, single-use link to rate one case) and its SMS, written the same way by the
// API (a hall's staff asks for one) and by the worker (the scheduled SMS invitation of an unrated case, issue 13).

/** The rating period of a case: completion + 5 working days (一次一评). */
export const RATING_PERIOD_WORKING_DAYS = 5;

/** When the rating period of a case completed at `completedAt` closes. Throws RangeError for a year without a calendar. */
export function ratingPeriodEndsAt(workingTime: WorkingTime, completedAt: Date): Date {
  return workingTime.addWorkingDays(completedAt, RATING_PERIOD_WORKING_DAYS).dueAt;
}

/** Working days after completion before an unrated case gets its SMS invitation, unless the county set another. */
export const DEFAULT_REMINDER_AFTER_WORKING_DAYS = 2;

/** The county's N (rating_invitation_setting, one row), or the default. */
export async function reminderAfterWorkingDays(prisma: PrismaClient): Promise<number> {
  const setting = await prisma.ratingInvitationSetting.findUnique({ where: { id: 1 }, select: { reminderAfterWorkingDays: true } });
  return setting?.reminderAfterWorkingDays ?? DEFAULT_REMINDER_AFTER_WORKING_DAYS;
}

/** 32 random bytes, base64url: 43 characters in the link. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh invitation token and the SHA-256 the table keeps (the token itself is only in the link). */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

/** SHA-256 hex: a fast hash is enough for 256 random bits, and the look-up stays one indexed equality. */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string has the shape of one of our tokens (anything else is unknown without a query). */
export function isWellFormedInvitationToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Template id of the rating invitation SMS in the notification outbox. */
export const RATING_INVITATION_SMS_TEMPLATE = 'RATING_INVITATION';

/** What the invitation SMS may say: the hall and item the applicant dealt with, the link and until when it works. */
export interface RatingInvitationSmsFacts {
  readonly hallName: string;
  readonly serviceItemName: string;
  readonly url: string;
  readonly expiresAt: Date;
}

/** The SMS text: no name, no phone, no case number; only what the recipient already knows and the link. */
export function renderRatingInvitationSms({ hallName, serviceItemName, url, expiresAt }: RatingInvitationSmsFacts): string {
  return `您在${hallName}办理的“${serviceItemName}”已办结，欢迎对本次服务进行评价：${url}（${formatChineseDateTime(expiresAt)}前有效）。`;
}

export interface RatingInvitationDraft {
  readonly caseId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** The public site's base URL; the link is `<base>/citizen/i/<token>`. */
  readonly publicBaseUrl: string;
  /** The SMS to queue with it: the recipient's encrypted phone (a mobile) and what the text names. */
  readonly sms?: { readonly recipientEnc: string; readonly hallName: string; readonly serviceItemName: string };
}

/**
 * The writes of one invitation (and its SMS in the notification outbox), for the caller to run in one transaction
 * with whatever else must happen with it: never an SMS for a link that does not exist.
 */
export function ratingInvitationWrites(
  prisma: PrismaClient,
  draft: RatingInvitationDraft,
): { id: string; url: string; writes: Prisma.PrismaPromise<unknown>[] } {
  const { token, tokenHash } = newInvitationToken();
  const id = randomUUID();
  const url = `${draft.publicBaseUrl}/citizen/i/${token}`;
  const writes: Prisma.PrismaPromise<unknown>[] = [
    prisma.ratingInvitation.create({ data: { id, caseId: draft.caseId, tokenHash, expiresAt: draft.expiresAt, createdAt: draft.createdAt }, select: { id: true } }),
  ];
  if (draft.sms) {
    const { recipientEnc, hallName, serviceItemName } = draft.sms;
    writes.push(
      prisma.notification.create({
        data: {
          channel: 'SMS',
          key: `invitation-sms:${id}`,
          template: RATING_INVITATION_SMS_TEMPLATE,
          params: { hallName, serviceItemName, url, expiresAt: formatShanghaiInstant(draft.expiresAt) },
          recipientEnc,
          body: renderRatingInvitationSms({ hallName, serviceItemName, url, expiresAt: draft.expiresAt }),
        },
        select: { id: true },
      }),
    );
  }
  return { id, url, writes };
}
