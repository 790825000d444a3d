/**
 * The API's source of "now", injected by its class so that time-dependent answers (which calendar years are
 * overdue for their notice) can be tested at a chosen moment. createApp takes a replacement.
 */
export class Clock {
  now(): Date {
    return new Date();
  }
}
