import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createPrismaClient, PrismaClient } from '@haochaping/db';
import { AppConfig } from '../config/app-config';

/** The API's one database client (Rust-free Prisma client on node-postgres). */
@Injectable()
export class PrismaService implements OnApplicationShutdown {
  readonly client: PrismaClient;

  constructor(config: AppConfig) {
    this.client = createPrismaClient({ databaseUrl: config.databaseUrl });
  }

  /** Last, after every module has stopped using it. */
  async onApplicationShutdown(): Promise<void> {
    await this.client.$disconnect();
  }
}
