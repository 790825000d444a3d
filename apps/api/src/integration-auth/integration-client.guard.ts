import { applyDecorators, createParamDecorator, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { DomainHttpException } from '../common/api-error';
import { API_KEY_HEADER } from './api-key';
import { IntegrationClientsService } from './integration-clients.service';

/** The business system (or the provincial portal bridge) calling /api/integration. */
export interface IntegrationClient {
  readonly id: string;
  readonly name: string;
}

/** Where the guard leaves the client for `@CurrentIntegrationClient()`. */
export interface RequestWithIntegrationClient extends FastifyRequest {
  integrationClient?: IntegrationClient;
}

export const invalidApiKey = () => new DomainHttpException(401, 'INVALID_API_KEY', 'API 密钥无效或已停用（请在 X-Api-Key 请求头中提供有效密钥）');

/**
 * Authenticates an integration client by its `X-Api-Key` header (SHA-256 lookup); a missing, unknown or disabled
 * key is 401 INVALID_API_KEY. Use on every /api/integration endpoint through `@IntegrationClientAuth()`.
 */
@Injectable()
export class IntegrationClientGuard implements CanActivate {
  constructor(private readonly clients: IntegrationClientsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithIntegrationClient>();
    const header = request.headers[API_KEY_HEADER];
    if (typeof header !== 'string') throw invalidApiKey();
    const client = await this.clients.authenticate(header.trim());
    if (!client) throw invalidApiKey();
    request.integrationClient = client;
    return true;
  }
}

/** The client IntegrationClientGuard authenticated (`{ id, name }`); using it without the guard is a programming error. */
export const CurrentIntegrationClient = createParamDecorator((_data: unknown, context: ExecutionContext): IntegrationClient => {
  const client = context.switchToHttp().getRequest<RequestWithIntegrationClient>().integrationClient;
  if (!client) throw invalidApiKey();
  return client;
});

/** The OpenAPI security scheme of the integration key (declared in app.factory.ts). */
export const INTEGRATION_API_KEY = 'api-key';

/**
 * An integration endpoint: the key guard, and the OpenAPI document's security requirement that says so (its 401 is
 * added with every credential's, in common/openapi-common-answers.ts), so the two cannot part.
 */
export const IntegrationClientAuth = () => applyDecorators(UseGuards(IntegrationClientGuard), ApiSecurity(INTEGRATION_API_KEY));
