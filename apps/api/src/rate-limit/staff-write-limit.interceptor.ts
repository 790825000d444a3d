import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, switchMap, type Observable } from 'rxjs';
import type { RequestWithActor } from '../actor/actor.guard';
import { AppConfig } from '../config/app-config';
import { firstOver, RateLimiter, tooManyRequests, type RateLimit } from './rate-limiter';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const STAFF_WRITE_LIMIT_MESSAGE = '操作过于频繁，请稍后再试';

/**
 * POST/PUT/PATCH/DELETE by a signed-in staff member, per user per minute (STAFF_WRITE_LIMIT_PER_MINUTE, generous:
 * no person clicks 120 actions a minute; a leaked token or a runaway script does). An interceptor because it runs
 * after the controller's guards, so the user is known (ActorGuard has verified the access token), and before the
 * body is validated or anything written. Counted only for access tokens: the development header (X-Dev-Actor,
 * refused in production) names no account, and integration clients (X-Api-Key) and the public pages have limits
 * of their own.
 */
@Injectable()
export class StaffWriteLimitInterceptor implements NestInterceptor {
  private readonly limit: RateLimit;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.limit = { name: 'staff.writes', limit: config.throttle.staffWritesPerMinute, windowMs: 60_000 };
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.limit.limit === 0) return next.handle();
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const userId = request.accessToken?.sub;
    if (!userId || !WRITE_METHODS.has(request.method)) return next.handle();
    return from(this.limiter.hit([{ limit: this.limit, subject: userId }])).pipe(
      switchMap((counts) => {
        const over = firstOver(counts);
        if (over) throw tooManyRequests(over.retryAfterSeconds, STAFF_WRITE_LIMIT_MESSAGE);
        return next.handle();
      }),
    );
  }
}
