import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

export interface PrismaClientOptions {
  databaseUrl: string;
  /** Connections this process may hold; PostgreSQL's default limit is 100 for all processes together. */
  poolSize?: number;
}

/** The Rust-free Prisma client on node-postgres: no native engine at run time. */
export function createPrismaClient({ databaseUrl, poolSize = 10 }: PrismaClientOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
