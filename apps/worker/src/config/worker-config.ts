import type { ExchangeDeliverySettings } from '@haochaping/contracts';
import { dataKeyRingFromEnv, type DataKeyRing } from '@haochaping/privacy/server';
import type { ExchangeDeliveryPolicy } from '../exchange/exchange.activities';
import { CHANNEL_MAPPING_NAMES, type ChannelMappingName, type ExchangeSender } from '../exchange/review-record';
import type { UpstreamSettings } from '../exchange/upstream-http.driver';
import type { IntakeSettings } from '../exchange/online-review-pull.activities';
import type { OnlineReviewPullSettings } from '../exchange/online-review-pull.contract';

export const SMS_DRIVERS = ['log', 'http'] as const;
export type SmsDriverName = (typeof SMS_DRIVERS)[number];

/** How the worker delivers notifications (README, "Configuration"); every field has a default. */
export interface NotificationSettings {
  /** `log` (default, embedded): logs each SMS with the number masked and sends nothing; `http`: the SMS gateway. */
  smsDriver: SmsDriverName;
  /** SMS_GATEWAY_URL and SMS_GATEWAY_KEY: required by the http driver. */
  smsGatewayUrl: string | null;
  smsGatewayKey: string | null;
  /** One gateway call may take this long before it counts as failed (SMS_TIMEOUT_MS). */
  smsTimeoutMs: number;
  /** Sends of one SMS before it is given up (SMS_MAX_ATTEMPTS); the row stays, marked failed. */
  smsMaxAttempts: number;
  /** Wait after the first failure, doubled after each further one (SMS_RETRY_BASE_MS). */
  smsRetryBaseMs: number;
  /** Pause between two passes over the due notifications (NOTIFICATION_POLL_MS). */
  notificationPollMs: number;
  /** Where citizens open the status page (PUBLIC_BASE_URL, the same as the API's): links in SMS. */
  publicBaseUrl: string;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  smsDriver: 'log',
  smsGatewayUrl: null,
  smsGatewayKey: null,
  smsTimeoutMs: 10_000,
  smsMaxAttempts: 6,
  smsRetryBaseMs: 30_000,
  notificationPollMs: 2_000,
  publicBaseUrl: 'http://127.0.0.1:5173',
};

/** The upward exchange (docs/EXCHANGE.md): on when UPSTREAM_URL is set (README, "Configuration"). */
export interface ExchangeConfig {
  upstream: UpstreamSettings;
  sender: ExchangeSender;
  policy: ExchangeDeliveryPolicy;
  delivery: ExchangeDeliverySettings;
  /** The pull driver of online reviews; null (the default, without EXCHANGE_PULL_API_KEY) pulls nothing. */
  pull: OnlineReviewPullConfig | null;
  /**
   * The delivery loop's workflow id: EXCHANGE_DELIVERY_WORKFLOW_ID (one per namespace) unless set. Tests that run
   * several workers on one Temporal namespace give each its own.
   */
  workflowId?: string;
}

/** Online reviews come down by pull (docs/EXCHANGE.md): on when EXCHANGE_PULL_API_KEY is set (with UPSTREAM_URL). */
export interface OnlineReviewPullConfig {
  intake: IntakeSettings;
  settings: OnlineReviewPullSettings;
  /** The pull loop's workflow id: ONLINE_REVIEW_PULL_WORKFLOW_ID unless set (tests sharing a namespace). */
  workflowId?: string;
}

export const DEFAULT_EXCHANGE = {
  timeoutMs: 10_000,
  batchSize: 100,
  intervalMs: 5_000,
  maxBackoffMs: 300_000,
  roundsPerRun: 500,
  maxAttempts: 5,
  deadLetterMs: 72 * 3_600_000,
  areaCode: '370829',
  dataSource: 'JXXHCP',
  channelMapping: 'national' as ChannelMappingName,
  pullIntakeUrl: 'http://127.0.0.1:3000/api',
  pullPageSize: 100,
  pullIntervalMs: 5 * 60_000,
  pullPagesPerRun: 500,
};

