import type { NotificationRequest } from '@haochaping/contracts';
import type { WorkingTime } from '@haochaping/working-time';

/** What the `notify` activity knows beside the request: the case hall's working time (its cached calendar). */
export interface NotificationContext {
  workingTime: () => Promise<WorkingTime>;
}

/**
 * Delivers a case notification to the people of a role at a hall (or to the reviewer). The abstract class is the
 * Nest DI token; the SMS/notification module (its own issue) provides a real driver in place of the log driver.
 */
export abstract class NotificationDriver {
  abstract send(request: NotificationRequest, context?: NotificationContext): Promise<void>;
}
