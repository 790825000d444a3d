import { Logger } from '@nestjs/common';
import { asyncLocalStorage } from '@temporalio/activity';
import { createHash } from 'node:crypto';
import type { NotificationRequest } from '@haochaping/contracts';
import type { Prisma, PrismaClient } from '@haochaping/db';
import { createWorkingTime } from '@haochaping/working-time';
import { NotificationDriver, type NotificationContext } from './notification.driver';
import { isReviewerSmsKind, renderConsoleNotice, renderReviewerSms, renderStaffSms } from './notification-templates';
import { planStaffSms } from './staff-sms.planner';

export interface OutboxNotificationDriverDeps {
  prisma: PrismaClient;
  /** PUBLIC_BASE_URL without a trailing slash: the status link in the reviewer's SMS. */
  publicBaseUrl: string;
  now?: () => Date;
}

/**
 * Turns a workflow's notification into a `Notification` row: a console notice for staff (channel CONSOLE, for the
 * role at the case's hall; available at once, the console reads it) or an SMS to the reviewer (channel SMS, the
 * review's encrypted phone as it is; the NotificationDispatcher sends it). The row's unique `key` makes a retried
 * `notify` activity write nothing twice. A console notice whose kind and role have a `staff_sms_rule` brings SMS rows
 * to the staff who owe the step (staff-sms.planner.ts), written in the same transaction under keys derived from the
 * notice's, held until the hall's next office-time opening unless the rule says at once.
 */
export class OutboxNotificationDriver extends NotificationDriver {
  private readonly logger = new Logger('Notification');
  private readonly prisma: PrismaClient;
  private readonly publicBaseUrl: string;
  private readonly now: () => Date;

  constructor({ prisma, publicBaseUrl, now = () => new Date() }: OutboxNotificationDriverDeps) {
    super();
    this.prisma = prisma;
    this.publicBaseUrl = publicBaseUrl;
    this.now = now;
  }

  async send(request: NotificationRequest, context?: NotificationContext): Promise<void> {
    const key = notificationKey(request);
    const hall = await this.prisma.hall.findUnique({ where: { code: request.hallCode }, select: { id: true, name: true } });
    const hallName = hall?.name ?? request.hallCode;
    const params: Prisma.InputJsonObject = {
      kind: request.kind,
      reviewId: request.reviewId,
      hallCode: request.hallCode,
      ...(request.obligation ? { obligation: request.obligation } : {}),
      ...(request.dueAt ? { dueAt: request.dueAt } : {}),
      ...(request.departmentCodes ? { departmentCodes: request.departmentCodes } : {}),
    };

    if (request.recipientRole === 'CITIZEN') {
      // A notification must never fail the case: what cannot be sent is logged and skipped, not retried.
      if (!isReviewerSmsKind(request.kind)) {
        this.logger.warn(`no SMS template for ${request.kind} to the reviewer of ${request.reviewId}: nothing sent`);
        return;
      }
      const review = await this.prisma.review.findUnique({ where: { id: request.reviewId }, select: { reviewerPhoneEnc: true, trackingCode: true } });
      if (!review?.reviewerPhoneEnc) {
        this.logger.warn(`the reviewer of ${request.reviewId} left no phone: ${request.kind} not sent`);
        return;
      }
      const statusUrl = `${this.publicBaseUrl}/citizen/status?code=${encodeURIComponent(review.trackingCode)}`;
      await this.prisma.notification.createMany({
        data: [
          {
            channel: 'SMS',
            key,
            template: request.kind,
            params,
            recipientEnc: review.reviewerPhoneEnc,
            hallId: hall?.id ?? null,
            body: renderReviewerSms(request.kind, { hallName, trackingCode: review.trackingCode, statusUrl }),
          },
        ],
        skipDuplicates: true,
      });
      return;
    }

    const now = this.now();
    const body = renderConsoleNotice({ hallName, request });
    await this.prisma.$transaction(async (tx) => {
      await tx.notification.createMany({
        data: [
          {
            channel: 'CONSOLE',
            key,
            template: request.kind,
            params,
            audienceRole: request.recipientRole,
            // The case's hall: hall staff read their hall's notices, county roles read every hall's.
            hallId: hall?.id ?? null,
            userId: request.recipientUserId ?? null,
            body,
            sentAt: now,
          },
        ],
        skipDuplicates: true,
      });
      const plan = await planStaffSms(tx, {
        request,
        noticeKey: key,
        hallId: hall?.id ?? null,
        body: renderStaffSms({ consoleNotice: body, caseReference: await caseReferenceOf(tx, request.reviewId) }),
        params,
        now,
        // Without the activity's calendar (a script), the statutory calendar and the default office hours.
        workingTime: context?.workingTime ?? (() => Promise.resolve(createWorkingTime())),
      });
      for (const reason of plan.withoutPhone) this.logger.warn(`no staff SMS for ${request.kind} of ${request.reviewId}: ${reason}`);
      if (plan.rows.length > 0) await tx.notification.createMany({ data: plan.rows, skipDuplicates: true });
    });
  }
}

/** How staff find the case: the rated case's 办件编号, else the start of the review id (the case link's id). */
async function caseReferenceOf(tx: Prisma.TransactionClient, reviewId: string): Promise<string> {
  const review = await tx.review.findUnique({ where: { id: reviewId }, select: { serviceCase: { select: { caseNumber: true } } } });
  return review?.serviceCase?.caseNumber ? `办件编号 ${review.serviceCase.caseNumber}` : `差评编号 ${reviewId.slice(0, 8).toUpperCase()}`;
}

/**
 * The deduplication key of one notification. Inside an activity it is the activity's identity (workflow, run,
 * activity id), which a retry keeps and a later, equal-looking notification (a second result after a reopening)
 * does not. Outside an activity (a script, a test) it is the request's content.
 */
export function notificationKey(request: NotificationRequest): string {
  const execution = asyncLocalStorage.getStore()?.info;
  if (execution?.workflowExecution) {
    const { workflowId, runId } = execution.workflowExecution;
    return `notify:${workflowId}:${runId}:${execution.activityId}`;
  }
  const content = JSON.stringify(Object.entries(request).sort(([a], [b]) => a.localeCompare(b)));
  return `notify:${createHash('sha256').update(content).digest('hex')}`;
}
