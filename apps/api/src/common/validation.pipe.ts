import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { findUnstorableText } from '@haochaping/contracts';
import { DomainHttpException, type ApiFieldError } from './api-error';

/** What a field holding text PostgreSQL cannot store (NUL, a lone UTF-16 surrogate) is told. */
export const UNSTORABLE_TEXT_MESSAGE = '不能含有空字符（U+0000）或不成对的 UTF-16 代理字符';

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
 * The one global ValidationPipe: text PostgreSQL cannot store is refused first, in any body, query or path
 * parameter of any endpoint (it would fail the write with a 500, or, in a workflow's state, every projection after
 * it); then unknown fields are refused, payloads are transformed into DTO classes, and failures become 422 with one
 * entry per field (shape: common/api-error.ts).
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // `custom`: what our own decorators read from the request (the signed-in actor), not what the client sent.
    if (metadata.type !== 'custom') {
      const field = findUnstorableText(value, metadata.data ?? '');
      if (field !== undefined) {
        throw new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容含有无法保存的字符，请删除后重试', [
          { field: field === '' ? metadata.type : field, message: UNSTORABLE_TEXT_MESSAGE },
        ]);
      }
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainHttpException(422, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', flatten(errors)),
  });
}
