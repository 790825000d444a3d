import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadWorkerConfig } from './config/worker-config';
import { startMetricsServer, workerMetricsRegistry } from './metrics/worker-metrics';
import { NotificationsPrisma } from './notifications/notifications-prisma.provider';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // The Temporal SDK's own metrics (task latencies, slots, polls) on their own Prometheus endpoint, when asked:
  // the runtime is installed once per process, before any worker or connection.
  if (process.env.TEMPORAL_METRICS_ADDRESS) {
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: process.env.TEMPORAL_METRICS_ADDRESS } } } });
  }
  const context = await NestFactory.createApplicationContext(WorkerModule.forConfig(loadWorkerConfig()));
  // SIGINT/SIGTERM → Nest closes the context → the worker drains its current tasks and stops.
  context.enableShutdownHooks();
  // GET /metrics on WORKER_METRICS_PORT (WORKER_METRICS_HOST, default 127.0.0.1); off when the port is not set.
  const metricsPort = process.env.WORKER_METRICS_PORT;
  const metrics = metricsPort
    ? await startMetricsServer(workerMetricsRegistry(context.get(NotificationsPrisma).client), Number(metricsPort), process.env.WORKER_METRICS_HOST ?? '127.0.0.1')
    : undefined;
  await context.get(TemporalWorkerService).whenStopped();
  await metrics?.close();
}

void bootstrap();
