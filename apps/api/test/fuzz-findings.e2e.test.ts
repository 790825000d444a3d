import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { errorShapeProblem } from './helpers/fuzz-recorder';

type Responses = Record<string, { content?: Record<string, unknown> }>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Responses }>>;
}

/**
 * What the fuzz run (fuzz.e2e.test.ts) found, each pinned by the request that showed it: the answer is as the
 * OpenAPI document says (status and content type) and in the one error shape.
 */
describe('findings of the fuzz run', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let document: OpenApiDocument;
  const admin = { 'x-dev-actor': JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] }) };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApp(new AppConfig(db.url, testTemporalAddress(), 'default', 'fuzz-findings', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY)), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  // [what was found, method, documented path, the request's path, its body, the status it must answer]
  it.each<[string, string, string, string, unknown, number]>([
    ['a refused CSV export answered JSON where the document said text/csv only', 'get', '/api/reviews/export.csv', '/reviews/export.csv?sort=%5B%22name%22%2C%22ASC%22%5D', undefined, 422],
    ['a refused figures CSV, likewise', 'get', '/api/results/figures.csv', '/results/figures.csv?from=yesterday', undefined, 422],
    ['a refused figures workbook, likewise', 'get', '/api/results/figures.xlsx', '/results/figures.xlsx?from=yesterday', undefined, 422],
    ['a calendar day added to a year that is no year: an undocumented 404', 'post', '/api/calendar-years/{year}/days', '/calendar-years/0.0/days', { date: '2027-04-30', kind: 'HOLIDAY' }, 404],
    ['a window renamed to null: 500 (IsOptional let null through to the database)', 'put', '/api/windows/{id}', '/windows/jintun-W01', { name: null }, 422],
    ['a user created with initialPassword null: 500 (IsOptional let null through to the password policy)', 'post', '/api/admin/users', '/admin/users', { username: 'jintun-handler4', displayName: '金屯窗口四', role: 'HANDLER', hallCodes: ['jintun'], phone: null, initialPassword: null }, 422],
    ['a notice imported for a year that is no year: an undocumented 404', 'post', '/api/calendar-years/{year}/notice', '/calendar-years/0.0/notice', { text: '2027-01-01~2027-01-03 休 元旦' }, 404],
  ])('%s', async (_found, method, documentedPath, requestPath, body, status) => {
    const response = await fetch(`${baseUrl}${requestPath}`, {
      method: method.toUpperCase(),
      headers: { ...admin, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(errorShapeProblem(status, Buffer.from(await response.arrayBuffer()))).toBeUndefined();
    const documented = document.paths[documentedPath]?.[method]?.responses[String(status)];
    expect(Object.keys(documented?.content ?? {})).toEqual(['application/json']);
  });

  it('documents the 409 CLIENT_KEY_REUSED of every endpoint that takes a clientKey (the staff entry answered it undocumented)', async () => {
    const clientKey = 'fuzz-finding-409';
    const entry = (comment: string) =>
      fetch(`${baseUrl}/feedback-entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) },
        body: JSON.stringify({ clientKey, channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment }),
      });
    expect((await entry('排队时间太长')).status).toBe(201);
    const reused = await entry('另一条意见');
    expect(reused.status).toBe(409);
    expect(((await reused.json()) as { code: string }).code).toBe('CLIENT_KEY_REUSED');
    for (const path of ['/api/feedback-entries', '/api/public/reviews', '/api/integration/reviews']) {
      expect({ path, documented: Object.keys(document.paths[path]?.post?.responses ?? {}) }).toEqual({ path, documented: expect.arrayContaining(['409']) as string[] });
    }
  });

  it('answers one username created by two requests at one moment with 201 and 409 USERNAME_TAKEN (the second insert met the unique index: 500)', async () => {
    const create = () =>
      fetch(`${baseUrl}/admin/users`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'jintun-handler2', displayName: '金屯窗口二', role: 'HANDLER', hallCodes: ['jintun'], phone: null }),
      });
    // The moment made certain: a lock that lets both requests read (no such username yet) but holds both inserts
    // until both are waiting; then they race for the unique index as two admins' clicks can.
    const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    try {
      let pending: Promise<Response[]> | undefined;
      await prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe('LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE');
          pending = Promise.all([create(), create()]);
          for (let waited = 0; ; waited += 50) {
            const [{ waiting }] = await tx.$queryRaw<Array<{ waiting: number }>>`SELECT count(*)::int AS waiting FROM pg_locks WHERE relation = 'app_user'::regclass AND NOT granted`;
            if (waiting === 2) break;
            if (waited > 10_000) throw new Error(`${waiting} of 2 inserts waiting after 10 s`);
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        },
        { timeout: 30_000 },
      );
      const answers = await pending!;
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      const refused = answers.find((answer) => answer.status === 409);
      const body = Buffer.from(await refused!.arrayBuffer());
      expect(errorShapeProblem(409, body)).toBeUndefined();
      expect((JSON.parse(body.toString()) as { code: string }).code).toBe('USERNAME_TAKEN');
      await expect(prisma.user.count({ where: { username: 'jintun-handler2' } })).resolves.toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('answers 503 DATABASE_BUSY with a Retry-After when a transaction runs out of time behind the audit chain’s lock, and writes nothing (was a 500)', async () => {
    // A busy machine's slow audit writer, made certain: another transaction holds the chain's lock (audit_log_chain())
    // for 7 s, longer than the 5 s an interactive transaction may take; the user's transaction waits behind it and
    // reaches its commit too late.
    const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 1 });
    try {
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => (locked = resolve));
      const holder = prisma.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock(7235411801)');
          locked();
          await new Promise((resolve) => setTimeout(resolve, 7_000));
        },
        { timeout: 30_000 },
      );
      await lockTaken;
      const answer = await fetch(`${baseUrl}/admin/users`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'jintun-handler3', displayName: '金屯窗口三', role: 'HANDLER', hallCodes: ['jintun'], phone: null }),
      });
      await holder;
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      const body = Buffer.from(await answer.arrayBuffer());
      expect(errorShapeProblem(503, body)).toBeUndefined();
      expect((JSON.parse(body.toString()) as { code: string }).code).toBe('DATABASE_BUSY');
      expect(Object.keys(document.paths['/api/admin/users']?.post?.responses ?? {})).toContain('503');
      await expect(prisma.user.count({ where: { username: 'jintun-handler3' } })).resolves.toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('answers an OPTIONS request that is no CORS preflight without a plain-text 400 (strict preflight answered "Invalid Preflight Request")', async () => {
    const response = await fetch(`${baseUrl}/notifications/read-all`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