/** Everything the worker reads from its environment (README, "Configuration"). */
export class WorkerConfig {
  readonly notifications: NotificationSettings;
  /**
   * Appended to the ids of the county's Temporal Schedules (daily reconciliations, hourly invitations). Empty in every
   * deployment; the test stacks, which share one Temporal namespace, each set their own, so a schedule firing during
   * the run (02:30, 03:00 Asia/Shanghai, every hour) reaches only the stack that made it.
   */
  scheduleIdSuffix = '';

  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly temporalNamespace: string,
    readonly taskQueue: string,
    /** Open workflows kept in memory; each costs ~0.1-0.5 MB, so this bounds the worker's size. */
    readonly maxCachedWorkflows: number,
    /**
     * The keys of names and phones at rest (DATA_ENCRYPTION_KEY, PERSONAL_DATA_KEYS, PERSONAL_DATA_ACTIVE_KEY), to
     * send SMS to encrypted numbers; one key alone is a ring of one.
     */
    readonly dataKey: Buffer | DataKeyRing,
    /** Optional and last, so the positional callers (the API's end-to-end stack) keep the defaults. */
    notifications: Partial<NotificationSettings> = {},
    /** The upward exchange; null (the default) delivers nothing upward. */
    readonly exchange: ExchangeConfig | null = null,
  ) {
    this.notifications = { ...DEFAULT_NOTIFICATION_SETTINGS, ...notifications };
    const { smsDriver, smsGatewayUrl, smsGatewayKey } = this.notifications;
    if (!SMS_DRIVERS.includes(smsDriver)) throw new Error(`SMS_DRIVER must be one of ${SMS_DRIVERS.join(', ')}, got "${String(smsDriver)}"`);
    if (smsDriver === 'http' && (!smsGatewayUrl || !smsGatewayKey)) {
      throw new Error('SMS_DRIVER=http needs SMS_GATEWAY_URL and SMS_GATEWAY_KEY.');
    }
  }
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL).');
  const defaults = DEFAULT_NOTIFICATION_SETTINGS;
  return new WorkerConfig(
    databaseUrl,
    env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    env.TEMPORAL_NAMESPACE || 'default',
    env.TEMPORAL_TASK_QUEUE || 'rectification',
    Number(env.WORKER_MAX_CACHED_WORKFLOWS || 1000),
    dataKeyRingFromEnv(env),
    {
      smsDriver: (env.SMS_DRIVER || defaults.smsDriver) as SmsDriverName,
      smsGatewayUrl: env.SMS_GATEWAY_URL || null,
      smsGatewayKey: env.SMS_GATEWAY_KEY || null,
      smsTimeoutMs: positiveNumber(env, 'SMS_TIMEOUT_MS', defaults.smsTimeoutMs),
      smsMaxAttempts: positiveNumber(env, 'SMS_MAX_ATTEMPTS', defaults.smsMaxAttempts),
      smsRetryBaseMs: positiveNumber(env, 'SMS_RETRY_BASE_MS', defaults.smsRetryBaseMs),
      notificationPollMs: positiveNumber(env, 'NOTIFICATION_POLL_MS', defaults.notificationPollMs),
      publicBaseUrl: (env.PUBLIC_BASE_URL || defaults.publicBaseUrl).replace(/\/+$/, ''),
    },
    loadExchangeConfig(env),
  );
}

/** The exchange's settings, or null without UPSTREAM_URL (then nothing is delivered upward; rows wait). */
export function loadExchangeConfig(env: NodeJS.ProcessEnv): ExchangeConfig | null {
  const url = env.UPSTREAM_URL;
  if (!url) return null;
  const appKey = env.UPSTREAM_APP_KEY;
  if (!appKey) throw new Error('UPSTREAM_URL needs UPSTREAM_APP_KEY (the key the upstream issued to the county).');
  const d = DEFAULT_EXCHANGE;
  const batchSize = positiveNumber(env, 'EXCHANGE_BATCH_SIZE', d.batchSize);
  if (!Number.isInteger(batchSize) || batchSize > 500) throw new Error(`EXCHANGE_BATCH_SIZE must be a whole number from 1 to 500, got "${env.EXCHANGE_BATCH_SIZE}"`);
  const channelMapping = (env.EXCHANGE_CHANNEL_MAPPING || d.channelMapping) as ChannelMappingName;
  if (!CHANNEL_MAPPING_NAMES.includes(channelMapping)) throw new Error(`EXCHANGE_CHANNEL_MAPPING must be one of ${CHANNEL_MAPPING_NAMES.join(', ')}, got "${channelMapping}"`);
  return {
    upstream: { url: url.replace(/\/+$/, ''), appKey, timeoutMs: positiveNumber(env, 'EXCHANGE_TIMEOUT_MS', d.timeoutMs) },
    sender: { areaCode: env.EXCHANGE_AREA_CODE || d.areaCode, dataSource: env.EXCHANGE_DATA_SOURCE || d.dataSource, channelMapping },
    policy: { maxAttempts: positiveNumber(env, 'EXCHANGE_MAX_ATTEMPTS', d.maxAttempts), deadLetterMs: positiveNumber(env, 'EXCHANGE_DEAD_LETTER_MS', d.deadLetterMs) },
    delivery: {
      batchSize,
      intervalMs: positiveNumber(env, 'EXCHANGE_INTERVAL_MS', d.intervalMs),
      maxBackoffMs: positiveNumber(env, 'EXCHANGE_MAX_BACKOFF_MS', d.maxBackoffMs),
      roundsPerRun: d.roundsPerRun,
    },
    pull: loadPullConfig(env, positiveNumber(env, 'EXCHANGE_TIMEOUT_MS', d.timeoutMs)),
  };
}

function loadPullConfig(env: NodeJS.ProcessEnv, timeoutMs: number): OnlineReviewPullConfig | null {
  const apiKey = env.EXCHANGE_PULL_API_KEY;
  if (!apiKey) return null;
  const d = DEFAULT_EXCHANGE;
  const pageSize = positiveNumber(env, 'EXCHANGE_PULL_PAGE_SIZE', d.pullPageSize);
  if (!Number.isInteger(pageSize) || pageSize > 500) throw new Error(`EXCHANGE_PULL_PAGE_SIZE must be a whole number from 1 to 500, got "${env.EXCHANGE_PULL_PAGE_SIZE}"`);
  return {
    intake: { url: (env.EXCHANGE_PULL_INTAKE_URL || d.pullIntakeUrl).replace(/\/+$/, ''), apiKey, timeoutMs },
    settings: { pageSize, intervalMs: positiveNumber(env, 'EXCHANGE_PULL_INTERVAL_MS', d.pullIntervalMs), pagesPerRun: d.pullPagesPerRun },
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}
