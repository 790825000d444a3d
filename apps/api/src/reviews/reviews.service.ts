import { Injectable, Logger } from '@nestjs/common';
import { enqueueRectificationStart, Prisma, type Review } from '@haochaping/db';
import { isBadReview, rectificationWorkflowId } from '@haochaping/contracts';
import { newTrackingCode } from '@haochaping/privacy';
import { DomainHttpException } from '../common/api-error';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher.service';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateReviewDto } from './dto/create-review.dto';
import type { ReviewResponse } from './dto/review.response';

@Injectable()
export class ReviewsService {
  private readonly logger = new Logger(ReviewsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly outbox: OutboxDispatcher,
  ) {}

  /**
   * Records a rating. A bad review gets its workflow-start message in the same transaction, so it can never
   * be recorded without its rectification eventually starting; the start is then attempted at once.
   * The same clientKey again returns the first review and starts nothing new.
   */
  async submit(dto: CreateReviewDto): Promise<ReviewResponse> {
    const previous = await this.findByClientKey(dto.clientKey);
    if (previous) return previous;

    const hall = await this.prisma.client.hall.findUnique({ where: { code: dto.hallCode } });
    if (!hall) {
      throw new DomainHttpException(422, 'UNKNOWN_HALL', '未找到该服务大厅', [{ field: 'hallCode', message: `没有编码为 ${dto.hallCode} 的服务大厅` }]);
    }

    let review: Review;
    try {
      review = await this.prisma.client.$transaction(async (tx) => {
        const created = await tx.review.create({
          data: { hallId: hall.id, level: dto.level, comment: dto.comment ?? null, channel: 'WINDOW_QR', clientKey: dto.clientKey, trackingCode: newTrackingCode() },
        });
        if (isBadReview(created.level)) {
          await enqueueRectificationStart(tx, { reviewId: created.id, hallCode: hall.code, level: created.level, reviewedAt: created.createdAt.toISOString() });
        }
        return created;
      });
    } catch (error) {
      // Two copies of one submission raced: the loser answers with the winner's review.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const winner = await this.findByClientKey(dto.clientKey);
        if (winner) return winner;
      }
      throw error;
    }

    if (isBadReview(review.level)) {
      await this.outbox.dispatchKey(rectificationWorkflowId(review.id)).catch((error: unknown) =>
        this.logger.warn(`workflow start deferred to the outbox loop: ${String(error)}`),
      );
    }
    return this.toResponse(review, hall.code, true);
  }

  private async findByClientKey(clientKey: string): Promise<ReviewResponse | undefined> {
    const review = await this.prisma.client.review.findUnique({ where: { clientKey }, include: { hall: true } });
    return review ? this.toResponse(review, review.hall.code, false) : undefined;
  }

  private toResponse(review: Review, hallCode: string, created: boolean): ReviewResponse {
    return {
      id: review.id,
      hallCode,
      level: review.level,
      ...(review.comment ? { comment: review.comment } : {}),
      createdAt: review.createdAt.toISOString(),
      created,
      ...(isBadReview(review.level) ? { rectification: { workflowId: rectificationWorkflowId(review.id) } } : {}),
    };
  }
}
