import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { MasterDataVersion } from '@haochaping/db';
import { AppConfig } from '../config/app-config';
import { PrismaService } from './prisma.service';

/**
 * This API process's one LISTEN connection for master-data changes (MasterDataVersion of @haochaping/db): every
 * cache of halls, windows, staff, service items, option sets and the calendar follows it. It listens before the
 * first request is served.
 */
@Injectable()
export class MasterDataVersionService extends MasterDataVersion implements OnModuleInit, OnModuleDestroy {
  constructor(prisma: PrismaService, config: AppConfig) {
    super(prisma.pool, { databaseUrl: config.databaseUrl, logger: new Logger(MasterDataVersion.name) });
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }
}
