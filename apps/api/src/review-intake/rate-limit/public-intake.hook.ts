import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../common/api-error';
import { AppConfig } from '../../config/app-config';
import { IntakeRateLimiter, TOO_MANY_REQUESTS_MESSAGE } from './intake-rate-limiter';

const PUBLIC_PREFIX = '/api/public/';

/**
 * Every POST under /api/public, whoever's controller answers it: the per-address limit and the small public body
 * limit. A Fastify onRequest hook, so it runs before the body is read and parsed: a flood or an oversized body costs
 * one small upsert, not JSON parsing and validation. (A hook rather than a Nest middleware: middleware on Fastify goes
 * through @fastify/middie, which cost ~6% of the CPU of every rating in bench/intake.) The address is counted in
 * PostgreSQL (one upsert), so every API instance counts against one limit.
 */
@Injectable()
export class PublicIntakeHook implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly limiter: IntakeRateLimiter,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST' || !request.url.startsWith(PUBLIC_PREFIX)) return;
      const refusal = await this.refusal(request, reply);
      if (refusal) await reply.status(refusal.statusCode).header('content-type', 'application/json; charset=utf-8').send(refusal);
    });
  }

  private async refusal(request: FastifyRequest, reply: FastifyReply): Promise<ApiError | undefined> {
    const bodyLimit = this.config.limits.publicBodyLimitBytes;
    const declaredLength = Number(request.headers['content-length'] ?? 0);
    if (bodyLimit > 0 && declaredLength > bodyLimit) {
      // The body is never read: close the connection rather than leave it to be drained.
      void reply.header('connection', 'close');
      return apiError(request, 413, 'PAYLOAD_TOO_LARGE', '提交的内容过大');
    }
    const retryAfter = await this.limiter.hitAddress(request.ip);
    if (retryAfter !== undefined) {
      void reply.header('retry-after', String(retryAfter));
      return apiError(request, 429, 'TOO_MANY_REQUESTS', TOO_MANY_REQUESTS_MESSAGE);
    }
    return undefined;
  }
}

function apiError(request: FastifyRequest, statusCode: number, code: string, message: string): ApiError {
  return { statusCode, code, message, path: request.url.split('?')[0] ?? request.url, requestId: String(request.id), timestamp: new Date().toISOString() };
}
