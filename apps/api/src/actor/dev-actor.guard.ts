import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ACTOR_ROLES, type Actor, type ActorRole } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';

/** The development-only identity header: JSON `{ "userId": "…", "role": "HANDLER", "hallCodes": ["jintun"] }`. */
export const DEV_ACTOR_HEADER = 'x-dev-actor';

/** People's roles: SYSTEM is the workflow itself and never arrives over HTTP. */
const PERSON_ROLES: readonly ActorRole[] = ACTOR_ROLES.filter((role) => role !== 'SYSTEM');

/** Where the guard leaves the actor for `@CurrentActor()`. */
export interface RequestWithActor extends FastifyRequest {
  actor?: Actor;
}

const unauthenticated = (message: string) => new DomainHttpException(401, 'UNAUTHENTICATED', message);

/**
 * Who is acting, until the access-control issue brings real sign-in: the caller names itself in `X-Dev-Actor`.
 * Trusting a header is only acceptable on a developer's machine, so in production mode (APP_MODE=production)
 * every request that needs an actor is refused, header or not.
 */
@Injectable()
export class DevActorGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    if (this.config.production) throw unauthenticated('生产环境不接受开发用身份请求头（X-Dev-Actor），请登录');
    request.actor = parseDevActor(request.headers[DEV_ACTOR_HEADER]);
    return true;
  }
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
  const { userId, role, hallCodes, ...rest } = value as Record<string, unknown>;
  const valid =
    Object.keys(rest).length === 0 &&
    typeof userId === 'string' &&
    userId.trim() !== '' &&
    userId.length <= 100 &&
    PERSON_ROLES.includes(role as ActorRole) &&
    Array.isArray(hallCodes) &&
    hallCodes.length <= 100 &&
    hallCodes.every((code) => typeof code === 'string' && code.trim() !== '');
  if (!valid) throw unauthenticated(`X-Dev-Actor 请求头须为 { userId, role, hallCodes }，role 可选 ${PERSON_ROLES.join('、')}`);
  return { userId: userId.trim(), role: role as ActorRole, hallCodes: (hallCodes as string[]).map((code) => code.trim()) };
}
