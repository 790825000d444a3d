import { Global, Module } from '@nestjs/common';
import { AccessTokenService } from './access-token';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { InitialAdminService } from './initial-admin.service';
import { SignInThrottle } from './sign-in-throttle';
import { UserSessionCache } from './user-session-cache';

/**
 * Sign-in (POST /api/auth/*). Global, because the actor guard that every module's controllers use needs the token
 * verifier and the session cache.
 */
@Global()
@Module({
  controllers: [AuthController],
  providers: [AccessTokenService, UserSessionCache, AuthService, InitialAdminService, SignInThrottle],
  exports: [AccessTokenService, UserSessionCache],
})
export class AuthModule {}
