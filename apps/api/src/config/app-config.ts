import { dataKeyFromEnv } from '@haochaping/privacy';

/**
 * What the public intake (ratings, case look-ups, the status page) accepts from one source. The counters live in
 * each API process (fixed windows in memory): with several API instances behind a balancer each counts on its own,
 * so the effective limit is the configured one times the number of instances.
 */
export interface IntakeLimits {
  /** POSTs to /api/public/* per client address per minute (PUBLIC_RATE_LIMIT_PER_MINUTE; 0 switches it off). */
  readonly publicRequestsPerMinute: number;
  /** Case look-ups and ratings carrying one phone number, per hour (PHONE_LOOKUP_LIMIT_PER_HOUR; 0 switches it off). */
  readonly phoneRequestsPerHour: number;
  /** Largest body a /api/public/* POST may have (PUBLIC_BODY_LIMIT_BYTES; 0 leaves only the global API_BODY_LIMIT_BYTES). */
  readonly publicBodyLimitBytes: number;
  /**
   * Where citizens open the public pages (PUBLIC_BASE_URL, no trailing slash): rating invitations link to
   * `${publicBaseUrl}/citizen/i/<token>`.
   */
  readonly publicBaseUrl: string;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  publicRequestsPerMinute: 60,
  phoneRequestsPerHour: 20,
  publicBodyLimitBytes: 8 * 1024,
  publicBaseUrl: 'http://127.0.0.1:3000',
};

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
    /** Public intake limits and links; whatever is not given keeps its default (DEFAULT_INTAKE_LIMITS). */
    limits: Partial<IntakeLimits> = {},
  ) {
    this.limits = { ...DEFAULT_INTAKE_LIMITS, ...limits };
  }

  readonly limits: IntakeLimits;
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
    {
      ...(env.PUBLIC_RATE_LIMIT_PER_MINUTE ? { publicRequestsPerMinute: nonNegativeInteger(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 'PUBLIC_RATE_LIMIT_PER_MINUTE') } : {}),
      ...(env.PHONE_LOOKUP_LIMIT_PER_HOUR ? { phoneRequestsPerHour: nonNegativeInteger(env.PHONE_LOOKUP_LIMIT_PER_HOUR, 'PHONE_LOOKUP_LIMIT_PER_HOUR') } : {}),
      ...(env.PUBLIC_BODY_LIMIT_BYTES ? { publicBodyLimitBytes: nonNegativeInteger(env.PUBLIC_BODY_LIMIT_BYTES, 'PUBLIC_BODY_LIMIT_BYTES') } : {}),
      ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
    },
  );
}

function nonNegativeInteger(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return number;
}
