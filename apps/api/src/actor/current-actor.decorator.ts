import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import type { RequestWithActor } from './actor.guard';

/** The acting user that ActorGuard authenticated; a handler using it without the guard is a programming error. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new DomainHttpException(401, 'UNAUTHENTICATED', '请先登录');
  return actor;
});
