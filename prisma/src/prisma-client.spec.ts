import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { createPgPool } from './prisma-client';

describe('createPgPool: a connection the server ends while idle', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is dropped with a line on stderr, not an unhandled error that ends the process; the pool answers again', async () => {
    const pool = createPgPool(db.url, 1);
    const said = jest.spyOn(process.stderr, 'write');
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // As PostgreSQL does to every connection when it restarts after a crash (kill -9 of the postmaster).
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      const deadline = Date.now() + 10_000;
      while (!said.mock.calls.some(([text]) => String(text).includes('an idle connection was ended')) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(said.mock.calls.map(([text]) => String(text))).toContainEqual(expect.stringMatching(/^PostgreSQL: an idle connection was ended \(terminating connection due to administrator command\)/));
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      said.mockRestore();
      await admin.end();
      await pool.end();
    }
  });
});
