import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { DEFAULT_NOTIFICATION_SETTINGS, loadWorkerConfig, WorkerConfig } from './worker-config';

describe('the worker configuration of notifications', () => {
  const base = { DATABASE_URL: 'postgresql://localhost/x', DATA_ENCRYPTION_KEY: TEST_DATA_KEY };

  it('delivers SMS through the log driver by default', () => {
    expect(loadWorkerConfig(base).notifications).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    expect(DEFAULT_NOTIFICATION_SETTINGS.smsDriver).toBe('log');
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
