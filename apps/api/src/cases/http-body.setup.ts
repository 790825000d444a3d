import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * A body limit for one route, above the API-wide default (API_BODY_LIMIT_BYTES, 64 KiB) that protects every other
 * endpoint: a batch of 1,000 cases or a CSV of 5,000 lines is far bigger than a rating. Nest has no decorator for
 * Fastify's per-route `bodyLimit`, so it travels in the route config and HttpBodySetup copies it over.
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/**
 * Prepares Fastify for the case intake routes, at construction: routes are registered (and onRoute hooks run)
 * during app.init(), before any onModuleInit, so a hook added later would miss them.
 * - copies `@BodyLimit` from the route config into the route's bodyLimit;
 * - reads `text/csv` bodies as raw bytes (the CSV import decodes them itself, so that a file in another encoding
 *   is refused by name rather than garbled), within the route's limit.
 */
@Injectable()
export class HttpBodySetup {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const config: { bodyLimit?: unknown } | undefined = route.config;
      const limit = config?.bodyLimit;
      if (typeof limit === 'number') route.bodyLimit = limit;
    });
    if (!fastify.hasContentTypeParser('text/csv')) {
      fastify.addContentTypeParser('text/csv', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    }
  }
}
