import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig, loadAppConfig } from '../src/config/app-config';

const CONSOLE = 'https://hcp.jiaxiang.example.cn';

/** The API's web surface: security headers on every answer, CORS for the console's origin only. */
describe('security headers and CORS', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'web-surface', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY), {
      publicBaseUrl: CONSOLE,
    });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each([
    ['a public answer', 'GET', '/public/halls', undefined, 200],
    ['a refusal (no sign-in)', 'GET', '/rectifications', undefined, 401],
    ['a malformed body', 'POST', '/public/reviews', '{"level":', 400],
    ['a route that does not exist', 'GET', '/nothing-here', undefined, 404],
    ['the OpenAPI UI', 'GET', '/docs', undefined, 200],
  ])('%s carries the security headers', async (_what, method, path, body, status) => {
    const response = await fetch(`${baseUrl}${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';font-src 'self';base-uri 'none';form-action 'self';frame-ancestors 'none'",
    );
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a preflight from the console origin, allowing credentials', async () => {
    const response = await fetch(`${baseUrl}/rectifications`, {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
  });

  it.each(['https://evil.example.com', 'http://127.0.0.1:5173', 'null'])('gives %s no CORS headers, so a browser refuses it the answer', async (origin) => {
    const preflight = await fetch(`${baseUrl}/rectifications`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${baseUrl}/public/halls`, { headers: { origin } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('CORS_ORIGINS names the origins; something that is not an origin stops the start', () => {
    const base = { DATABASE_URL: db.url, DATA_ENCRYPTION_KEY: TEST_DATA_KEY, PUBLIC_BASE_URL: `${CONSOLE}/` };
    expect(loadAppConfig(base).limits.corsOrigins).toEqual([CONSOLE]);
    expect(loadAppConfig({ ...base, CORS_ORIGINS: 'https://a.example.cn, https://b.example.cn:8443' }).limits.corsOrigins).toEqual(['https://a.example.cn', 'https://b.example.cn:8443']);
    expect(() => loadAppConfig({ ...base, CORS_ORIGINS: 'https://a.example.cn/console' })).toThrow(/CORS_ORIGINS must list origins/);
  });
});
