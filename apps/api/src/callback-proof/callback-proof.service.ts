import { Injectable } from '@nestjs/common';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { WorkingCalendar } from '../calendar/working-calendar.service';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { CALL_MATCH_WINDOW_MS, CALLBACK_PROOF_LABELS, callLogShowsCallback, isBackfilled, statedTimeRefusal, type LoggedCall } from './callback-proof.rules';
import type { CallbackProofResponse } from './dto/callback-proof.response';

/** A timeline entry as the read model and the workflow keep it: a callback's carries `callbackAt` in its details. */
export interface CallbackTimelineEntry {
  readonly at: string;
  readonly details?: Record<string, unknown> | null;
}

const STATED_TIME_MESSAGES = {
  BEFORE_REVIEW: '回访时间（at）不能早于评价时间',
  AFTER_RECORDING: '回访时间（at）不能晚于当前时间',
} as const;

/**
 * The proof of a case's callbacks, read from what is recorded: the timeline (each callback's stated time in its
 * details, the recording time as the entry's own), the hall's calendar and the imported call logs.
 */
@Injectable()
export class CallbackProofService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** 422 when the stated time of a callback lies before the review or after now (the recording); the workflow checks the same. */
  async assertStatedTime(reviewId: string, statedAt: string, now: Date): Promise<void> {
    const review = await this.prisma.client.review.findUnique({ where: { id: reviewId }, select: { createdAt: true } });
    const stated = new Date(statedAt);
    if (!review || Number.isNaN(stated.getTime())) return; // the workflow answers for a missing case or a bad value
    const refusal = statedTimeRefusal(stated, review.createdAt, now);
    if (refusal) {
      const message = STATED_TIME_MESSAGES[refusal];
      throw new DomainHttpException(422, 'INVALID_ARGUMENT', message, [{ field: 'at', message }]);
    }
  }

  /** Each callback entry of the timeline with its proof (`callbackProof`), and the proofs in order. */
  async annotate<E extends CallbackTimelineEntry>(
    reviewId: string,
    hallCode: string,
    entries: readonly E[],
  ): Promise<{ timeline: Array<E & { callbackProof?: CallbackProofResponse }>; callbacks: CallbackProofResponse[] }> {
    const callbackEntries = entries.flatMap((entry) => {
      const details = callbackDetailsOf(entry);
      return details ? [{ entry, details }] : [];
    });
    if (callbackEntries.length === 0) return { timeline: [...entries], callbacks: [] };
    const [workingTime, calls] = await Promise.all([
      this.calendar.ofHallCode(hallCode),
      this.callsAround(reviewId, callbackEntries.map(({ details }) => Date.parse(details.callbackAt))),
    ]);
    const proofs = new Map<E, CallbackProofResponse>();
    for (const { entry, details } of callbackEntries) {
      const statedAt = new Date(details.callbackAt);
      const recordedAt = new Date(entry.at);
      const backfilled = isBackfilled(statedAt, recordedAt, workingTime);
      const callLog = details.method === 'PHONE' ? (callLogShowsCallback(statedAt, details.reached === true, calls) ? 'VERIFIED' : 'UNVERIFIED') : null;
      proofs.set(entry, {
        statedAt: formatShanghaiInstant(statedAt),
        recordedAt: formatShanghaiInstant(recordedAt),
        method: details.method,
        reached: details.reached === true,
        backfilled,
        callLog,
        labels: [...(backfilled ? [CALLBACK_PROOF_LABELS.BACKFILLED] : []), ...(callLog ? [CALLBACK_PROOF_LABELS[callLog]] : [])],
      });
    }
    return {
      timeline: entries.map((entry) => {
        const callbackProof = proofs.get(entry);
        return callbackProof ? { ...entry, callbackProof } : entry;
      }),
      callbacks: [...proofs.values()],
    };
  }

  /** The logged calls to the reviewer's number (by its keyed hash) near any of the stated times; none without a number. */
  private async callsAround(reviewId: string, times: readonly number[]): Promise<LoggedCall[]> {
    const review = await this.prisma.client.review.findUnique({ where: { id: reviewId }, select: { reviewerPhoneHash: true } });
    if (!review?.reviewerPhoneHash) return [];
    return this.prisma.client.callLogEntry.findMany({
      where: {
        calledPhoneHash: review.reviewerPhoneHash,
        calledAt: { gte: new Date(Math.min(...times) - CALL_MATCH_WINDOW_MS), lte: new Date(Math.max(...times) + CALL_MATCH_WINDOW_MS) },
      },
      select: { calledAt: true, durationSeconds: true },
    });
  }
}

interface CallbackDetails {
  callbackAt: string;
  method: string;
  reached?: unknown;
}

/** A callback's entry carries its stated time and method in its details (rectification-actions.ts recordCallback). */
function callbackDetailsOf(entry: CallbackTimelineEntry): CallbackDetails | null {
  const details = entry.details;
  if (!details || typeof details.callbackAt !== 'string' || typeof details.method !== 'string' || Number.isNaN(Date.parse(details.callbackAt))) return null;
  return { callbackAt: details.callbackAt, method: details.method, reached: details.reached };
}
