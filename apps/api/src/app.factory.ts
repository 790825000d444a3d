import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { DomainHttpException } from './common/api-error';
import { documentCommonAnswers } from './common/openapi-common-answers';
import { REFRESH_COOKIE, REFRESH_COOKIE_SCHEME } from './auth/refresh-cookie';
import { INTEGRATION_API_KEY } from './integration-auth/integration-client.guard';
import { createValidationPipe } from './common/validation.pipe';
import { ApiMetrics } from './metrics/api-metrics';
import type { Clock } from './common/clock';
import type { AppConfig } from './config/app-config';

/** Builds the API exactly as it runs in production; main.ts listens, tests listen on a free port. */
export async function createApp(config: AppConfig, options: { logger?: false; clock?: Clock } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // One request id in the answer's errors and every log line (the raw request keeps it for pino-http).
    genReqId: (request: IncomingMessage) => (request.id = String(request.headers['x-request-id'] ?? randomUUID())),
    // Only the configured proxies may name the client's address (the per-address intake limit counts it).
    trustProxy: config.limits.trustProxy,
  });
  const logs = options.logger !== false;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, options.clock, logs), adapter, {
    bodyParser: false, // JSON only, through useChineseJsonParseErrors below
    // A start that fails rejects (main.ts exits on it); Nest's default would end the process itself, tests and all.
    abortOnError: false,
    ...(logs ? { bufferLogs: true } : { logger: false }),
  });
  if (logs) app.useLogger(app.get(PinoLogger));
  useChineseJsonParseErrors(app);
  await useWebSurfaceHeaders(app, config);
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  observeHttpDurations(app);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = documentCommonAnswers(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
      .setTitle('嘉祥县政务服务“好差评”整改系统 API')
      .setDescription('Every failure answers with the ApiError shape. Public endpoints are under /api/public.')
      .setVersion('0.1.0')
      // Staff endpoints: the access token from POST /api/auth/login (controllers mark themselves with @ApiBearerAuth()).
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'access token from POST /api/auth/login (15 min)' })
      // Integration endpoints (business systems, the provincial portal, the SMS gateway): a key an admin created.
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'hcpk_<prefix>_<secret>, created by an admin (POST /api/admin/api-clients)' }, INTEGRATION_API_KEY)
      // The refresh token's httpOnly cookie, read only by POST /api/auth/refresh.
      .addCookieAuth(REFRESH_COOKIE, { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE, description: 'the refresh token sign-in sets (httpOnly, Path=/api/auth)' }, REFRESH_COOKIE_SCHEME)
      .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/**
 * Security headers on every answer (@fastify/helmet: HSTS, nosniff, frame-ancestors 'none', no referrer, a
 * Content-Security-Policy that lets the OpenAPI UI at /api/docs run its own scripts and nothing else), and CORS only
 * for the configured console origins (CORS_ORIGINS): a page elsewhere cannot read an answer with the user's cookie.
 */
async function useWebSurfaceHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  // The Nest adapter bundles its own copy of fastify's types; the plugin is the same at run time.
  const securityHeaders = helmet as unknown as Parameters<NestFastifyApplication['register']>[0];
  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.enableCors({
    origin: [...config.limits.corsOrigins],
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Api-Key', 'X-Dev-Actor'],
    exposedHeaders: ['Content-Disposition', 'X-Request-Id', 'X-Total-Count', 'Content-Range'],
    maxAge: 600,
    // An OPTIONS request that is no preflight (no Origin or Access-Control-Request-Method) gets a plain 204 without
    // CORS headers: strict mode answered it 400 in plain text, outside the one error shape (found by the fuzz run).
    strictPreflight: false,
  });
}

/** Every answer's duration into the HTTP histogram, by route template (never the URL: ids and queries stay out). */
function observeHttpDurations(app: NestFastifyApplication): void {
  const metrics = app.get(ApiMetrics);
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
}

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), whose failures become our MALFORMED_JSON
 * error: Nest would otherwise turn them into a generic 400 that no longer says what was wrong.
 */
function useChineseJsonParseErrors(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(request, body.toString(), (error, value) =>
      error ? done(new DomainHttpException(400, 'MALFORMED_JSON', '提交的内容不是有效的 JSON'), undefined) : done(null, value),
    );
  });
}
