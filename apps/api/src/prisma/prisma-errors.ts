import { Prisma } from '@haochaping/db';

/**
 * A unique index refused the row: two requests created the same key at the same moment (a read-then-insert check
 * inside a READ COMMITTED transaction cannot see the other's uncommitted row). Callers answer it as the 409 their
 * own check gives.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Prisma's errors that mean the database did not answer in time, not that the request was wrong: no free connection
 * in the pool (P2024), an interactive transaction past its time (P2028: e.g. waiting behind the audit chain's lock on a
 * busy machine), the server unreachable or gone mid-request (P1001, P1002, P1017). ApiExceptionFilter answers them
 * 503 DATABASE_BUSY with a Retry-After; nothing of the request was committed.
 */
const DATABASE_BUSY_CODES: ReadonlySet<string> = new Set(['P1001', 'P1002', 'P1017', 'P2024', 'P2028']);

export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && DATABASE_BUSY_CODES.has(error.code);
}

/** Seconds a client waits before trying again after DATABASE_BUSY. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 5;
