import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ActorRole } from '@haochaping/contracts';
import type { RequestWithActor } from './actor.guard';
import { DomainHttpException } from '../common/api-error';

const ROLES_KEY = 'haochaping:roles';

/** The roles allowed to call an endpoint (or every endpoint of a controller); checked by RolesGuard. */
export const Roles = (...roles: ActorRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Checks `@Roles(...)` against the actor ActorGuard authenticated, from an access token or, outside
 * production, the development header; so list it after that guard: `@UseGuards(ActorGuard, RolesGuard)`. An
 * endpoint without `@Roles` is open to every signed-in actor; data scope (which halls) is the services' job, through
 * actor/actor-scope.ts.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles || roles.length === 0) return true;
    const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
    if (!actor) throw new DomainHttpException(401, 'UNAUTHENTICATED', '请先登录');
    if (!roles.includes(actor.role)) throw new DomainHttpException(403, 'FORBIDDEN', '没有权限执行此操作');
    return true;
  }
}
