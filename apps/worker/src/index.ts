// What other workspaces (the API's end-to-end tests) may use to run this worker in-process.
export { WorkerModule } from './worker.module';
export { WorkerConfig, loadWorkerConfig, loadExchangeConfig, type ExchangeConfig } from './config/worker-config';
export { TemporalWorkerService } from './temporal/temporal-worker.service';
export { createRectificationActivities } from './activities/rectification.activities';
export { NotificationDriver } from './notifications/notification.driver';
export { LogNotificationDriver } from './notifications/log-notification.driver';
export { workerMetricsRegistry, startMetricsServer, type MetricsServer } from './metrics/worker-metrics';
export { UpstreamHttpDriver } from './exchange/upstream-http.driver';
export { createOnlineReviewPullActivities, IntakeHttpClient, ONLINE_REVIEWS_SOURCE } from './exchange/online-review-pull.activities';
