import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiError } from './api-error';

// @nestjs/swagger exports only the document's type; its parts are read off it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;
const WRITE_METHODS: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'delete']);
/** The prefix of the public intake, whose POSTs PublicIntakeHook limits (review-intake/rate-limit/public-intake.hook.ts). */
const PUBLIC_PREFIX = '/api/public/';
/** The security scheme of staff access tokens (DocumentBuilder.addBearerAuth's default name). */
const BEARER = 'bearer';

const errorAnswer = (description: string, headers?: ResponseObject['headers']): ResponseObject => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ApiError.name}` } } },
});
const RETRY_AFTER: ResponseObject['headers'] = { 'Retry-After': { description: 'seconds until the limit allows another request', schema: { type: 'integer' } } };

/**
 * The answers the API's common machinery gives on any operation, written into the OpenAPI document in this one place
 * rather than on each endpoint (where they were missing on half of them): the guards answer 401 wherever a credential
 * is required (ActorGuard, the integration key guard), the JSON parser 400 MALFORMED_JSON wherever a JSON body is
 * read (app.factory.ts), and the global validation pipe 422 wherever a path parameter, query parameter or body is read
 * (it refuses text PostgreSQL cannot store in any of them; headers are the guards'), the staff-write limit 429 on every
 * POST/PUT/PATCH/DELETE an access token may make (rate-limit/staff-write-limit.interceptor.ts), and the public intake
 * hook 413 and 429 on every POST under /api/public (review-intake/rate-limit/public-intake.hook.ts), and the exception
 * filter 503 DATABASE_BUSY on any operation when the database does not answer in time (prisma/prisma-errors.ts). An answer an
 * endpoint documents itself is kept as it is.
 * apps/api/test/openapi-document.e2e.test.ts checks the document against the running API.
 */
export function documentCommonAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const answers = operation.responses;
      answerErrorsInJson(answers);
      const add = (status: number, description: string, headers?: ResponseObject['headers']) => {
        answers[String(status)] ??= errorAnswer(description, headers);
      };
      const needsCredential = (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
      if (needsCredential) add(401, 'no valid credential: UNAUTHENTICATED (staff: sign in again), INVALID_API_KEY (integration clients)');
      const body = operation.requestBody;
      if (body && 'content' in body && body.content['application/json']) add(400, 'MALFORMED_JSON: the body is not valid JSON');
      const readsInput = body !== undefined || (operation.parameters ?? []).some((parameter) => 'in' in parameter && (parameter.in === 'path' || parameter.in === 'query'));
      if (readsInput) add(422, 'VALIDATION_FAILED: errors name each field refused');
      // What checks a credential or reads input reaches the database (the guard's session check, the handler).
      if (readsInput || needsCredential) {
        add(503, 'DATABASE_BUSY: the database did not answer in time (nothing was committed); or the service the message names is away', {
          'Retry-After': { description: 'seconds to wait before trying again', schema: { type: 'integer' } },
        });
      }
      const bearer = (operation.security ?? []).some((requirement) => BEARER in requirement);
      if (bearer && WRITE_METHODS.has(method)) add(429, 'TOO_MANY_REQUESTS: over the staff-write limit of the signed-in user (STAFF_WRITE_LIMIT_PER_MINUTE)', RETRY_AFTER);
      if (method === 'post' && path.startsWith(PUBLIC_PREFIX)) {
        add(413, 'PAYLOAD_TOO_LARGE: the body is over PUBLIC_BODY_LIMIT_BYTES');
        add(429, 'TOO_MANY_REQUESTS: over the per-address limit of the public intake (PUBLIC_RATE_LIMIT_PER_MINUTE)', RETRY_AFTER);
      }
    }
  }
  return document;
}

/**
 * An endpoint that produces a file (`@ApiProduces('text/csv')`) documents every answer in that type, its refusals
 * included; but ApiExceptionFilter answers every error in JSON. Error answers (status 400 and up) that name the
 * ApiError schema are documented as application/json alone.
 */
function answerErrorsInJson(answers: OperationObject['responses']): void {
  for (const [status, answer] of Object.entries(answers)) {
    if (Number(status) < 400 || !answer || !('content' in answer) || !answer.content) continue;
    const error = Object.values(answer.content).find((media) => media.schema && '$ref' in media.schema && media.schema.$ref === `#/components/schemas/${ApiError.name}`);
    if (error) answer.content = { 'application/json': error };
  }
}
