import { randomBytes } from 'node:crypto';
import { EXCHANGE_DELIVERY_WORKFLOW_ID } from '@haochaping/contracts';
import { dataKeyRingFromEnv, type DataKeyRing } from '@haochaping/privacy/server';

/**
 * What the public intake (ratings, case look-ups, the status page) accepts from one source. The counters are held
 * in PostgreSQL (rate-limit/rate-limiter.ts), so with several API instances behind a balancer they enforce one limit.
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
   * `${publicBaseUrl}/citizen/i/<token>`, window QR codes to `${publicBaseUrl}/citizen/w/<hall>/<window>`.
   */
  readonly publicBaseUrl: string;
  /**
   * Proxies whose X-Forwarded-For names the client (TRUST_PROXY: comma-separated addresses or CIDRs). Only these
   * may speak for the client's address, which the per-address limit counts; anyone else could spoof it.
   * Default: loopback (the console's dev proxy, an nginx on the same host).
   */
  readonly trustProxy: string;
  /**
   * Browser origins allowed to call the API across origins (CORS_ORIGINS, comma-separated; default: the origin of
   * publicBaseUrl, where the console and the citizen pages are served). Any other origin gets no CORS headers, so
   * a browser refuses it the answer.
   */
  readonly corsOrigins?: readonly string[];
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  publicRequestsPerMinute: 60,
  phoneRequestsPerHour: 20,
  publicBodyLimitBytes: 8 * 1024,
  publicBaseUrl: 'http://127.0.0.1:5173',
  trustProxy: '127.0.0.1,::1',
};

/**
 * The limits that protect sign-in and the staff side, counted in PostgreSQL (rate-limit/rate-limiter.ts) like the
 * public intake's, so several API processes enforce one limit. A limit of 0 switches it off. Why sign-in is
 * limited this way (and no account is ever locked): auth/sign-in-throttle.ts and docs/DEPLOYMENT.md.
 */
export interface ThrottleSettings {
  /** Sign-in attempts from one client address per window, successes not counted (SIGN_IN_LIMIT_PER_ADDRESS). */
  readonly signInPerAddress: number;
  /** Failed sign-ins with one username from one address per window (SIGN_IN_LIMIT_PER_ACCOUNT_ADDRESS). */
  readonly signInPerAccountAddress: number;
  /**
   * Failed sign-ins with one username from every address per window (SIGN_IN_LIMIT_PER_ACCOUNT); once over, only
   * the addresses the account signed in from in the last `signInKnownAddressDays` days may still try.
   */
  readonly signInPerAccount: number;
  /** The sign-in windows' length in minutes (SIGN_IN_LIMIT_WINDOW_MINUTES). */
  readonly signInWindowMinutes: number;
  /** How long an address the account signed in from stays known-good (SIGN_IN_KNOWN_ADDRESS_DAYS). */
  readonly signInKnownAddressDays: number;
  /** POST/PUT/PATCH/DELETE per signed-in user per minute (STAFF_WRITE_LIMIT_PER_MINUTE). */
  readonly staffWritesPerMinute: number;
}

export const DEFAULT_THROTTLE_SETTINGS: ThrottleSettings = {
  signInPerAddress: 20,
  signInPerAccountAddress: 5,
  signInPerAccount: 10,
  signInWindowMinutes: 15,
  signInKnownAddressDays: 30,
  staffWritesPerMinute: 120,
};

/** Sign-in: the access tokens' signing secret and the lifetimes of both tokens. */
export interface AuthSettings {
  /**
   * HMAC-SHA256 key of the access tokens (AUTH_TOKEN_SECRET, at least 32 bytes; npm start generates one into
   * .data/secrets/). Required in production; elsewhere a random key per process when not given.
   */
  readonly tokenSecret: Buffer;
  /** Access token lifetime (15 minutes). */
  readonly accessTokenTtlSeconds: number;
  /** Refresh token lifetime, renewed on every rotation (12 hours: a working day, not overnight). */
  readonly refreshTokenTtlSeconds: number;
  /**
   * INITIAL_ADMIN_PASSWORD: when set and no ADMIN account exists, the API creates the account `admin` with it at
   * start (must be changed at the first sign-in). npm start in production mode generates one and prints it once.
   */
  readonly initialAdminPassword?: string;
}

