import type { FastifyReply, FastifyRequest } from 'fastify';

/** The refresh token's cookie: httpOnly, SameSite=Strict, sent only to /api/auth, Secure in production. */
export const REFRESH_COOKIE = 'hcp_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/** The OpenAPI security scheme of the refresh cookie (declared in app.factory.ts, required by POST /api/auth/refresh). */
export const REFRESH_COOKIE_SCHEME = 'refresh-cookie';

/** The refresh cookie's value, or undefined (no cookie header, no such cookie, or a value that is not a token). */
export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== REFRESH_COOKIE) continue;
    const value = part.slice(index + 1).trim();
    return /^[A-Za-z0-9_-]{20,200}$/.test(value) ? value : undefined;
  }
  return undefined;
}

export function setRefreshCookie(reply: FastifyReply, token: string, maxAgeSeconds: number, secure: boolean): void {
  void reply.header('Set-Cookie', cookie(token, maxAgeSeconds, secure));
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean): void {
  void reply.header('Set-Cookie', cookie('', 0, secure));
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${REFRESH_COOKIE}=${value}`, `Path=${REFRESH_COOKIE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}
