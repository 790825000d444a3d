import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { firstOver, RateLimiter, tooManyRequests as tooManyRequestsAfter, type RateLimit } from '../../rate-limit/rate-limiter';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export const TOO_MANY_REQUESTS_MESSAGE = '请求过于频繁，请稍后再试';

/**
 * The public intake's limits (AppConfig.limits): per client address over every public POST, per phone hash over
 * case look-ups and ratings carrying a phone, and per tracking code over failed status look-ups (so the four digits
 * that open a status page cannot be tried one after another). A limit of 0 is off.
 *
 * Counted in PostgreSQL through the API's one RateLimiter, so several API instances enforce one limit (in memory,
 * each counted on its own and the effective limit was multiplied by their number). The price is one small upsert
 * per public POST, on the pool the review INSERT uses.
 */
@Injectable()
export class IntakeRateLimiter {
  private readonly perAddress: RateLimit;
  private readonly perPhone: RateLimit;
  private readonly statusFailures: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.perAddress = { name: 'intake.address', limit: config.limits.publicRequestsPerMinute, windowMs: MINUTE_MS };
    this.perPhone = { name: 'intake.phone', limit: config.limits.phoneRequestsPerHour, windowMs: HOUR_MS };
    this.statusFailures = { name: 'intake.status-failures', limit: config.limits.phoneRequestsPerHour, windowMs: HOUR_MS };
  }

  /** Counts a public POST from `address`; the seconds to wait when it is over the limit, else undefined. */
  async hitAddress(address: string): Promise<number | undefined> {
    return firstOver(await this.limiter.hit([{ limit: this.perAddress, subject: address }]))?.retryAfterSeconds;
  }

  /** Counts a look-up or a rating carrying the phone with this hash; 429 when over the limit. */
  async hitPhone(phoneHash: string): Promise<void> {
    const over = firstOver(await this.limiter.hit([{ limit: this.perPhone, subject: phoneHash }]));
    if (over) throw tooManyRequestsAfter(over.retryAfterSeconds, TOO_MANY_REQUESTS_MESSAGE);
  }

  /** 429 once a tracking code has had the phone-per-hour number of failed status look-ups in this hour. */
  async checkStatusAttempts(trackingCode: string): Promise<void> {
    const over = firstOver(await this.limiter.peek([{ limit: this.statusFailures, subject: trackingCode }]));
    if (over) throw tooManyRequestsAfter(over.retryAfterSeconds, TOO_MANY_REQUESTS_MESSAGE);
  }

  async recordStatusFailure(trackingCode: string): Promise<void> {
    await this.limiter.hit([{ limit: this.statusFailures, subject: trackingCode }]);
  }
}
