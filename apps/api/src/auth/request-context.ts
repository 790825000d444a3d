import type { FastifyRequest } from 'fastify';

/** Where a request came from, for the audit trail (Fastify's request id: X-Request-Id or a UUID; the client address). */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export function requestContext(request: FastifyRequest): RequestContext {
  const userAgent = request.headers['user-agent'];
  return { requestId: String(request.id), ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null };
}
