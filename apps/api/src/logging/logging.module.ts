import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';

/** Set on the raw request by ActorGuard: the signed-in user's id, for the request's completion line. */
export interface RawRequestWithUser extends IncomingMessage {
  actorUserId?: string;
  actorRole?: string;
}

/** Paths polled by machines: no line per request (their failures still log through the error filter). */
const QUIET_PATHS = ['/metrics', '/api/health'];

/**
 * Structured JSON logs (pino through nestjs-pino): one line per answered request with its request id, the user id
 * and role once signed in, method, route path (never the query string: a search may carry a name), status and
 * duration; every log line written while serving a request carries its request id. Headers that carry secrets
 * (Authorization, cookies, API keys, the development identity) are redacted; bodies are never logged, so no name or
 * phone reaches the log. LOG_LEVEL chooses the level (info by default); tests switch logs off.
 *
 * Written to stdout asynchronously (pino.destination with sync: false): lines logged while a write is under way go
 * out together in the next one, and the request never waits for the write. A synchronous write per answered request
 * cost ~10 % of the API's CPU under bench/intake (a write(2) per line, and the wait when the reader of the pipe lags).
 * pino flushes what is left when the process exits; only a kill -9 can lose the lines of the last moment.
 */
export function loggingModule(options: { enabled: boolean; level?: string }) {
  const http: Options = {
    enabled: options.enabled,
    level: options.level ?? 'info',
    base: { service: 'api' },
    // Fastify's genReqId (app.factory.ts) put the request id on the raw request: one id in the logs and answers.
    genReqId: (req: IncomingMessage) => req.id ?? 'unknown',
    // Behind the global prefix the middleware sees req.url without it; originalUrl is the path asked for.
    autoLogging: { ignore: (req: IncomingMessage & { originalUrl?: string }) => QUIET_PATHS.includes((req.originalUrl ?? req.url ?? '').split('?')[0] ?? '') },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'req.headers["x-dev-actor"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown>; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
        userAgent: req.headers['user-agent'],
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessObject: (req: IncomingMessage, _res: ServerResponse, value: Record<string, unknown>) => withUser(req, value),
    customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, value: Record<string, unknown>) => withUser(req, value),
  };
  // The stream is opened only when logging: the tests start many apps with logs off.
  return LoggerModule.forRoot({ pinoHttp: options.enabled ? [http, pino.destination({ dest: 1, sync: false })] : http });
}

function withUser(req: IncomingMessage, value: Record<string, unknown>): Record<string, unknown> {
  const { actorUserId, actorRole } = req as RawRequestWithUser;
  return actorUserId ? { ...value, userId: actorUserId, role: actorRole } : value;
}
