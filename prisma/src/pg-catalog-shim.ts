/**
 * Work-around for prisma/orm issue 27403 (open at Prisma 6.19): through @prisma/adapter-pg the WebAssembly
 * schema engine fails with "Column type 'name' could not be deserialized" (then 'char'), because adapter-pg
 * has no mapping for PostgreSQL's catalog types `name` (OID 19) and `"char"` (OID 18), which the engine's
 * introspection queries return. This pool reports those columns as `text` (and their arrays as `text[]`),
 * which is what they are to every caller. Used only for migrations (prisma.config.ts); remove it when the
 * issue is fixed and `migrate-deploy.spec.ts` still passes without it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const TEXT = 25;
const TEXT_ARRAY = 1009;
const AS_TEXT: Record<number, number> = { 19: TEXT, 18: TEXT, 1003: TEXT_ARRAY, 1002: TEXT_ARRAY };
// text[] is not in pg's TypeId union, though its parser is registered.
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => unknown)(TEXT_ARRAY);

type Row = unknown[] | Record<string, unknown>;

/** Rewrites catalog-typed fields of one result in place. */
export function reportCatalogTypesAsText(result: pg.QueryResult<Row>): pg.QueryResult<Row> {
  result.fields?.forEach((field, index) => {
    const replacement = AS_TEXT[field.dataTypeID];
    if (replacement === undefined) return;
    field.dataTypeID = replacement;
    // Arrays of an unmapped type arrive as their literal ('{a,b}'): parse them as the text[] now announced.
    if (replacement !== TEXT_ARRAY) return;
    for (const row of result.rows) {
      const key = Array.isArray(row) ? index : field.name;
      const value = (row as Record<string | number, unknown>)[key];
      if (typeof value === 'string') (row as Record<string | number, unknown>)[key] = parseTextArray(value);
    }
  });
  return result;
}

/**
 * PostgreSQL 18 records NOT NULL as constraints of their own (`pg_constraint.contype = 'n'`). The schema engine's
 * check-constraint introspection (`contype NOT IN ('p', 'u', 'f')`) does not know that type and panics
 * ("RuntimeError: unreachable") whenever it introspects, i.e. in `migrate dev` and `migrate diff --from-migrations`.
 * NOT NULL is introspected from the columns anyway, so those rows are dropped from that one query's result.
 */
export function withoutNotNullConstraints(result: pg.QueryResult<Row>): pg.QueryResult<Row> {
  const typeIndex = result.fields?.findIndex((field) => field.name === 'constraint_type') ?? -1;
  if (typeIndex < 0 || !result.fields.some((field) => field.name === 'constraint_definition')) return result;
  result.rows = result.rows.filter((row) => (Array.isArray(row) ? row[typeIndex] : row.constraint_type) !== 'n');
  result.rowCount = result.rows.length;
  return result;
}

export class CatalogTypesAsTextPool extends pg.Pool {
  // pg's overloads make a typed override unwieldy; only the promise form (what adapter-pg uses) is rewritten.
  override query(...args: unknown[]): never {
    const outcome = (super.query as (...a: unknown[]) => unknown)(...args);
    if (outcome instanceof Promise) {
      return outcome.then((result: pg.QueryResult<Row>) => withoutNotNullConstraints(reportCatalogTypesAsText(result))) as never;
    }
    return outcome as never;
  }
}

/**
 * The adapter factory for Prisma's schema engine. `migrate dev` needs a shadow database; adapter-pg's own
 * `connectToShadowDb` reuses the connection string when handed a Pool and would land in the main database,
 * so this creates a throw-away database and drops it when the engine disposes of the connection.
 */
export function createMigrationAdapterFactory(
  connectionString: string,
): Pick<PrismaPg, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'> {
  const main = new PrismaPg(new CatalogTypesAsTextPool({ connectionString }));
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const shadowName = `prisma_shadow_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${shadowName}"`);
      } finally {
        await admin.end();
      }
      const url = new URL(connectionString);
      url.pathname = `/${shadowName}`;
      const pool = new CatalogTypesAsTextPool({ connectionString: url.toString() });
      const adapter = await new PrismaPg(pool).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await pool.end(); // before the drop, which would otherwise kill its idle connections under it
        const cleanup = new pg.Client({ connectionString });
        await cleanup.connect();
        try {
          await cleanup.query(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
        } finally {
          await cleanup.end();
        }
      };
      return adapter;
    },
  };
}
