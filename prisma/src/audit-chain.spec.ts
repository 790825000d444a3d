import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { describeAuditChain, verifyAuditChain } from './audit-chain';
import { appendAudit, type AuditEntry } from './audit-log';
import { createPrismaClient } from './prisma-client';

const entry = (n: number): AuditEntry => ({
  actorId: `admin-${n}`,
  actorRole: 'ADMIN',
  action: 'api-client.create',
  entityType: 'api_client',
  entityId: `client-${n}`,
  details: { name: `系统 ${n}`, n },
  requestId: `req-${n}`,
  ip: '10.0.0.1',
});

/** The audit trail's hash chain: written by the database on every insert, checked by the verifier. */
describe('audit trail hash chain', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;

  beforeEach(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  });
  afterEach(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  /** An owner working behind the application's back: the append-only and chain triggers switched off. */
  const asOwner = (sql: string) => prisma.$transaction([prisma.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`), prisma.$executeRawUnsafe(sql)]);

  it('chains every entry to the one before, also under concurrent writers, and the verifier finds it intact', async () => {
    const before = (await verifyAuditChain(prisma)).entries;
    await Promise.all(Array.from({ length: 25 }, (_, n) => appendAudit(prisma, entry(n))));
    const rows = await prisma.auditLog.findMany({ where: { action: 'api-client.create' }, orderBy: { chainSeq: 'asc' } });
    expect(rows).toHaveLength(25);
    for (const [index, row] of rows.entries()) {
      if (index > 0) expect(row.prevHash).toBe(rows[index - 1].hash);
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const report = await verifyAuditChain(prisma);
    expect(report).toEqual({ entries: before + 25, firstBroken: null });
    expect(describeAuditChain(report)).toBe(`audit chain intact: ${before + 25} entries verified`);
  });

  it('names the first entry changed behind the application’s back', async () => {
    for (let n = 0; n < 5; n++) await appendAudit(prisma, entry(n));
    const third = await prisma.auditLog.findFirstOrThrow({ where: { entityId: 'client-2' } });
    await asOwner(`UPDATE "audit_log" SET "details" = '{"name":"改过的","n":2}' WHERE "id" = ${third.id}`);
    const report = await verifyAuditChain(prisma);
    expect(report.firstBroken).toEqual({ chainSeq: String(third.chainSeq), id: String(third.id), reason: 'content-changed' });
    expect(describeAuditChain(report)).toMatch(new RegExp(`BROKEN after ${report.entries} good entries: entry ${third.chainSeq} \\(id ${third.id}\\) was changed`));
  });

  it('names an entry removed, and one rewritten with a fresh hash of its own (its successor no longer follows it)', async () => {
    for (let n = 0; n < 4; n++) await appendAudit(prisma, entry(n));
    const [first, second, third] = await prisma.auditLog.findMany({ where: { action: 'api-client.create' }, orderBy: { chainSeq: 'asc' } });

    // Rewritten consistently with its own content: the next entry still names the old hash.
    await asOwner(
      `UPDATE "audit_log" SET "actor_id" = 'someone-else', "hash" = audit_log_entry_hash("chain_seq", "at", 'someone-else', "actor_role", "action", "entity_type", "entity_id", "details", "request_id", "ip", "prev_hash") WHERE "id" = ${second.id}`,
    );
    expect((await verifyAuditChain(prisma)).firstBroken).toEqual({ chainSeq: String(third.chainSeq), id: String(third.id), reason: 'wrong-previous-hash' });

    await asOwner(`DELETE FROM "audit_log" WHERE "id" IN (${second.id}, ${third.id})`);
    expect((await verifyAuditChain(prisma)).firstBroken).toMatchObject({ chainSeq: String(second.chainSeq), reason: 'missing-entry' });
    expect(first.chainSeq).toBe((second.chainSeq ?? 0n) - 1n);
  });

  it('names an entry slipped in with the chain trigger off', async () => {
    await appendAudit(prisma, entry(0));
    await asOwner(`INSERT INTO "audit_log" ("actor_id", "actor_role", "action", "entity_type") VALUES ('ghost', 'ADMIN', 'user.create', 'user')`);
    expect((await verifyAuditChain(prisma)).firstBroken).toMatchObject({ chainSeq: null, reason: 'not-chained' });
  });

  it('the database still refuses UPDATE and DELETE to everyone else', async () => {
    await appendAudit(prisma, entry(0));
    await expect(prisma.$executeRawUnsafe(`UPDATE "audit_log" SET "actor_id" = 'x'`)).rejects.toThrow(/append-only/);
  });
});
