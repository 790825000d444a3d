import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  EXCHANGE_DELIVERY_WORKFLOW_ID,
  EXCHANGE_RECONCILIATION_SCHEDULE_ID,
  READ_MODEL_RECONCILIATION_SCHEDULE_ID,
  type ExchangeDeliveryInput,
  type RectificationActivities,
} from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { RectificationActivitiesProvider } from '../activities/rectification-activities.provider';
import { ExchangeActivitiesProvider } from '../exchange/exchange-activities.provider';
import { ONLINE_REVIEW_PULL_WORKFLOW_ID, type OnlineReviewPullInput } from '../exchange/online-review-pull.contract';
import { ExchangeReconciliationProvider } from '../exchange-reconciliation/exchange-reconciliation.provider';
import { ensureExchangeReconciliationSchedule } from '../exchange-reconciliation/exchange-reconciliation.schedule';
import { FigureDaysProvider } from '../figure-days/figure-days.provider';
import { ensureFigureDaysSchedule, FIGURE_DAYS_SCHEDULE_ID } from '../figure-days/figure-days.schedule';
import { RatingInvitationRemindersProvider } from '../invitation-reminders/rating-invitation-reminders.provider';
import { ensureRatingInvitationRemindersSchedule, RATING_INVITATION_REMINDERS_SCHEDULE_ID } from '../invitation-reminders/rating-invitation-reminders.schedule';
import { ReadModelReconciliationProvider } from '../read-model-reconciliation/read-model-reconciliation.provider';
import { ensureReadModelReconciliationSchedule } from '../read-model-reconciliation/read-model-reconciliation.schedule';

/**
 * Owns the Temporal worker: created when the Nest context boots, drained first when it shuts down.
 *
 * Shutdown order is the contract: Nest runs every onModuleDestroy before any onApplicationShutdown, so the worker
 * drains here, in the first phase, and the database clients its activities use close in onApplicationShutdown.
 * Closed the other way round, an activity still running met a closed client, and a Prisma transaction on it never
 * settled, so the worker (and the process, or a test's afterAll) waited for ever.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly config: WorkerConfig,
    private readonly activities: RectificationActivitiesProvider,
    private readonly invitationReminders: RatingInvitationRemindersProvider,
    private readonly exchange: ExchangeActivitiesProvider,
    private readonly reconciliation: ReadModelReconciliationProvider,
    private readonly exchangeReconciliation: ExchangeReconciliationProvider,
    private readonly figureDays: FigureDaysProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const activities: RectificationActivities = this.activities.activities;
    const exchangeActivities = this.exchange.activities ?? {};
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      workflowsPath: require.resolve('./workflows'),
      activities: { ...activities, ...this.invitationReminders.activities, ...exchangeActivities, ...this.reconciliation.activities, ...this.exchangeReconciliation.activities, ...this.figureDays.activities },
      maxCachedWorkflows: this.config.maxCachedWorkflows,
      // On shutdown, activities still running get this long to finish before they are cancelled; none of ours runs
      // long (an upstream call has its own timeout), and what is cut short Temporal retries on another worker.
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(`polling task queue "${this.config.taskQueue}" at ${this.config.temporalAddress}`);
    // The SMS invitations' schedule, created or brought up to date at every start; without it the rectification
    // workflows still run, so a failure is logged rather than stopping the worker.
    try {
      const outcome = await ensureRatingInvitationRemindersSchedule(this.connection, this.config.temporalNamespace, this.config.taskQueue, `${RATING_INVITATION_REMINDERS_SCHEDULE_ID}${this.config.scheduleIdSuffix}`);
      this.logger.log(`rating invitation schedule ${outcome}`);
    } catch (error) {
      this.logger.error(`rating invitation schedule not set up: ${String(error)}`);
    }
    // The read model's daily reconciliation, likewise: the cases run without it.
    try {
      const outcome = await ensureReadModelReconciliationSchedule(this.connection, this.config.temporalNamespace, this.config.taskQueue, `${READ_MODEL_RECONCILIATION_SCHEDULE_ID}${this.config.scheduleIdSuffix}`);
      this.logger.log(`read model reconciliation schedule ${outcome}`);
    } catch (error) {
      this.logger.error(`read model reconciliation schedule not set up: ${String(error)}`);
    }
    // The results' daily aggregates, likewise: figures are counted live without them, only slower.
    try {
      const outcome = await ensureFigureDaysSchedule(this.connection, this.config.temporalNamespace, this.config.taskQueue, `${FIGURE_DAYS_SCHEDULE_ID}${this.config.scheduleIdSuffix}`);
      this.logger.log(`figure days schedule ${outcome}`);
    } catch (error) {
      this.logger.error(`figure days schedule not set up: ${String(error)}`);
    }
    await this.keepExchangeDelivery();
    await this.keepOnlineReviewPull();
    // The exchange's daily count reconciliation, with an upstream to count against; the delivery runs without it.
    if (this.config.exchange) {
      try {
        const outcome = await ensureExchangeReconciliationSchedule(this.connection, this.config.temporalNamespace, this.config.taskQueue, `${EXCHANGE_RECONCILIATION_SCHEDULE_ID}${this.config.scheduleIdSuffix}`);
        this.logger.log(`exchange reconciliation schedule ${outcome}`);
      } catch (error) {
        this.logger.error(`exchange reconciliation schedule not set up: ${String(error)}`);
      }
    }
  }

  /** Starts the pull of online reviews unless it runs already (one per namespace): with EXCHANGE_PULL_API_KEY only. */
  private async keepOnlineReviewPull(): Promise<void> {
    const pull = this.config.exchange?.pull;
    if (!pull) return;
    const input: OnlineReviewPullInput = { settings: pull.settings };
    await this.keepRunning('onlineReviewPullWorkflow', pull.workflowId ?? ONLINE_REVIEW_PULL_WORKFLOW_ID, input, 'pull of online reviews');
  }

  /**
   * Starts the upward exchange's delivery loop unless it runs already (one per namespace, whichever worker started
   * it): with UPSTREAM_URL only. A running loop keeps the settings it was started with until it continues as new.
   */
  private async keepExchangeDelivery(): Promise<void> {
    const exchange = this.config.exchange;
    if (!exchange) {
      this.logger.log('UPSTREAM_URL not set: no upward exchange (outbox rows wait)');
      return;
    }
    const input: ExchangeDeliveryInput = { settings: exchange.delivery };
    await this.keepRunning('exchangeDeliveryWorkflow', exchange.workflowId ?? EXCHANGE_DELIVERY_WORKFLOW_ID, input, `upward exchange to ${exchange.upstream.url}`);
  }

  /** Starts a long-running loop on this worker's task queue unless one with its id runs already. */
  private async keepRunning(workflowType: string, workflowId: string, input: unknown, what: string): Promise<void> {
    const connection = await Connection.connect({ address: this.config.temporalAddress });
    try {
      await new Client({ connection, namespace: this.config.temporalNamespace }).workflow.start(workflowType, { workflowId, taskQueue: this.config.taskQueue, args: [input] });
      this.logger.log(`${what} started`);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.logger.log(`${what} already running`);
    } finally {
      await connection.close();
    }
  }

  /** Resolves when the worker has stopped (after shutdown, or on a fatal error). */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
