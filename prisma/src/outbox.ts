import { startRectificationMessage, type RectificationWorkflowInput } from '@haochaping/contracts';
import type { Prisma } from '@prisma/client';

/**
 * Queues the start of a bad review's workflow. Call it inside the transaction that records the review:
 * both are written or neither is. The API's outbox dispatcher delivers it to Temporal.
 */
export async function enqueueRectificationStart(tx: Prisma.TransactionClient, input: RectificationWorkflowInput): Promise<void> {
  const message = startRectificationMessage(input);
  await tx.outboxMessage.create({
    data: { topic: message.topic, key: message.key, payload: message.payload as unknown as Prisma.InputJsonObject },
  });
}
