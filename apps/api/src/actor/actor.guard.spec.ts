import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenService } from '../auth/access-token';
import type { UserSessionCache } from '../auth/user-session-cache';
import { Clock } from '../common/clock';
import type { ApiErrorBody } from '../common/api-error';
import { DomainHttpException } from '../common/api-error';
import { AppConfig } from '../config/app-config';
import { ActorGuard, parseDevActor, type RequestWithActor } from './actor.guard';

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
    expect(() => new ActorGuard(config, new AccessTokenService(config, new Clock()), sessions, new Reflector()).canActivate(context)).toThrow(DomainHttpException);
    expect(request.actor).toBeUndefined();
  });
});

describe('the actor guard with an access token', () => {
  const config = (production: boolean) => new AppConfig('postgresql://x', '127.0.0.1:7233', 'default', 'q', 0, '127.0.0.1', 1024, 1000, production, parseDataKey(TEST_DATA_KEY));
  const claims = { sub: 'u-1', username: 'g', role: 'DEPT_GUIDE' as const, hallCodes: ['jintun'], departmentCodes: ['yibao'], ver: 2, mcp: false };

  async function run(options: { production?: boolean; mcp?: boolean; current?: boolean; allowPending?: boolean; devHeader?: boolean; authorization?: (token: string) => string }) {
    const appConfig = config(options.production ?? true);
    const tokens = new AccessTokenService(appConfig, new Clock());
    const token = tokens.sign({ ...claims, mcp: options.mcp ?? false });
    const request = {
      headers: {
        authorization: (options.authorization ?? ((t: string) => `Bearer ${t}`))(token),
        ...(options.devHeader ? { 'x-dev-actor': header({ userId: 'x', role: 'ADMIN', hallCodes: [] }) } : {}),
      },
    } as unknown as RequestWithActor;
    const handler = () => undefined;
    if (options.allowPending) Reflect.defineMetadata('haochaping:allow-pending-password-change', true, handler);
    const context = { switchToHttp: () => ({ getRequest: () => request }), getHandler: () => handler, getClass: () => Object } as unknown as ExecutionContext;
    const sessions = { isCurrent: (userId: string, version: number) => Promise.resolve((options.current ?? true) && userId === 'u-1' && version === 2) } as unknown as UserSessionCache;
    const guard = new ActorGuard(appConfig, tokens, sessions, new Reflector());
    try {
      await guard.canActivate(context);
      return { actor: request.actor };
    } catch (error) {
      const response = (error as DomainHttpException).getResponse() as ApiErrorBody;
      return { status: (error as DomainHttpException).getStatus(), code: response.code };
    }
  }

  it("sets the workflow's actor from the token (a guide keeps departments), also in development, ignoring a dev header", async () => {
    const expected = { actor: { userId: 'u-1', role: 'DEPT_GUIDE', hallCodes: ['jintun'], departmentCodes: ['yibao'] } };
    expect(await run({})).toEqual(expected);
    expect(await run({ production: false, devHeader: true })).toEqual(expected);
  });

  it.each([
    ['a user who must change the password', { mcp: true }, { status: 403, code: 'PASSWORD_CHANGE_REQUIRED' }],
    ['a revoked session (disabled, or changed since the token)', { current: false }, { status: 401, code: 'SESSION_REVOKED' }],
    ['a scheme other than Bearer', { authorization: (t: string) => `Basic ${t}` }, { status: 401, code: 'UNAUTHENTICATED' }],
    ['a forged token', { authorization: (t: string) => `Bearer ${t}x` }, { status: 401, code: 'TOKEN_INVALID' }],
  ])('refuses %s', async (_label, options, expected) => {
    expect(await run(options)).toEqual(expected);
  });

  it('lets a user who must change the password reach the endpoints marked for it', async () => {
    expect(await run({ mcp: true, allowPending: true })).toMatchObject({ actor: { userId: 'u-1' } });
  });
});
