import { Prisma, ratingInvitationWrites, ratingPeriodEndsAt, reminderAfterWorkingDays, type PrismaClient } from '@haochaping/db';
import { isMobilePhone } from '@haochaping/privacy';
import type { DataProtector } from '@haochaping/privacy/server';
import type { WorkingTime } from '@haochaping/working-time';

/**
 * How far back a completed case can still be in its rating period: 5 working days are at most ~16 calendar days
 * (春节's nine days off and two weekends); a month leaves room for a calendar with longer breaks.
 */
const RATING_PERIOD_LOOKBACK_MS = 31 * 86_400_000;
const DAY_MS = 86_400_000;

export interface SendDueRatingInvitationsInput {
  /** The instant of this run (the scheduled workflow's time). */
  readonly at: string;
}

export interface SendDueRatingInvitationsResult {
  /** Invitations (each with its SMS) written by this run. */
  readonly sent: number;
}

export interface RatingInvitationReminderActivities {
  sendDueRatingInvitations: (input: SendDueRatingInvitationsInput) => Promise<SendDueRatingInvitationsResult>;
}

export interface RatingInvitationReminderDependencies {
  readonly prisma: PrismaClient;
  readonly protector: DataProtector;
  readonly workingTimeOfHall: (hallId: string) => Promise<WorkingTime | undefined>;
  readonly publicBaseUrl: string;
}

/**
 * 参评率 (issue 13): a case completed and not rated within N working days gets one SMS with its own invitation link,
 * valid until its rating period closes. Never for a rated case, never outside the rating period or office time,
 * never to a number that opted out (退订) or that is no mobile. Once per case: the reminder row is keyed by the case
 * and written in the invitation's transaction, so a run repeated (a retry, two overlapping runs) sends nothing twice.
 */
export function createRatingInvitationReminderActivities(deps: RatingInvitationReminderDependencies): RatingInvitationReminderActivities {
  const { prisma, protector } = deps;
  return {
    sendDueRatingInvitations: async ({ at: atIso }) => {
      const at = new Date(atIso);
      const afterDays = await reminderAfterWorkingDays(prisma);
      // N working days are at least N calendar days: the cases completed since are not due yet.
      const candidates = await prisma.serviceCase.findMany({
        where: {
          completedAt: { gte: new Date(at.getTime() - RATING_PERIOD_LOOKBACK_MS), lte: new Date(at.getTime() - afterDays * DAY_MS) },
          review: null,
          invitationReminder: null,
          applicantPhoneEnc: { not: null },
        },
        select: { id: true, hallId: true, completedAt: true, applicantPhoneEnc: true, hall: { select: { name: true } }, serviceItem: { select: { name: true } } },
        orderBy: { completedAt: 'asc' },
      });
      let sent = 0;
      for (const candidate of candidates) {
        const { completedAt, applicantPhoneEnc } = candidate;
        if (!completedAt || !applicantPhoneEnc) continue;
        const workingTime = await deps.workingTimeOfHall(candidate.hallId);
        const window = workingTime && invitationWindow(workingTime, completedAt, afterDays);
        if (!workingTime || !window || at < window.dueAt || at > window.closesAt || !workingTime.isOfficeTime(at)) continue;
        const phone = protector.decrypt(applicantPhoneEnc);
        if (!isMobilePhone(phone)) continue;
        const optedOut = await prisma.smsOptOut.findUnique({ where: { phoneHash: protector.phoneHash(phone) }, select: { phoneHash: true } });
        if (optedOut) continue;

        const invitation = ratingInvitationWrites(prisma, {
          caseId: candidate.id,
          createdAt: at,
          expiresAt: window.closesAt,
          publicBaseUrl: deps.publicBaseUrl,
          sms: { recipientEnc: applicantPhoneEnc, hallName: candidate.hall.name, serviceItemName: candidate.serviceItem.name },
        });
        try {
          await prisma.$transaction([...invitation.writes, prisma.ratingInvitationReminder.create({ data: { caseId: candidate.id, invitationId: invitation.id, sentAt: at } })]);
          sent += 1;
        } catch (error) {
          // Another run invited the case meanwhile: its reminder row stands, this one's writes rolled back.
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') continue;
          throw error;
        }
      }
      return { sent };
    },
  };
}

/** When a case completed at `completedAt` is due its invitation, and when its rating period closes; null without a calendar. */
function invitationWindow(workingTime: WorkingTime, completedAt: Date, afterDays: number): { dueAt: Date; closesAt: Date } | null {
  try {
    return { dueAt: workingTime.addWorkingDays(completedAt, afterDays).dueAt, closesAt: ratingPeriodEndsAt(workingTime, completedAt) };
  } catch (error) {
    if (error instanceof RangeError) return null; // a year without calendar: no period can be computed
    throw error;
  }
}
