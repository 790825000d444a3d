import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { UserRole } from '@haochaping/db';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';

/**
 * The claims of an access token: who (sub, username), what they may do (role and scope) and whether they must
 * change their password first. `ver` is the user's authVersion when the token was issued: any later change of
 * role, scope, password or status raises it, and the guard then refuses the token.
 */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  hallCodes: string[];
  departmentCodes: string[];
  ver: number;
  /** mustChangePassword when issued. */
  mcp: boolean;
  iat: number;
  exp: number;
}

export type AccessTokenFailure = 'MALFORMED' | 'BAD_SIGNATURE' | 'EXPIRED';

const ISSUER = 'haochaping';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const ROLES: readonly string[] = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR', 'ADMIN'];

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Compact JWS (JWT, HS256) with node:crypto: one algorithm, fixed header, no `alg` negotiation, so "alg: none" and
 * key-confusion tricks have nothing to work with. Verification compares the whole signing input's HMAC in constant
 * time and checks every claim's type.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  sign(claims: Omit<AccessTokenClaims, 'iat' | 'exp'>): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const payload = Buffer.from(JSON.stringify({ iss: ISSUER, ...claims, iat, exp: iat + this.ttlSeconds })).toString('base64url');
    return `${HEADER}.${payload}.${this.mac(`${HEADER}.${payload}`).toString('base64url')}`;
  }

  verify(token: string): AccessTokenClaims | AccessTokenFailure {
    const parts = token.split('.');
    if (parts.length !== 3) return 'MALFORMED';
    const [header, payload, signature] = parts as [string, string, string];
    if (header !== HEADER) return 'MALFORMED';
    const expected = this.mac(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'BAD_SIGNATURE';
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return 'MALFORMED';
    }
    if (typeof claims !== 'object' || claims === null) return 'MALFORMED';
    const c = claims as Record<string, unknown>;
    const valid =
      c.iss === ISSUER &&
      typeof c.sub === 'string' &&
      typeof c.username === 'string' &&
      typeof c.role === 'string' &&
      ROLES.includes(c.role) &&
      isStringList(c.hallCodes) &&
      isStringList(c.departmentCodes) &&
      Number.isSafeInteger(c.ver) &&
      typeof c.mcp === 'boolean' &&
      Number.isSafeInteger(c.iat) &&
      Number.isSafeInteger(c.exp);
    if (!valid) return 'MALFORMED';
    if ((c.exp as number) * 1000 <= this.clock.now().getTime()) return 'EXPIRED';
    return {
      sub: c.sub as string,
      username: c.username as string,
      role: c.role as UserRole,
      hallCodes: c.hallCodes as string[],
      departmentCodes: c.departmentCodes as string[],
      ver: c.ver as number,
      mcp: c.mcp as boolean,
      iat: c.iat as number,
      exp: c.exp as number,
    };
  }

  private mac(input: string): Buffer {
    return createHmac('sha256', this.config.auth.tokenSecret).update(input).digest();
  }
}
