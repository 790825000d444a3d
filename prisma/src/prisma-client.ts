import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

export interface PrismaClientOptions {
  databaseUrl: string;
  /** Connections this process may hold; PostgreSQL's default limit is 100 for all processes together. */
  poolSize?: number;
  /**
   * A node-postgres pool to run on instead of one of its own, shared with code that sends its hot SQL straight to
   * PostgreSQL (see createPgPool). The caller ends it after `$disconnect()`.
   */
  pool?: Pool;
}

/** The Rust-free Prisma client on node-postgres: no native engine at run time. */
export function createPrismaClient({ databaseUrl, poolSize = 10, pool }: PrismaClientOptions): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool ?? { connectionString: databaseUrl, max: poolSize }) });
}

/** A node-postgres pool for createPrismaClient({ pool }) and the few statements that skip Prisma's query compiler. */
export function createPgPool(databaseUrl: string, poolSize = 10): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection the server ends (PostgreSQL restarting) is an 'error' event on the pool, and an 'error' event
  // nobody listens to ends the process (the worker's exchange and reconciliation pools did, under kill -9 of
  // PostgreSQL). The pool drops that connection and opens a new one when asked; a query meanwhile fails on its own.
  pool.on('error', (error) => process.stderr.write(`PostgreSQL: an idle connection was ended (${error.message}); a new one is opened when needed\n`));
  return pool;
}
