import { Logger } from '@nestjs/common';
import { maskPhone } from '@haochaping/privacy';
import { SmsDriver, type SmsMessage } from './sms.driver';

/**
 * The embedded default (SMS_DRIVER=log): a developer's machine has no gateway, so each SMS becomes one log line
 * with the number masked, and counts as sent.
 */
export class LogSmsDriver extends SmsDriver {
  private readonly logger = new Logger('Sms');

  send({ phone, text, templateId }: SmsMessage): Promise<void> {
    this.logger.log(`would send to ${maskPhone(phone)}: ${text} (template ${templateId})`);
    return Promise.resolve();
  }
}
