import { dataKeyFromEnv } from '@haochaping/privacy';

/**
 * Everything the API reads from its environment, in one typed object (README, "Configuration").
 * Injected by its class, so services never touch process.env.
 */
export class AppConfig {
  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly temporalNamespace: string,
    readonly taskQueue: string,
    readonly port: number,
    readonly host: string,
    readonly bodyLimitBytes: number,
    readonly outboxPollMs: number,
    readonly production: boolean,
    /** 256-bit key for names and phones at rest (DATA_ENCRYPTION_KEY; npm start generates one into .data/). */
    readonly dataKey: Buffer,
  ) {}
}

export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required (npm start sets it for the embedded PostgreSQL).');
  return new AppConfig(
    databaseUrl,
    env.TEMPORAL_ADDRESS || '127.0.0.1:7233',
    env.TEMPORAL_NAMESPACE || 'default',
    env.TEMPORAL_TASK_QUEUE || 'rectification',
    Number(env.API_PORT || 3000),
    env.API_HOST || '127.0.0.1',
    Number(env.API_BODY_LIMIT_BYTES || 64 * 1024),
    Number(env.OUTBOX_POLL_MS || 2000),
    env.APP_MODE === 'production',
    dataKeyFromEnv(env),
  );
}
