import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ACTOR_ROLES, type Actor, type ActorRole } from '@haochaping/contracts';
import { AccessTokenService, type AccessTokenClaims } from '../auth/access-token';
import { UserSessionCache } from '../auth/user-session-cache';
import { DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import type { RawRequestWithUser } from '../logging/logging.module';

/** The development-only identity header: JSON `{ "userId": "…", "role": "HANDLER", "hallCodes": ["jintun"] }`. */
export const DEV_ACTOR_HEADER = 'x-dev-actor';

/** People's roles: SYSTEM is the workflow itself and never arrives over HTTP. */
const PERSON_ROLES: readonly ActorRole[] = ACTOR_ROLES.filter((role) => role !== 'SYSTEM');

/** Where the guard leaves the actor for `@CurrentActor()`. */
export interface RequestWithActor extends FastifyRequest {
  actor?: Actor;
  /** The verified access token's claims, when the actor signed in (absent for the development header). */
  accessToken?: AccessTokenClaims;
}

const ALLOW_PENDING_PASSWORD_CHANGE = 'haochaping:allow-pending-password-change';

/**
 * Marks the endpoints a user who must change their password may still call (me, change-password, logout);
 * every other guarded endpoint answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed.
 */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);

/** The request's completion log line names who acted (logging/logging.module.ts): the id and role, never a name. */
function nameInLogs(request: RequestWithActor, actor: Actor): void {
  const raw = request.raw as RawRequestWithUser | undefined;
  if (!raw) return;
  raw.actorUserId = actor.userId;
  raw.actorRole = actor.role;
}

const unauthenticated = (message: string, code = 'UNAUTHENTICATED') => new DomainHttpException(401, code, message);

/**
 * Who is acting. `Authorization: Bearer <access token>` (POST /api/auth/login) in every mode: the token's signature
 * and expiry are checked on every request, and its user's status (exists, not disabled, authVersion unchanged, so
 * no reset password, role or scope change since it was issued) through UserSessionCache, at most a few seconds old.
 * Outside production, a request without Authorization may instead name its actor in the development header
 * `X-Dev-Actor`; in production mode (APP_MODE=production) that header is refused.
 */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly tokens: AccessTokenService,
    private readonly sessions: UserSessionCache,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.authenticateBearer(request, authorization, context);
    if (this.config.production) {
      throw unauthenticated(request.headers[DEV_ACTOR_HEADER] === undefined ? '请先登录' : '生产环境不接受开发用身份请求头（X-Dev-Actor），请登录');
    }
    request.actor = parseDevActor(request.headers[DEV_ACTOR_HEADER]);
    nameInLogs(request, request.actor);
    return true;
  }

  private async authenticateBearer(request: RequestWithActor, authorization: string, context: ExecutionContext): Promise<boolean> {
    const match = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/i.exec(authorization.trim());
    if (!match?.[1]) throw unauthenticated('Authorization 请求头须为 “Bearer <访问令牌>”');
    const claims = this.tokens.verify(match[1]);
    if (claims === 'EXPIRED') throw unauthenticated('登录已过期，请重新登录', 'TOKEN_EXPIRED');
    if (typeof claims === 'string') throw unauthenticated('访问令牌无效，请重新登录', 'TOKEN_INVALID');
    if (!(await this.sessions.isCurrent(claims.sub, claims.ver))) {
      throw unauthenticated('登录状态已失效（账号已停用、密码或权限已变更），请重新登录', 'SESSION_REVOKED');
    }
    const allowPending = this.reflector.getAllAndOverride<boolean | undefined>(ALLOW_PENDING_PASSWORD_CHANGE, [context.getHandler(), context.getClass()]);
    if (claims.mcp && !allowPending) throw new DomainHttpException(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码');
    request.accessToken = claims;
    request.actor = actorOf(claims);
    nameInLogs(request, request.actor);
    return true;
  }
}

/** The workflow's Actor for a signed-in user: county roles carry no scope lists, departments only for guides. */
export function actorOf(claims: Pick<AccessTokenClaims, 'sub' | 'role' | 'hallCodes' | 'departmentCodes'>): Actor {
  const county = claims.role === 'COUNTY_SUPERVISOR' || claims.role === 'ADMIN';
  return {
    userId: claims.sub,
    role: claims.role,
    hallCodes: county ? [] : [...claims.hallCodes],
    ...(claims.role === 'DEPT_GUIDE' ? { departmentCodes: [...claims.departmentCodes] } : {}),
  };
}

/** The header's JSON, checked field by field; anything else is 401 in the one error shape. */
export function parseDevActor(header: string | string[] | undefined): Actor {
  if (header === undefined) throw unauthenticated('请先登录（开发环境请提供 X-Dev-Actor 请求头）');
  let value: unknown;
  try {
    value = typeof header === 'string' ? JSON.parse(header) : undefined;
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unauthenticated('X-Dev-Actor 请求头必须是 JSON 对象');
  const { userId, role, hallCodes, departmentCodes, ...rest } = value as Record<string, unknown>;
  const isCodeList = (list: unknown): list is string[] =>
    Array.isArray(list) && list.length <= 100 && list.every((code) => typeof code === 'string' && code.trim() !== '');
  const valid =
    Object.keys(rest).length === 0 &&
    typeof userId === 'string' &&
    userId.trim() !== '' &&
    userId.length <= 100 &&
    PERSON_ROLES.includes(role as ActorRole) &&
    isCodeList(hallCodes) &&
    (departmentCodes === undefined || isCodeList(departmentCodes));
  if (!valid) {
    throw unauthenticated(`X-Dev-Actor 请求头须为 { userId, role, hallCodes, departmentCodes? }，role 可选 ${PERSON_ROLES.join('、')}`);
  }
  return {
    userId: userId.trim(),
    role: role as ActorRole,
    hallCodes: hallCodes.map((code) => code.trim()),
    ...(departmentCodes === undefined ? {} : { departmentCodes: departmentCodes.map((code) => code.trim()) }),
  };
}
