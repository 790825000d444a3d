import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a browser, WeChat's cache or a proxy may keep a public answer without asking again (seconds). */
export const PUBLIC_RESULTS_MAX_AGE_SECONDS = 60;

/** A strong entity tag over exactly the bytes sent: the SHA-256 of the body, base64url, quoted. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header names `etag` (RFC 9110 §13.1.2: a list of tags or `*`, compared weakly, so a
 * `W/` a cache added still matches).
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = (Array.isArray(header) ? header.join(',') : header).split(',').map((tag) => tag.trim());
  return tags.some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}

/**
 * Sends `value` as JSON that anyone may cache for PUBLIC_RESULTS_MAX_AGE_SECONDS, with its strong ETag; answers 304
 * with no body when the client already holds this very body.
 */
export async function sendCacheable(request: FastifyRequest, reply: FastifyReply, value: unknown): Promise<void> {
  const body = JSON.stringify(value);
  const etag = strongEtag(body);
  void reply.header('cache-control', `public, max-age=${PUBLIC_RESULTS_MAX_AGE_SECONDS}`).header('etag', etag);
  if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
    await reply.status(304).send();
    return;
  }
  await reply.status(200).header('content-type', 'application/json; charset=utf-8').send(body);
}
