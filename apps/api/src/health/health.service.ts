import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
import { TemporalClientService } from '../temporal/temporal-client.service';

export interface DependencyCheck {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: { postgres: DependencyCheck; temporal: DependencyCheck };
}

const CHECK_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
  ) {}

  async report(): Promise<HealthReport> {
    const [postgres, temporal] = await Promise.all([
      this.check(() => this.prisma.client.$queryRaw`SELECT 1`),
      this.check(() => this.temporal.withDeadline(CHECK_TIMEOUT_MS, () => this.temporal.connection.workflowService.getSystemInfo({}))),
    ]);
    return { status: postgres.status === 'up' && temporal.status === 'up' ? 'ok' : 'error', checks: { postgres, temporal } };
  }

  private async check(probe: () => Promise<unknown>): Promise<DependencyCheck> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS))),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
