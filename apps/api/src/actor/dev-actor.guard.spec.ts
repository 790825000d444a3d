import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenService } from '../auth/access-token';
import type { UserSessionCache } from '../auth/user-session-cache';
import { Clock } from '../common/clock';
import type { ApiErrorBody } from '../common/api-error';
import { DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { DevActorGuard, parseDevActor, type RequestWithActor } from './dev-actor.guard';

const header = (value: unknown) => JSON.stringify(value);

describe('the development-only X-Dev-Actor header', () => {
  it('names the acting user, trimmed', () => {
    expect(parseDevActor(header({ userId: ' handler-1 ', role: 'HANDLER', hallCodes: [' jintun '] }))).toEqual({
      userId: 'handler-1',
      role: 'HANDLER',
      hallCodes: ['jintun'],
    });
  });

  it("carries a guide's departments when given", () => {
    expect(parseDevActor(header({ userId: 'g', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: [' yibao '] }))).toEqual({
      userId: 'g',
      role: 'DEPT_GUIDE',
      hallCodes: [],
      departmentCodes: ['yibao'],
    });
  });

  it.each([
    ['missing', undefined],
    ['department codes that are not a list of codes', header({ userId: 'u', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: 'yibao' })],
    ['given twice', [header({ userId: 'a', role: 'HANDLER', hallCodes: [] }), header({ userId: 'b', role: 'HANDLER', hallCodes: [] })]],
    ['not JSON', 'handler-1'],
    ['a JSON array', header(['HANDLER'])],
    ['a blank user id', header({ userId: '  ', role: 'HANDLER', hallCodes: [] })],
    ['an unknown role', header({ userId: 'u', role: 'MAYOR', hallCodes: [] })],
    ["the workflow's own role", header({ userId: 'u', role: 'SYSTEM', hallCodes: [] })],
    ['hall codes that are not a list of codes', header({ userId: 'u', role: 'HANDLER', hallCodes: 'jintun' })],
    ['an unknown field', header({ userId: 'u', role: 'HANDLER', hallCodes: [], admin: true })],
  ])('is refused with 401 UNAUTHENTICATED when %s', (_label, value: string | string[] | undefined) => {
    const failure = (() => {
      try {
        parseDevActor(value);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(DomainHttpException);
    expect((failure as DomainHttpException).getStatus()).toBe(401);
    expect(((failure as DomainHttpException).getResponse() as ApiErrorBody).code).toBe('UNAUTHENTICATED');
  });

  it('is refused in production mode even when it is valid', () => {
    const config = new AppConfig('postgresql://x', '127.0.0.1:7233', 'default', 'q', 0, '127.0.0.1', 1024, 1000, true, parseDataKey(TEST_DATA_KEY));
    const request = { headers: { 'x-dev-actor': header({ userId: 'u', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) } } as unknown as RequestWithActor;
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    const sessions = { isCurrent: () => Promise.resolve(true), forget: () => undefined } as unknown as UserSessionCache;
    expect(() => new DevActorGuard(config, new AccessTokenService(config, new Clock()), sessions, new Reflector()).canActivate(context)).toThrow(DomainHttpException);
    expect(request.actor).toBeUndefined();
  });
});
