import type { PipeTransform } from '@nestjs/common';

/** The largest value of a PostgreSQL `integer` (int4) and of a `bigint` (int8) column. */
export const INT4_MAX = 2_147_483_647n;
export const INT8_MAX = 9_223_372_036_854_775_807n;

const POSITIVE_DECIMAL = /^[1-9][0-9]{0,18}$/;

/**
 * The key of an integer column as a path or a filter names it: a positive whole number in decimal, at most `max`.
 * Anything else names no row (undefined) rather than reaching the database as a value the column cannot hold,
 * which PostgreSQL (or Prisma before it) refuses with a 500.
 */
export function parseIntegerKey(raw: string, max: bigint): bigint | undefined {
  if (!POSITIVE_DECIMAL.test(raw)) return undefined;
  const key = BigInt(raw);
  return key <= max ? key : undefined;
}

/** A path parameter naming a row by an int4 key, as a number; anything else is the resource's 404 (`notFound`). */
export class Int4KeyPipe implements PipeTransform<string, number> {
  constructor(private readonly notFound: () => Error) {}

  transform(value: string): number {
    const key = parseIntegerKey(value, INT4_MAX);
    if (key === undefined) throw this.notFound();
    return Number(key);
  }
}