/** The fixed secret the tests sign tokens with; never used outside tests. */
export const TEST_AUTH_TOKEN_SECRET = Buffer.from('haochaping-test-auth-token-secret-0123456789', 'utf8');

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
    /**
     * The keys of names and phones at rest: DATA_ENCRYPTION_KEY (npm start generates one into .data/), with
     * PERSONAL_DATA_KEYS and PERSONAL_DATA_ACTIVE_KEY once a key was rotated; one key alone is a ring of one.
     */
    readonly dataKey: Buffer | DataKeyRing,
    /** Public intake limits and links; whatever is not given keeps its default (DEFAULT_INTAKE_LIMITS). */
    limits: Partial<IntakeLimits> = {},
    /** Sign-in settings; whatever is not given keeps its default (a random secret per process, 15 min, 12 h). */
    auth: Partial<AuthSettings> = {},
    /** Sign-in and staff-write limits; whatever is not given keeps its default (DEFAULT_THROTTLE_SETTINGS). */
    throttle: Partial<ThrottleSettings> = {},
  ) {
    const merged = { ...DEFAULT_INTAKE_LIMITS, ...limits };
    this.limits = { ...merged, corsOrigins: merged.corsOrigins ?? [new URL(merged.publicBaseUrl).origin] };
    this.auth = { tokenSecret: randomBytes(32), accessTokenTtlSeconds: 15 * 60, refreshTokenTtlSeconds: 12 * 3600, ...auth };
    this.throttle = { ...DEFAULT_THROTTLE_SETTINGS, ...throttle };
    if (this.throttle.signInWindowMinutes < 1) throw new Error('SIGN_IN_LIMIT_WINDOW_MINUTES must be at least 1.');
  }

  readonly limits: IntakeLimits & { readonly corsOrigins: readonly string[] };
  readonly auth: AuthSettings;
  readonly throttle: ThrottleSettings;
  /**
   * The workflow id of the exchange's delivery loop, told to send now after a re-send (上报管理): the one per
   * namespace the worker starts. Only tests that run several workers on one namespace give each its own.
   */
  readonly exchangeDeliveryWorkflowId: string = EXCHANGE_DELIVERY_WORKFLOW_ID;
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
    dataKeyRingFromEnv(env),
    {
      ...(env.PUBLIC_RATE_LIMIT_PER_MINUTE ? { publicRequestsPerMinute: nonNegativeInteger(env.PUBLIC_RATE_LIMIT_PER_MINUTE, 'PUBLIC_RATE_LIMIT_PER_MINUTE') } : {}),
      ...(env.PHONE_LOOKUP_LIMIT_PER_HOUR ? { phoneRequestsPerHour: nonNegativeInteger(env.PHONE_LOOKUP_LIMIT_PER_HOUR, 'PHONE_LOOKUP_LIMIT_PER_HOUR') } : {}),
      ...(env.PUBLIC_BODY_LIMIT_BYTES ? { publicBodyLimitBytes: nonNegativeInteger(env.PUBLIC_BODY_LIMIT_BYTES, 'PUBLIC_BODY_LIMIT_BYTES') } : {}),
      ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, '') } : {}),
      ...(env.TRUST_PROXY ? { trustProxy: env.TRUST_PROXY } : {}),
      ...(env.CORS_ORIGINS ? { corsOrigins: origins(env.CORS_ORIGINS) } : {}),
    },
    authSettingsFromEnv(env),
    throttleSettingsFromEnv(env),
  );
}

const THROTTLE_VARIABLES: ReadonlyArray<[keyof ThrottleSettings, string]> = [
  ['signInPerAddress', 'SIGN_IN_LIMIT_PER_ADDRESS'],
  ['signInPerAccountAddress', 'SIGN_IN_LIMIT_PER_ACCOUNT_ADDRESS'],
  ['signInPerAccount', 'SIGN_IN_LIMIT_PER_ACCOUNT'],
  ['signInWindowMinutes', 'SIGN_IN_LIMIT_WINDOW_MINUTES'],
  ['signInKnownAddressDays', 'SIGN_IN_KNOWN_ADDRESS_DAYS'],
  ['staffWritesPerMinute', 'STAFF_WRITE_LIMIT_PER_MINUTE'],
];

function throttleSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<ThrottleSettings> {
  const settings: Partial<Record<keyof ThrottleSettings, number>> = {};
  for (const [field, name] of THROTTLE_VARIABLES) {
    const value = env[name];
    if (value) settings[field] = nonNegativeInteger(value, name);
  }
  return settings;
}

/** AUTH_TOKEN_SECRET: base64 or any text of at least 32 bytes; required in production (APP_MODE=production). */
function authSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<AuthSettings> {
  const initial = env.INITIAL_ADMIN_PASSWORD ? { initialAdminPassword: env.INITIAL_ADMIN_PASSWORD } : {};
  const secret = env.AUTH_TOKEN_SECRET;
  if (!secret) {
    if (env.APP_MODE === 'production') throw new Error('AUTH_TOKEN_SECRET is required in production (at least 32 random bytes, e.g. `openssl rand -base64 32`).');
    return initial;
  }
  const tokenSecret = Buffer.from(secret, 'utf8');
  if (tokenSecret.length < 32) throw new Error('AUTH_TOKEN_SECRET must be at least 32 bytes long.');
  return { tokenSecret, ...initial };
}

/** CORS_ORIGINS: comma-separated origins (scheme://host[:port]), each checked. */
function origins(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map((origin) => {
      const parsed = URL.canParse(origin) ? new URL(origin) : null;
      if (!parsed || parsed.origin !== origin) throw new Error(`CORS_ORIGINS must list origins like https://hcp.jiaxiang.gov.cn, got ${JSON.stringify(origin)}`);
      return origin;
    });
}

function nonNegativeInteger(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return number;
}
