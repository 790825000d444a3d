import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ApiRequestError, AuthSession, apiErrorOf, type TokenPair } from './session';

const user = { id: 'u1', username: 'jintun-handler', displayName: '金屯经办人', role: 'HANDLER', hallCodes: ['jintun'], departmentCodes: [], mustChangePassword: false } as const;
const pair = (accessToken: string): TokenPair => ({ accessToken, expiresIn: 900, user: { ...user, hallCodes: [...user.hallCodes], departmentCodes: [] } });
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('AuthSession', () => {
  const realFetch = globalThis.fetch;
  let fetchMock: jest.Mock<typeof fetch>;
  beforeEach(() => {
    fetchMock = jest.fn<typeof fetch>();
    globalThis.fetch = fetchMock;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends one refresh for any number of callers at the same moment (a second one with the same cookie would end the sign-in)', async () => {
    let answer: (response: Response) => void = () => undefined;
    fetchMock.mockImplementation(() => new Promise<Response>((resolve) => (answer = resolve)));
    const session = new AuthSession();
    const callers = [session.token(), session.token(), session.refresh(), session.token()];
    answer(json(200, pair('fresh')));
    const tokens = await Promise.all(callers);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/auth/refresh');
    expect(tokens.map((token) => (typeof token === 'string' ? token : token?.accessToken))).toEqual(['fresh', 'fresh', 'fresh', 'fresh']);
  });

  it('refreshes again once the first refresh has finished', async () => {
    fetchMock.mockResolvedValueOnce(json(200, pair('first'))).mockResolvedValueOnce(json(200, pair('second')));
    const session = new AuthSession();
    await session.refresh();
    expect((await session.refresh())?.accessToken).toBe('second');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('holds the token in memory until shortly before it expires', () => {
    const session = new AuthSession();
    session.store(pair('held'), 0);
    expect(session.validToken(60_000)).toBe('held');
    expect(session.validToken(900_000 - 10_000)).toBeUndefined();
  });

  it('is signed out when the refresh is refused', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, code: 'REFRESH_TOKEN_INVALID', message: '登录已失效' }));
    const session = new AuthSession();
    session.store(pair('old'), 0);
    expect(await session.token()).toBeUndefined();
    expect(session.user).toBeUndefined();
  });

  it("keeps the API's Chinese message and code when sign-in is refused", async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }));
    const refusal = await new AuthSession().login('nobody', 'wrong').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiRequestError);
    expect((refusal as Error).message).toBe('用户名或密码错误');
    expect(apiErrorOf(refusal).code).toBe('INVALID_CREDENTIALS');
  });

  it('sends the bearer token with the password change and keeps the new pair', async () => {
    fetchMock.mockResolvedValueOnce(json(200, pair('after-change')));
    const session = new AuthSession();
    session.store({ ...pair('before'), user: { ...pair('before').user, mustChangePassword: true } });
    await session.changePassword('Haochaping2026', 'New-password-2026');
    const init = fetchMock.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer before');
    expect(session.validToken()).toBe('after-change');
  });
});
