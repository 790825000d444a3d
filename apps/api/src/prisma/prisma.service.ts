import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { createPgPool, createPrismaClient, PrismaClient } from '@haochaping/db';
import { AppConfig } from '../config/app-config';

/** The API's one database client (Rust-free Prisma client on node-postgres) and the pool under it. */
@Injectable()
export class PrismaService implements OnApplicationShutdown {
  /**
   * The connections Prisma runs on. Hot paths send their SQL here directly (review-insert.ts): Prisma compiles
   * even a raw statement in its WebAssembly query compiler, which costs more CPU than PostgreSQL running it.
   */
  readonly pool: Pool;
  readonly client: PrismaClient;

  constructor(config: AppConfig) {
    this.pool = createPgPool(config.databaseUrl);
    this.client = createPrismaClient({ databaseUrl: config.databaseUrl, pool: this.pool });
  }

  /** Last, after every module has stopped using it. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.$disconnect();
    await this.pool.end();
  }
}
