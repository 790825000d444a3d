import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainHttpException, type ApiFieldError } from './api-error';

function flatten(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      // forbidNonWhitelisted's own message is English; every other message is written in the DTO.
      message: constraint === 'whitelistValidation' ? `不接受字段 ${field}` : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The one global ValidationPipe: unknown fields are refused, payloads are transformed into DTO classes,
 * and failures become 422 with one entry per field (shape: common/api-error.ts).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', flatten(errors)),
  });
}
