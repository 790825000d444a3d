import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowPendingPasswordChange, ActorGuard, type RequestWithActor } from '../actor/actor.guard';
import { ApiError, DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { AccessTokenService, type AccessTokenClaims } from './access-token';
import { AuthService, type IssuedSession } from './auth.service';
import { AuthUserResponse, ChangePasswordDto, LoginDto, LoginResponse } from './dto/auth.dto';
import { clearRefreshCookie, readRefreshCookie, REFRESH_COOKIE_SCHEME, setRefreshCookie } from './refresh-cookie';
import { requestContext } from './request-context';

/** Access tokens come only from sign-in, not from the development header. */
function signedInClaims(request: RequestWithActor): AccessTokenClaims {
  if (!request.accessToken) throw new DomainHttpException(401, 'UNAUTHENTICATED', '请使用账号登录（开发用身份请求头没有账号）');
  return request.accessToken;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: AccessTokenService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Signs in: an access token (15 min) in the answer, the refresh token in the httpOnly cookie hcp_refresh (Path=/api/auth)' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ApiError, description: 'INVALID_CREDENTIALS (unknown user or wrong password, the same answer)' })
  @ApiForbiddenResponse({ type: ApiError, description: 'ACCOUNT_DISABLED' })
  @ApiResponse({
    status: 429,
    type: ApiError,
    description:
      'TOO_MANY_SIGN_IN_ATTEMPTS, with Retry-After (seconds): too many attempts from this address, at this username from this address, ' +
      'or at this username from addresses it never signed in from (SIGN_IN_LIMIT_*). No account is ever locked; the answer is the same for unknown usernames',
    headers: { 'Retry-After': { description: 'seconds until the limit allows another attempt', schema: { type: 'integer' } } },
  })
  @ApiUnprocessableEntityResponse({ type: ApiError })
  async login(@Body() body: LoginDto, @Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return this.answer(reply, await this.auth.login(body.username, body.password, requestContext(request)));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotates the refresh cookie and returns a new access token; a rotated token used again ends its whole sign-in' })
  @ApiCookieAuth(REFRESH_COOKIE_SCHEME)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ApiError, description: 'REFRESH_TOKEN_INVALID' })
  @ApiForbiddenResponse({ type: ApiError, description: 'ACCOUNT_DISABLED' })
  async refresh(@Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    try {
      return this.answer(reply, await this.auth.refresh(readRefreshCookie(request), requestContext(request)));
    } catch (error) {
      clearRefreshCookie(reply, this.config.production);
      throw error;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: "Ends the cookie's sign-in (its refresh tokens are revoked) and clears the cookie; always 204" })
  @ApiNoContentResponse()
  async logout(@Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const bearer = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const claims = bearer ? this.tokens.verify(bearer) : undefined;
    await this.auth.logout(readRefreshCookie(request), typeof claims === 'object' ? claims : undefined, requestContext(request));
    clearRefreshCookie(reply, this.config.production);
  }

  @Get('me')
  @UseGuards(ActorGuard)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user (fresh from the database)' })
  @ApiOkResponse({ type: AuthUserResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  me(@Req() request: RequestWithActor): Promise<AuthUserResponse> {
    return this.auth.me(signedInClaims(request).sub);
  }

  @Post('change-password')
  @HttpCode(200)
  @UseGuards(ActorGuard)
  @AllowPendingPasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: "Changes the caller's password (clears mustChangePassword); other sessions end; answers a fresh pair like login" })
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ApiError })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'wrong current password, or the new one misses the policy (10+ chars, letters and digits)' })
  async changePassword(@Body() body: ChangePasswordDto, @Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<LoginResponse> {
    return this.answer(reply, await this.auth.changePassword(signedInClaims(request), body.currentPassword, body.newPassword, requestContext(request)));
  }

  private answer(reply: FastifyReply, session: IssuedSession): LoginResponse {
    setRefreshCookie(reply, session.refreshToken, session.refreshTtlSeconds, this.config.production);
    void reply.header('Cache-Control', 'no-store');
    return session.body;
  }
}
