import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureDatabase, dropDatabase, migrate, migrationsOnDisk, withDatabase } from '@haochaping/devstack';
import { reportCatalogTypesAsText, withoutNotNullConstraints } from './pg-catalog-shim';

const adminUrl = () => {
  const url = process.env.TEST_DATABASE_ADMIN_URL;
  if (!url) throw new Error('run with `npm test` (TEST_DATABASE_ADMIN_URL is not set)');
  return url;
};

describe('migrations through the WebAssembly schema engine (prisma/orm issue 27403 shim)', () => {
  const name = `migrate_${randomBytes(4).toString('hex')}`;
  afterAll(() => dropDatabase(adminUrl(), name));

  it('applies every migration to an empty database with `migrate deploy`', async () => {
    await ensureDatabase(adminUrl(), name);
    const url = withDatabase(adminUrl(), name);
    migrate(url);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name');
      expect(applied.rows.map((row) => row.migration_name)).toEqual(migrationsOnDisk());
      const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows.map((row) => row.table_name)).toEqual(expect.arrayContaining(['hall', 'review', 'outbox_message', 'rectification_case']));
    } finally {
      await client.end();
    }
  });

  it('is a no-op the second time', () => {
    const url = withDatabase(adminUrl(), name);
    expect(() => migrate(url)).not.toThrow();
  });
});

describe('reportCatalogTypesAsText', () => {
  const field = (name: string, dataTypeID: number) => ({ name, dataTypeID, tableID: 0, columnID: 0, dataTypeSize: 0, dataTypeModifier: 0, format: 'text' as const });

  it.each([
    ['name', 19, 'hall', 25, 'hall'],
    ['"char"', 18, 'r', 25, 'r'],
    ['name[]', 1003, '{a,b}', 1009, ['a', 'b']],
    ['"char"[]', 1002, '{r,v}', 1009, ['r', 'v']],
    ['int4 (untouched)', 23, 7, 23, 7],
  ])('reports %s as the type the adapter knows', (_label, oid, value, expectedOid, expectedValue) => {
    const result = { command: 'SELECT', rowCount: 1, oid: 0, fields: [field('c', oid)], rows: [[value]] } as unknown as pg.QueryResult<unknown[]>;
    reportCatalogTypesAsText(result);
    expect(result.fields[0].dataTypeID).toBe(expectedOid);
    expect(result.rows[0][0]).toEqual(expectedValue);
  });
});

describe('withoutNotNullConstraints (PostgreSQL 18 lists NOT NULL in pg_constraint; the schema engine panics on it)', () => {
  const column = (name: string) => ({ name, dataTypeID: 25, tableID: 0, columnID: 0, dataTypeSize: 0, dataTypeModifier: 0, format: 'text' as const });
  const result = (fields: string[], rows: unknown[][]) => ({ command: 'SELECT', rowCount: rows.length, oid: 0, fields: fields.map(column), rows }) as unknown as pg.QueryResult<unknown[]>;

  it('drops the NOT NULL rows of the constraint introspection and keeps the check constraints', () => {
    const constraints = result(['namespace', 'table_name', 'constraint_name', 'constraint_type', 'constraint_definition'], [
      ['public', 'hall', 'hall_code_not_null', 'n', 'NOT NULL code'],
      ['public', 'review', 'review_level_check', 'c', 'CHECK ((level >= 1))'],
    ]);
    withoutNotNullConstraints(constraints);
    expect(constraints.rows.map((row) => row[2])).toEqual(['review_level_check']);
    expect(constraints.rowCount).toBe(1);
  });

  it('leaves every other query alone', () => {
    const other = result(['constraint_type'], [['n']]);
    withoutNotNullConstraints(other);
    expect(other.rows).toHaveLength(1);
  });
});
