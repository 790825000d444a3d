import { Injectable } from '@nestjs/common';
import { DomainHttpException } from '../../common/api-error';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { FixedWindowCounter } from './fixed-window-counter';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export const TOO_MANY_REQUESTS_MESSAGE = '请求过于频繁，请稍后再试';

export const tooManyRequests = () => new DomainHttpException(429, 'TOO_MANY_REQUESTS', TOO_MANY_REQUESTS_MESSAGE);

/**
 * The public intake's limits (AppConfig.limits), counted in this process: per client address over every public
 * POST, per phone hash over case look-ups and ratings carrying a phone, and per tracking code over failed status
 * look-ups (so the four digits that open a status page cannot be tried one after another). A limit of 0 is off.
 *
 * In memory on purpose: a hit costs a Map lookup, not a round trip. Several API instances each count on their own
 * (the effective limit is multiplied by their number); a shared store (PostgreSQL, Redis) would make every public
 * request pay a round trip to guard against floods that a per-instance limit already slows down.
 */
@Injectable()
export class IntakeRateLimiter {
  private readonly perAddress = new FixedWindowCounter(MINUTE_MS);
  private readonly perPhone = new FixedWindowCounter(HOUR_MS);
  private readonly statusFailures = new FixedWindowCounter(HOUR_MS);

  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Counts a public POST from `address`; the seconds to wait when it is over the limit, else undefined. */
  hitAddress(address: string): number | undefined {
    const limit = this.config.limits.publicRequestsPerMinute;
    if (limit === 0) return undefined;
    const now = this.clock.now().getTime();
    return this.perAddress.hit(address, limit, now) ? undefined : this.perAddress.secondsUntilReset(now);
  }

  /** Counts a look-up or a rating carrying the phone with this hash; 429 when over the limit. */
  hitPhone(phoneHash: string): void {
    const limit = this.config.limits.phoneRequestsPerHour;
    if (limit !== 0 && !this.perPhone.hit(phoneHash, limit, this.clock.now().getTime())) throw tooManyRequests();
  }

  /** 429 once a tracking code has had the phone-per-hour number of failed status look-ups in this hour. */
  checkStatusAttempts(trackingCode: string): void {
    const limit = this.config.limits.phoneRequestsPerHour;
    if (limit !== 0 && this.statusFailures.peek(trackingCode, this.clock.now().getTime()) >= limit) throw tooManyRequests();
  }

  recordStatusFailure(trackingCode: string): void {
    this.statusFailures.hit(trackingCode, Number.MAX_SAFE_INTEGER, this.clock.now().getTime());
  }
}
