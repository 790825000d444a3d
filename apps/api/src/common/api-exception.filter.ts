import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DATABASE_BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../prisma/prisma-errors';
import type { ApiError, ApiErrorBody } from './api-error';

const DEFAULT_MESSAGES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的资源不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方法' },
  409: { code: 'CONFLICT', message: '当前状态下不能执行此操作' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交' },
  422: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
  500: { code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后再试' },
  503: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
};
const DATABASE_BUSY = { code: 'DATABASE_BUSY', message: '系统繁忙，请稍后再试' };

/** Errors raised outside Nest's pipeline that still say which 4xx they are. */
interface FastifyLikeError {
  statusCode?: number;
}

/**
 * Turns every failure — ours, Nest's, Fastify's body parser's, or an unexpected one — into the one ApiError shape.
 * Unexpected errors are logged with their stack and reach the caller only as a generic 500; a database that did not
 * answer in time (prisma-errors.ts) is a 503 DATABASE_BUSY with a Retry-After, which every operation documents.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = this.toApiError(exception, request);
    const retryAfter = isDatabaseBusy(exception) ? DATABASE_BUSY_RETRY_AFTER_SECONDS : retryAfterOf(exception);
    if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
    if (body.statusCode >= 500) this.logger.error(`${request.method} ${request.url} → ${body.statusCode}`, exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toApiError(exception: unknown, request: FastifyRequest): ApiError {
    const base = { path: request.url.split('?')[0] ?? request.url, requestId: String(request.id), timestamp: new Date().toISOString() };
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const fallback = DEFAULT_MESSAGES[statusCode] ?? DEFAULT_MESSAGES[statusCode >= 500 ? 500 : 400];
      const response = exception.getResponse();
      // Ours (DomainHttpException, the validation pipe) carry code and message; Nest's own get the defaults.
      const ours = typeof response === 'object' && response !== null && 'chineseMessage' in response ? (response as ApiErrorBody) : undefined;
      return {
        statusCode,
        code: ours?.code ?? fallback.code,
        message: ours?.chineseMessage ?? fallback.message,
        ...(ours?.errors ? { errors: ours.errors } : {}),
        ...base,
      };
    }
    const fastifyError = exception as FastifyLikeError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const statusCode = fastifyError.statusCode;
      const known = DEFAULT_MESSAGES[statusCode] ?? DEFAULT_MESSAGES[400];
      return { statusCode, code: known.code, message: known.message, ...base };
    }
    if (isDatabaseBusy(exception)) return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, ...DATABASE_BUSY, ...base };
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, ...DEFAULT_MESSAGES[500], ...base };
  }
}

/** A 429's wait (DomainHttpException's retryAfterSeconds), for the Retry-After header. */
function retryAfterOf(exception: unknown): number | undefined {
  if (!(exception instanceof HttpException)) return undefined;
  const response = exception.getResponse();
  const seconds = typeof response === 'object' && response !== null && 'retryAfterSeconds' in response ? (response as ApiErrorBody).retryAfterSeconds : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
}
