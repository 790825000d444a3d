import { DataProtector, parseDataKey, randomDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { DEFAULT_NOTIFICATION_SETTINGS, loadWorkerConfig, WorkerConfig } from './worker-config';

describe('the worker configuration of notifications', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/x', DATA_ENCRYPTION_KEY: TEST_DATA_KEY };

  it('delivers SMS through the log driver by default', () => {
    expect(loadWorkerConfig(base).notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(DEFAULT_NOTIFICATION_SETTINGS.smsDriver).toBe('log');
  });

  it('reads the personal-data key ring like the API (DATA_ENCRYPTION_KEY, PERSONAL_DATA_KEYS, PERSONAL_DATA_ACTIVE_KEY)', () => {
    const ring = loadWorkerConfig({ ...base, PERSONAL_DATA_KEYS: `k2:${randomDataKey()}`, PERSONAL_DATA_ACTIVE_KEY: 'k2' }).dataKey;
    expect(new DataProtector(ring).keyIds).toEqual(['legacy', 'k2']);
    expect(new DataProtector(ring).activeKeyId).toBe('k2');
    expect(() => loadWorkerConfig({ ...base, PERSONAL_DATA_ACTIVE_KEY: 'k2' })).toThrow(/PERSONAL_DATA_ACTIVE_KEY=k2 names no key/);
  });

  it('keeps the positional constructor: callers without settings get the defaults', () => {
    const config = new WorkerConfig('postgresql://x', '127.0.0.1:7233', 'default', 'q', 10, parseDataKey(TEST_DATA_KEY));
    expect(config.notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it('reads the HTTP gateway and the timings from the environment', () => {
    const config = loadWorkerConfig({
      ...base,
      SMS_DRIVER: 'http',
      SMS_GATEWAY_URL: 'https://sms.example.cn/send',
      SMS_GATEWAY_KEY: 'secret',
      SMS_TIMEOUT_MS: '5000',
      SMS_MAX_ATTEMPTS: '4',
      SMS_RETRY_BASE_MS: '1000',
      NOTIFICATION_POLL_MS: '500',
      PUBLIC_BASE_URL: 'https://hcp.example.cn/',
    });
    expect(config.notifications).toEqual({
      smsDriver: 'http',
      smsGatewayUrl: 'https://sms.example.cn/send',
      smsGatewayKey: 'secret',
      smsTimeoutMs: 5000,
      smsMaxAttempts: 4,
      smsRetryBaseMs: 1000,
      notificationPollMs: 500,
      publicBaseUrl: 'https://hcp.example.cn',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['an unknown driver', { SMS_DRIVER: 'pigeon' }, /SMS_DRIVER must be one of log, http/],
    ['the http driver without its URL', { SMS_DRIVER: 'http', SMS_GATEWAY_KEY: 'k' }, /needs SMS_GATEWAY_URL and SMS_GATEWAY_KEY/],
    ['the http driver without its key', { SMS_DRIVER: 'http', SMS_GATEWAY_URL: 'https://sms.example.cn' }, /needs SMS_GATEWAY_URL and SMS_GATEWAY_KEY/],
    ['a poll interval that is not a number', { NOTIFICATION_POLL_MS: 'often' }, /NOTIFICATION_POLL_MS must be a positive number/],
    ['zero attempts', { SMS_MAX_ATTEMPTS: '0' }, /SMS_MAX_ATTEMPTS must be a positive number/],
  ])('refuses to start with %s', (_label, env, message) => {
    expect(() => loadWorkerConfig({ ...base, ...env })).toThrow(message);
  });
});

describe('the worker configuration of the upward exchange', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/x', DATA_ENCRYPTION_KEY: TEST_DATA_KEY };
  const upstream = { ...base, UPSTREAM_URL: 'http://127.0.0.1:7300/', UPSTREAM_APP_KEY: 'k' };

  it('is off without UPSTREAM_URL (outbox rows wait)', () => {
    expect(loadWorkerConfig(base).exchange).toBeNull();
  });

  it('has defaults for everything but the URL and the key', () => {
    expect(loadWorkerConfig(upstream).exchange).toEqual({
      upstream: { url: 'http://127.0.0.1:7300', appKey: 'k', timeoutMs: 10_000 },
      sender: { areaCode: '370829', dataSource: 'JXXHCP', channelMapping: 'national' },
      policy: { maxAttempts: 5, deadLetterMs: 72 * 3_600_000 },
      delivery: { batchSize: 100, intervalMs: 5_000, maxBackoffMs: 300_000, roundsPerRun: 500 },
      pull: null,
    });
  });

  it('pulls online reviews with EXCHANGE_PULL_API_KEY: the intake URL, page size and interval have defaults', () => {
    expect(loadWorkerConfig({ ...upstream, EXCHANGE_PULL_API_KEY: 'hcpk_x' }).exchange?.pull).toEqual({
      intake: { url: 'http://127.0.0.1:3000/api', apiKey: 'hcpk_x', timeoutMs: 10_000 },
      settings: { pageSize: 100, intervalMs: 300_000, pagesPerRun: 500 },
    });
    const config = loadWorkerConfig({ ...upstream, EXCHANGE_PULL_API_KEY: 'hcpk_x', EXCHANGE_PULL_INTAKE_URL: 'http://api:3000/api/', EXCHANGE_PULL_PAGE_SIZE: '50', EXCHANGE_PULL_INTERVAL_MS: '60000' });
    expect(config.exchange?.pull).toMatchObject({ intake: { url: 'http://api:3000/api' }, settings: { pageSize: 50, intervalMs: 60_000 } });
  });

  it('reads batch size, interval, back-off, attempts and the dead-letter time from the environment', () => {
    const config = loadWorkerConfig({ ...upstream, EXCHANGE_BATCH_SIZE: '500', EXCHANGE_INTERVAL_MS: '1000', EXCHANGE_MAX_BACKOFF_MS: '60000', EXCHANGE_MAX_ATTEMPTS: '3', EXCHANGE_DEAD_LETTER_MS: '3600000', EXCHANGE_TIMEOUT_MS: '2000' });
    expect(config.exchange).toMatchObject({ upstream: { timeoutMs: 2000 }, policy: { maxAttempts: 3, deadLetterMs: 3_600_000 }, delivery: { batchSize: 500, intervalMs: 1000, maxBackoffMs: 60_000 } });
  });

  it.each([
    ['UPSTREAM_URL without a key', { UPSTREAM_APP_KEY: '' }, /UPSTREAM_APP_KEY/],
    ['a batch over the upstream’s 500', { EXCHANGE_BATCH_SIZE: '501' }, /EXCHANGE_BATCH_SIZE/],
    ['a fractional batch', { EXCHANGE_BATCH_SIZE: '1.5' }, /EXCHANGE_BATCH_SIZE/],
    ['a zero interval', { EXCHANGE_INTERVAL_MS: '0' }, /EXCHANGE_INTERVAL_MS/],
    ['an unknown channel mapping', { EXCHANGE_CHANNEL_MAPPING: 'taian' }, /EXCHANGE_CHANNEL_MAPPING/],
    ['a pull page over the upstream’s 500', { EXCHANGE_PULL_API_KEY: 'k', EXCHANGE_PULL_PAGE_SIZE: '501' }, /EXCHANGE_PULL_PAGE_SIZE/],
    ['a zero pull interval', { EXCHANGE_PULL_API_KEY: 'k', EXCHANGE_PULL_INTERVAL_MS: '0' }, /EXCHANGE_PULL_INTERVAL_MS/],
  ])('refuses %s', (_what, change, message) => {
    expect(() => loadWorkerConfig({ ...upstream, ...change })).toThrow(message);
  });
});
