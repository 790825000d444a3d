import { Global, Module } from '@nestjs/common';
import { MasterDataVersion } from '@haochaping/db';
import { MasterDataVersionService } from './master-data-version.service';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  // Consumers inject the shared class (MasterDataVersion); this process's instance is the listening one.
  providers: [PrismaService, MasterDataVersionService, { provide: MasterDataVersion, useExisting: MasterDataVersionService }],
  exports: [PrismaService, MasterDataVersion],
})
export class PrismaModule {}
