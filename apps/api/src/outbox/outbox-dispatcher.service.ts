import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { RECTIFICATION_WORKFLOW_TYPE, START_RECTIFICATION_TOPIC, type StartRectificationPayload } from '@haochaping/contracts';
import type { OutboxMessage } from '@haochaping/db';
import { ApiMetrics } from '../metrics/api-metrics';
import { AppConfig } from '../config/app-config';
import { PrismaService } from '../prisma/prisma.service';
import { TemporalClientService } from '../temporal/temporal-client.service';

const BATCH_SIZE = 50;
const MAX_BACKOFF_MS = 5 * 60_000;
/** How long the polling loop waits for Temporal to accept one start. */
const DELIVERY_DEADLINE_MS = 10_000;
/** How long a request that wrote a message waits for its start before answering anyway (the loop retries). */
export const IN_REQUEST_DELIVERY_DEADLINE_MS = 1_000;

/**
 * Delivers outbox messages to Temporal: at once after the request that wrote them, and from a polling loop
 * for whatever could not be delivered then (Temporal down, process crash). Starting a workflow is idempotent
 * by workflow id, so a message delivered twice (two API instances, a retry after a lost answer) starts one workflow.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly config: AppConfig,
    private readonly metrics: ApiMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.outboxPollMs);
    this.timer.unref();
  }

  /** Module destruction comes before the clients close (they close on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /**
   * Delivers one message now, if it is still pending. A request that just wrote it passes a short deadline: when
   * Temporal is slow or down, the citizen gets their answer after that and the polling loop delivers the message.
   */
  async dispatchKey(key: string, deadlineMs = DELIVERY_DEADLINE_MS): Promise<void> {
    const message = await this.prisma.client.outboxMessage.findUnique({ where: { key } });
    if (message && !message.dispatchedAt) await this.dispatch(message, deadlineMs);
  }

  /** One pass over the messages that are due; passes never overlap. */
  sweep(): Promise<void> {
    this.sweeping ??= this.dispatchDue().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async dispatchDue(): Promise<void> {
    try {
      const due = await this.prisma.client.outboxMessage.findMany({
        where: { dispatchedAt: null, availableAt: { lte: new Date() } },
        orderBy: { id: 'asc' },
        take: BATCH_SIZE,
      });
      for (const message of due) await this.dispatch(message).catch(() => undefined);
    } catch (error) {
      this.logger.warn(`outbox sweep failed: ${String(error)}`);
    }
  }

  private async dispatch(message: OutboxMessage, deadlineMs = DELIVERY_DEADLINE_MS): Promise<void> {
    try {
      await this.deliver(message, deadlineMs);
      await this.prisma.client.outboxMessage.update({ where: { id: message.id }, data: { dispatchedAt: new Date(), attempts: { increment: 1 }, lastError: null } });
    } catch (error) {
      const attempts = message.attempts + 1;
      const backoff = Math.min(1_000 * 2 ** attempts, MAX_BACKOFF_MS);
      await this.prisma.client.outboxMessage.update({
        where: { id: message.id },
        data: { attempts, lastError: String(error).slice(0, 2_000), availableAt: new Date(Date.now() + backoff) },
      });
      throw error;
    }
  }

  private async deliver(message: OutboxMessage, deadlineMs: number): Promise<void> {
    if (message.topic !== START_RECTIFICATION_TOPIC) throw new Error(`unknown outbox topic ${message.topic}`);
    const { workflowId, input } = message.payload as unknown as StartRectificationPayload;
    try {
      await this.temporal.withDeadline(deadlineMs, () =>
        this.temporal.client.workflow.start(RECTIFICATION_WORKFLOW_TYPE, {
          taskQueue: this.config.taskQueue,
          workflowId,
          args: [input],
          // Never a second workflow for the same review, even after the first has finished.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        }),
      );
      this.metrics.workflowsStarted.inc();
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
