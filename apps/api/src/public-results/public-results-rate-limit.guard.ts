import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { firstOver, RateLimiter, tooManyRequests, type RateLimit } from '../rate-limit/rate-limiter';

const MINUTE_MS = 60_000;

/**
 * The public results' limit per client address: as many requests a minute as the public intake allows
 * (PUBLIC_RATE_LIMIT_PER_MINUTE), counted in PostgreSQL by the API's one RateLimiter under a name of its own, so a
 * hall's screen or a crowd reading results on the hall's network never uses up the ratings' allowance. 429 with
 * Retry-After when over; a limit of 0 is off. A 304 counts like a 200 (it costs the same figures).
 */
@Injectable()
export class PublicResultsRateLimitGuard implements CanActivate {
  private readonly perAddress: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.perAddress = { name: 'public-results.address', limit: config.limits.publicRequestsPerMinute, windowMs: MINUTE_MS };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const over = firstOver(await this.limiter.hit([{ limit: this.perAddress, subject: request.ip }]));
    if (over) throw tooManyRequests(over.retryAfterSeconds);
    return true;
  }
}
