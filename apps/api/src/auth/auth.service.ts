import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { appendAudit, type Prisma, type User } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { PrismaService } from '../prisma/prisma.service';
import { AccessTokenService, type AccessTokenClaims } from './access-token';
import type { AuthUserResponse, LoginResponse } from './dto/auth.dto';
import { hashPassword, meetsPasswordPolicy, PASSWORD_POLICY_MESSAGE, verifyPassword } from './password';
import type { RequestContext } from './request-context';
import { SignInThrottle } from './sign-in-throttle';
import { UserSessionCache } from './user-session-cache';

/** A new session's answer and the refresh token for its cookie. */
export interface IssuedSession {
  body: LoginResponse;
  refreshToken: string;
  refreshTtlSeconds: number;
}

const invalidCredentials = () => new DomainHttpException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
const invalidRefresh = () => new DomainHttpException(401, 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录');

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toAuthUser(user: Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'hallCodes' | 'departmentCodes' | 'mustChangePassword'>): AuthUserResponse {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    hallCodes: user.hallCodes,
    departmentCodes: user.departmentCodes,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Sign-in, refresh-token rotation, sign-out and password changes. Every outcome that matters is in the append-only
 * audit trail (actor, address, request id; never a password).
 */
@Injectable()
export class AuthService {
  /**
   * A hash to verify against when the user does not exist, so both failures take the same time. Made with the same
   * parameters as every account's, at start-up, so the first unknown name does not pay for hashing it.
   */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly tokens: AccessTokenService,
    private readonly sessions: UserSessionCache,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
  ) {
    this.dummyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  /**
   * Signs in. Throttled per address, per username and address, and per username (SignInThrottle: 429, never a
   * lockout); an unknown username and a wrong password answer alike (401 INVALID_CREDENTIALS, one audit line, one
   * password hash verified), so nothing tells whether a username exists. Only the right password of a disabled
   * account learns that it is disabled.
   */
  async login(rawUsername: string, password: string, context: RequestContext): Promise<IssuedSession> {
    const username = rawUsername.trim().toLowerCase();
    const attempt = await this.throttle.admit(username, context);
    const db = this.prisma.client;
    const user = await db.user.findUnique({ where: { username } });
    const audit = (entry: { action: string; actorId: string; actorRole: string; details: Prisma.InputJsonObject }, client: Pick<Prisma.TransactionClient, 'auditLog'> = db) =>
      appendAudit(client, { ...entry, entityType: 'user', entityId: user?.id ?? null, requestId: context.requestId, ip: context.ip });

    // The same work whether or not the account exists: one hash verified, one audit line written.
    const verified = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !verified) {
      await audit({
        action: 'auth.login-failed',
        actorId: user?.id ?? 'anonymous',
        actorRole: user?.role ?? 'ANONYMOUS',
        details: { username: username.slice(0, 64), reason: user ? 'WRONG_PASSWORD' : 'UNKNOWN_USER' },
      });
      throw invalidCredentials();
    }
    if (user.disabledAt) {
      await audit({ action: 'auth.login-failed', actorId: user.id, actorRole: user.role, details: { username, reason: 'DISABLED' } });
      throw new DomainHttpException(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
    }
    await this.throttle.succeeded(attempt);
    const now = this.clock.now();
    return db.$transaction(async (tx) => {
      const signedIn = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      const session = await this.issue(tx, signedIn, randomUUID(), context);
      await audit({ action: 'auth.login', actorId: user.id, actorRole: user.role, details: { username } }, tx);
      return session;
    });
  }

  /**
   * Trades a refresh token for a new pair. A token that was already rotated away proves that someone kept a copy:
   * the whole family (every token of that sign-in) is revoked, and both holders must sign in again.
   */
  async refresh(token: string | undefined, context: RequestContext): Promise<IssuedSession> {
    if (!token) throw invalidRefresh();
    const db = this.prisma.client;
    const now = this.clock.now();
    const stored = await db.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(token) }, include: { user: true } });
    if (!stored) throw invalidRefresh();
    const { user } = stored;
    if (stored.revokedAt) {
      if (stored.replacedById) await this.revokeFamilyAfterReuse(stored.familyId, user, context);
      throw invalidRefresh();
    }
    if (stored.expiresAt <= now) throw invalidRefresh();
    if (user.disabledAt) {
      await db.refreshToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      throw new DomainHttpException(403, 'ACCOUNT_DISABLED', '该账号已停用，请联系系统管理员');
    }
    const session = await db.$transaction(async (tx) => {
      // Conditional: of two concurrent refreshes with one token, only one rotates it; the other counts as reuse.
      const { count } = await tx.refreshToken.updateMany({ where: { id: stored.id, revokedAt: null }, data: { revokedAt: now } });
      if (count !== 1) return undefined;
      const issued = await this.issue(tx, user, stored.familyId, context);
      await tx.refreshToken.update({ where: { id: stored.id }, data: { replacedById: issued.tokenId } });
      return issued;
    });
    if (!session) {
      await this.revokeFamilyAfterReuse(stored.familyId, user, context);
      throw invalidRefresh();
    }
    return session;
  }

  /** Revokes the cookie's sign-in (its whole family); without a valid cookie there is nothing to revoke. */
  async logout(token: string | undefined, signedIn: AccessTokenClaims | undefined, context: RequestContext): Promise<void> {
    const db = this.prisma.client;
    const stored = token ? await db.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(token) }, include: { user: true } }) : null;
    const user = stored?.user ?? (signedIn ? await db.user.findUnique({ where: { id: signedIn.sub } }) : null);
    if (!user) return;
    await db.$transaction(async (tx) => {
      if (stored) await tx.refreshToken.updateMany({ where: { familyId: stored.familyId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
      await appendAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
        details: { username: user.username, revokedSession: stored !== null },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
  }

  async me(userId: string): Promise<AuthUserResponse> {
    const user = await this.prisma.client.user.findUnique({ where: { id: userId } });
    if (!user) throw new DomainHttpException(401, 'SESSION_REVOKED', '登录状态已失效，请重新登录');
    return toAuthUser(user);
  }

  /**
   * Changes the signed-in user's password: every other session (refresh token) ends, earlier access tokens stop
   * working (authVersion), and this answer carries a fresh pair for the caller.
   */
  async changePassword(signedIn: AccessTokenClaims, currentPassword: string, newPassword: string, context: RequestContext): Promise<IssuedSession> {
    const db = this.prisma.client;
    const user = await db.user.findUnique({ where: { id: signedIn.sub } });
    if (!user) throw new DomainHttpException(401, 'SESSION_REVOKED', '登录状态已失效，请重新登录');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '当前密码不正确', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    const problems = [
      ...(meetsPasswordPolicy(newPassword) ? [] : [{ field: 'newPassword', message: PASSWORD_POLICY_MESSAGE }]),
      ...(newPassword === currentPassword ? [{ field: 'newPassword', message: '新密码不能与当前密码相同' }] : []),
    ];
    if (problems.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', problems[0]?.message ?? PASSWORD_POLICY_MESSAGE, problems);
    const passwordHash = await hashPassword(newPassword);
    const now = this.clock.now();
    const session = await db.$transaction(async (tx) => {
      const changed = await tx.user.update({
        where: { id: user.id },
        data: { passwordHash, mustChangePassword: false, authVersion: { increment: 1 } },
      });
      await tx.refreshToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
      const issued = await this.issue(tx, changed, randomUUID(), context);
      await appendAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: 'auth.password-change',
        entityType: 'user',
        entityId: user.id,
        details: { username: user.username, wasRequired: user.mustChangePassword },
        requestId: context.requestId,
        ip: context.ip,
      });
      return issued;
    });
    this.sessions.forget(user.id);
    return session;
  }

  private async issue(tx: Prisma.TransactionClient, user: User, familyId: string, context: RequestContext): Promise<IssuedSession & { tokenId: string }> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTtlSeconds = this.config.auth.refreshTokenTtlSeconds;
    const row = await tx.refreshToken.create({
      data: {
        userId: user.id,
        familyId,
        tokenHash: hashRefreshToken(refreshToken),
        expiresAt: new Date(this.clock.now().getTime() + refreshTtlSeconds * 1000),
        ip: context.ip,
        userAgent: context.userAgent,
      },
    });
    const accessToken = this.tokens.sign({
      sub: user.id,
      username: user.username,
      role: user.role,
      hallCodes: user.hallCodes,
      departmentCodes: user.departmentCodes,
      ver: user.authVersion,
      mcp: user.mustChangePassword,
    });
    return { body: { accessToken, tokenType: 'Bearer', expiresIn: this.tokens.ttlSeconds, user: toAuthUser(user) }, refreshToken, refreshTtlSeconds, tokenId: row.id };
  }

  private async revokeFamilyAfterReuse(familyId: string, user: User, context: RequestContext): Promise<void> {
    await this.prisma.client.$transaction(async (tx) => {
      const { count } = await tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: this.clock.now() } });
      await appendAudit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: 'auth.refresh-token-reuse',
        entityType: 'user',
        entityId: user.id,
        details: { username: user.username, familyId, revokedTokens: count },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
  }
}
