import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimiter } from './rate-limiter';
import { StaffWriteLimitInterceptor } from './staff-write-limit.interceptor';

/**
 * The one rate limiter (held in PostgreSQL, shared by every API process) and the limit on staff writes. Global:
 * the public intake, sign-in and the staff side all count through it.
 */
@Global()
@Module({
  providers: [RateLimiter, { provide: APP_INTERCEPTOR, useClass: StaffWriteLimitInterceptor }],
  exports: [RateLimiter],
})
export class RateLimitModule {}
