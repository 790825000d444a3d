import { HttpException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiFieldError {
  @ApiProperty({ example: 'level' }) field!: string;
  @ApiProperty({ example: '评价等级必须是 1 到 5 之间的整数' }) message!: string;
}

/** The one JSON shape of every failure the API returns. Messages are Chinese: citizens and staff read them. */
export class ApiError {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'stable, machine-readable code' }) code!: string;
  @ApiProperty({ example: '提交的内容有误，请检查后重试' }) message!: string;
  @ApiPropertyOptional({ type: [ApiFieldError] }) errors?: ApiFieldError[];
  @ApiProperty({ example: '/api/public/reviews' }) path!: string;
  @ApiProperty({ example: 'req-1' }) requestId!: string;
  @ApiProperty({ example: '2026-11-28T08:00:00.000Z' }) timestamp!: string;
}

/** What an HttpException's response carries to ApiExceptionFilter besides its status. */
export interface ApiErrorBody {
  code: string;
  chineseMessage: string;
  errors?: ApiFieldError[];
  /** Sent as the Retry-After header (a 429's wait in whole seconds). */
  retryAfterSeconds?: number;
}

/**
 * A failure raised on purpose, with its stable code and Chinese message. An HttpException (not a plain Error
 * with a statusCode), so that Nest hands it to the filter as it is instead of re-wrapping it as a Fastify error.
 */
export class DomainHttpException extends HttpException {
  constructor(status: number, code: string, chineseMessage: string, errors?: ApiFieldError[], headers: { retryAfterSeconds?: number } = {}) {
    super({ code, chineseMessage, ...(errors ? { errors } : {}), ...headers } satisfies ApiErrorBody, status);
  }
}
