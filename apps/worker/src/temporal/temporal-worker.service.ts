import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { EXCHANGE_DELIVERY_WORKFLOW_ID, type ExchangeDeliveryInput, type RectificationActivities } from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { RectificationActivitiesProvider } from '../activities/rectification-activities.provider';
import { ExchangeActivitiesProvider } from '../exchange/exchange-activities.provider';

/** Owns the Temporal worker: created when the Nest context boots, drained when it shuts down. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    private readonly config: WorkerConfig,
    private readonly activities: RectificationActivitiesProvider,
    private readonly exchange: ExchangeActivitiesProvider,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const activities: RectificationActivities = this.activities.activities;
    const exchangeActivities = this.exchange.activities ?? {};
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      workflowsPath: require.resolve('@haochaping/workflows'),
      activities: { ...activities, ...exchangeActivities },
      maxCachedWorkflows: this.config.maxCachedWorkflows,
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(`polling task queue "${this.config.taskQueue}" at ${this.config.temporalAddress}`);
    await this.keepExchangeDelivery();
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
    const connection = await Connection.connect({ address: this.config.temporalAddress });
    try {
      const input: ExchangeDeliveryInput = { settings: exchange.delivery };
      await new Client({ connection, namespace: this.config.temporalNamespace }).workflow.start('exchangeDeliveryWorkflow', {
        workflowId: EXCHANGE_DELIVERY_WORKFLOW_ID,
        taskQueue: this.config.taskQueue,
        args: [input],
      });
      this.logger.log(`upward exchange to ${exchange.upstream.url} started`);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      this.logger.log(`upward exchange to ${exchange.upstream.url} already running`);
    } finally {
      await connection.close();
    }
  }

  /** Resolves when the worker has stopped (after shutdown, or on a fatal error). */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
