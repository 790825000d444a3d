import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { Clock } from '../common/clock';
import { AppConfig, TEST_AUTH_TOKEN_SECRET } from '../config/app-config';
import { AccessTokenService } from './access-token';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
}

const configWith = (secret: Buffer) =>
  new AppConfig('postgresql://x', '127.0.0.1:7233', 'default', 'q', 0, '127.0.0.1', 1024, 1000, true, parseDataKey(TEST_DATA_KEY), {}, { tokenSecret: secret });

const CLAIMS = { sub: 'u-1', username: 'jintun-handler', role: 'HANDLER' as const, hallCodes: ['jintun'], departmentCodes: [], ver: 3, mcp: false };

describe('access tokens (compact JWT, HS256)', () => {
  const clock = new FixedClock(new Date('2026-11-28T08:00:00Z'));
  const tokens = new AccessTokenService(configWith(TEST_AUTH_TOKEN_SECRET), clock);

  afterEach(() => {
    clock.at = new Date('2026-11-28T08:00:00Z');
  });

  it('round-trips the claims, valid for 15 minutes', () => {
    const token = tokens.sign(CLAIMS);
    expect(tokens.verify(token)).toEqual({ ...CLAIMS, iat: 1795852800, exp: 1795852800 + 900 });
    clock.at = new Date('2026-11-28T08:14:59Z');
    expect(tokens.verify(token)).toMatchObject({ sub: 'u-1' });
    clock.at = new Date('2026-11-28T08:15:00Z');
    expect(tokens.verify(token)).toBe('EXPIRED');
  });

  const edit = (token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>) => {
    const [header = '', payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return `${header}.${Buffer.from(JSON.stringify(change(claims))).toString('base64url')}.${signature}`;
  };

  it.each([
    ['signed with another secret', () => new AccessTokenService(configWith(Buffer.alloc(32, 9)), clock).sign(CLAIMS), 'BAD_SIGNATURE'],
    ['with an edited role', (token: string) => edit(token, (claims) => ({ ...claims, role: 'ADMIN' })), 'BAD_SIGNATURE'],
    ['with a longer life', (token: string) => edit(token, (claims) => ({ ...claims, exp: 4102444800 })), 'BAD_SIGNATURE'],
    ['with alg none', (token: string) => `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${token.split('.')[1] ?? ''}.`, 'MALFORMED'],
    ['without a signature', (token: string) => token.split('.').slice(0, 2).join('.'), 'MALFORMED'],
    ['of four parts', (token: string) => `${token}.x`, 'MALFORMED'],
    ['empty', () => '', 'MALFORMED'],
  ])('refuses a token %s', (_label, forge: (token: string) => string, failure) => {
    expect(tokens.verify(forge(tokens.sign(CLAIMS)))).toBe(failure);
  });
});
