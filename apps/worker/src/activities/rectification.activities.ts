import { ApplicationFailure } from '@temporalio/activity';
import { ERR_REVIEW_NOT_FOUND, rectificationWorkflowId, type RectificationActivities, type RectificationCaseState, type ReviewContext } from '@haochaping/contracts';
import type { Prisma, PrismaClient } from '@haochaping/db';

export interface RectificationActivityDeps {
  prisma: PrismaClient;
}

/** The rectification workflow's activities as plain functions over their dependencies (wired by Nest in the worker). */
export function createRectificationActivities({ prisma }: RectificationActivityDeps): RectificationActivities {
  return {
    async loadReviewContext(reviewId: string): Promise<ReviewContext> {
      const review = await prisma.review.findUnique({ where: { id: reviewId }, include: { hall: true } });
      if (!review) {
        // Retrying cannot make a missing review appear: fail the workflow task's activity for good.
        throw ApplicationFailure.nonRetryable(`review ${reviewId} does not exist`, ERR_REVIEW_NOT_FOUND);
      }
      return { reviewId: review.id, hallCode: review.hall.code, hallName: review.hall.name };
    },

    async projectCase(state: RectificationCaseState): Promise<void> {
      const hall = await prisma.hall.findUniqueOrThrow({ where: { code: state.hallCode } });
      await prisma.$transaction([
        prisma.rectificationCase.upsert({
          where: { reviewId: state.reviewId },
          create: {
            reviewId: state.reviewId,
            workflowId: rectificationWorkflowId(state.reviewId),
            hallId: hall.id,
            level: state.level,
            state: state.state,
            stateLabel: state.stateLabel,
            openedAt: new Date(state.openedAt),
          },
          update: { state: state.state, stateLabel: state.stateLabel },
        }),
        // The timeline only grows; its index is the entry's identity, so a retried projection adds nothing twice.
        prisma.rectificationTimelineEntry.createMany({
          data: state.timeline.map((entry, seq) => ({
            reviewId: state.reviewId,
            seq,
            at: new Date(entry.at),
            actor: entry.actor,
            action: entry.action,
            ...(entry.details ? { details: entry.details as Prisma.InputJsonObject } : {}),
          })),
          skipDuplicates: true,
        }),
      ]);
    },
  };
}
