import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig } from './config/worker-config';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forConfig(loadWorkerConfig()));
  // SIGINT/SIGTERM → Nest closes the context → the worker drains its current tasks and stops.
  context.enableShutdownHooks();
  await context.get(TemporalWorkerService).whenStopped();
}

void bootstrap();
