import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiError } from './api-error';

// @nestjs/swagger exports only the document's type; its parts are read off it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Extract<OperationObject['responses'][string], { description: string }>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const errorAnswer = (description: string): ResponseObject => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ApiError.name}` } } },
});

/**
 * The answers the API's common machinery gives on any operation, written into the OpenAPI document in this one place
 * rather than on each endpoint (where they were missing on half of them): the guards answer 401 wherever a credential
 * is required (ActorGuard, the integration key guard), the JSON parser 400 MALFORMED_JSON wherever a JSON body is
 * read (app.factory.ts), and the global validation pipe 422 wherever a path parameter, query parameter or body is read
 * (it refuses text PostgreSQL cannot store in any of them; headers are the guards'). An answer an endpoint documents itself is kept as it is.
 * apps/api/test/openapi-document.e2e.test.ts checks the document against the running API.
 */
export function documentCommonAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const answers = operation.responses;
      const add = (status: number, description: string) => {
        answers[String(status)] ??= errorAnswer(description);
      };
      if ((operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0)) add(401, 'no valid credential: UNAUTHENTICATED (staff: sign in again), INVALID_API_KEY (integration clients)');
      const body = operation.requestBody;
      if (body && 'content' in body && body.content['application/json']) add(400, 'MALFORMED_JSON: the body is not valid JSON');
      const readsInput = body !== undefined || (operation.parameters ?? []).some((parameter) => 'in' in parameter && (parameter.in === 'path' || parameter.in === 'query'));
      if (readsInput) add(422, 'VALIDATION_FAILED: errors name each field refused');
    }
  }
  return document;
}
