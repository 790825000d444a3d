import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiMetrics } from './api-metrics';

/**
 * GET /metrics (outside /api): the Prometheus scrape. Not behind sign-in; in production the API is reachable only
 * on the internal network (nginx publishes /api alone), so only Prometheus reaches it (docs/DEPLOYMENT.md).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('Content-Type', this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
