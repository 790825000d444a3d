// What other workspaces (the API's end-to-end tests) may use to run this worker in-process.
export { WorkerModule } from './worker.module';
export { WorkerConfig, loadWorkerConfig, type ExchangeConfig } from './config/worker-config';
export { TemporalWorkerService } from './temporal/temporal-worker.service';
export { createRectificationActivities } from './activities/rectification.activities';
export { NotificationDriver } from './notifications/notification.driver';
export { LogNotificationDriver } from './notifications/log-notification.driver';
export { workerMetricsRegistry, startMetricsServer, type MetricsServer } from './metrics/worker-metrics';
