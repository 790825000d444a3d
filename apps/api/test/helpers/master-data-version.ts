import type { INestApplicationContext } from '@nestjs/common';
import { MasterDataVersion, type PrismaClient } from '@haochaping/db';

/** The master-data version the database holds now (every write to a cached table raised it). */
export async function storedMasterDataVersion(prisma: PrismaClient): Promise<number> {
  return Number((await prisma.masterDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version);
}

/**
 * Waits until an API instance or the worker has heard (by its master_data_changed LISTEN connection) of every
 * master-data change committed so far. A test that writes master data straight to the database acts as another
 * process would: the instance learns of it milliseconds later, and the test waits for that rather than racing it.
 */
export async function heardOfMasterDataChanges(context: INestApplicationContext, prisma: PrismaClient): Promise<void> {
  await context.get(MasterDataVersion).seen(await storedMasterDataVersion(prisma));
}
