import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { DomainHttpException } from './common/api-error';
import { createValidationPipe } from './common/validation.pipe';
import type { Clock } from './common/clock';
import type { AppConfig } from './config/app-config';

/** Builds the API exactly as it runs in production; main.ts listens, tests listen on a free port. */
export async function createApp(config: AppConfig, options: { logger?: false; clock?: Clock } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => String(request.headers['x-request-id'] ?? randomUUID()),
    // Only the configured proxies may name the client's address (the per-address intake limit counts it).
    trustProxy: config.limits.trustProxy,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, options.clock), adapter, {
    bodyParser: false, // JSON only, through useChineseJsonParseErrors below
    ...(options.logger === false ? { logger: false } : {}),
  });
  useChineseJsonParseErrors(app);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('嘉祥县政务服务“好差评”整改系统 API')
      .setDescription('Every failure answers with the ApiError shape. Public endpoints are under /api/public.')
      .setVersion('0.1.0')
      // Staff endpoints: the access token from POST /api/auth/login (controllers mark themselves with @ApiBearerAuth()).
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'access token from POST /api/auth/login (15 min)' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
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
