import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { RectificationActivities } from '@haochaping/contracts';
import { WorkerConfig } from '../config/worker-config';
import { RectificationActivitiesProvider } from '../activities/rectification-activities.provider';

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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const activities: RectificationActivities = this.activities.activities;
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      workflowsPath: require.resolve('@haochaping/workflows'),
      activities,
      maxCachedWorkflows: this.config.maxCachedWorkflows,
    });
    this.running = this.worker.run();
    this.running.catch((error: unknown) => {
      this.logger.error(`worker stopped with an error: ${String(error)}`);
      process.exitCode = 1;
    });
    this.logger.log(`polling task queue "${this.config.taskQueue}" at ${this.config.temporalAddress}`);
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
