import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { ApiError } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { IntakeRateLimiter, TOO_MANY_REQUESTS_MESSAGE } from './intake-rate-limiter';

/** What @fastify/middie copies onto the raw request before middleware runs. */
interface MiddieRequest extends IncomingMessage {
  ip?: string;
  id?: string;
  originalUrl?: string;
}

/**
 * Every POST under /api/public, whoever's controller answers it: the per-address limit and the small public body
 * limit. A Nest middleware on Fastify runs in the onRequest hook, before the body is read and parsed, so a flood
 * or an oversized body costs a Map lookup, not JSON parsing and validation. It answers in the ApiError shape itself:
 * exception filters expect a Fastify reply, and a middleware only has the raw response.
 */
@Injectable()
export class PublicIntakeMiddleware implements NestMiddleware<MiddieRequest, ServerResponse> {
  constructor(
    private readonly limiter: IntakeRateLimiter,
    private readonly config: AppConfig,
  ) {}

  use(request: MiddieRequest, response: ServerResponse, next: () => void): void {
    const bodyLimit = this.config.limits.publicBodyLimitBytes;
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (bodyLimit > 0 && declaredLength > bodyLimit) {
      return refuse(request, response, 413, 'PAYLOAD_TOO_LARGE', '提交的内容过大');
    }
    const retryAfter = this.limiter.hitAddress(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    if (retryAfter !== undefined) {
      response.setHeader('retry-after', String(retryAfter));
      return refuse(request, response, 429, 'TOO_MANY_REQUESTS', TOO_MANY_REQUESTS_MESSAGE);
    }
    next();
  }
}

function refuse(request: MiddieRequest, response: ServerResponse, statusCode: number, code: string, message: string): void {
  const url = request.originalUrl ?? request.url ?? '';
  const body: ApiError = {
    statusCode,
    code,
    message,
    path: url.split('?')[0] ?? url,
    requestId: String(request.id ?? ''),
    timestamp: new Date().toISOString(),
  };
  response.statusCode = statusCode;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  // The request body is never read: close the connection rather than leave it to be drained.
  if (statusCode === 413) response.setHeader('connection', 'close');
  response.end(JSON.stringify(body));
}
