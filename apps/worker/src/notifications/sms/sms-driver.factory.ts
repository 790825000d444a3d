import type { NotificationSettings } from '../../config/worker-config';
import { HttpSmsDriver } from './http-sms.driver';
import { LogSmsDriver } from './log-sms.driver';
import type { SmsDriver } from './sms.driver';

/** The driver SMS_DRIVER names (WorkerConfig has already checked that `http` comes with its URL and key). */
export function createSmsDriver(settings: NotificationSettings): SmsDriver {
  if (settings.smsDriver === 'http' && settings.smsGatewayUrl && settings.smsGatewayKey) {
    return new HttpSmsDriver({ url: settings.smsGatewayUrl, key: settings.smsGatewayKey, timeoutMs: settings.smsTimeoutMs });
  }
  return new LogSmsDriver();
}
