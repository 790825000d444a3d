import { Injectable, Logger } from '@nestjs/common';
import type { NotificationRequest } from '@haochaping/contracts';
import { NotificationDriver } from './notification.driver';

/**
 * The log driver: writes each notification as one structured log line and delivers nothing. It stands in until the
 * SMS/notification module exists, so the workflow's reminders and escalations are visible in the worker's log.
 * The request carries no personal data (role and hall only), so the line may be logged as it is.
 */
@Injectable()
export class LogNotificationDriver extends NotificationDriver {
  private readonly logger = new Logger('Notification');

  send(request: NotificationRequest): Promise<void> {
    this.logger.log(JSON.stringify({ event: 'notification', driver: 'log', ...request }));
    return Promise.resolve();
  }
}
