import type { Prisma } from '@prisma/client';
import { DEFAULT_SLA_POLICY } from '@haochaping/contracts';
import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { appendAudit } from './audit-log';
import { createPrismaClient } from './prisma-client';
import { loadCurrentSlaPolicy, parseSlaPolicy } from './sla-policy';

describe('SLA policy versions and the audit trail in PostgreSQL', () => {
  let db: TestDatabase;
  let prisma: ReturnType<typeof createPrismaClient>;
  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('seeds version 1, DOMAIN.md clocks, and new cases take the newest version', async () => {
    await expect(loadCurrentSlaPolicy(prisma)).resolves.toEqual(DEFAULT_SLA_POLICY);
    const literal = { ...DEFAULT_SLA_POLICY, version: 2, categories: { ...DEFAULT_SLA_POLICY.categories, IMMEDIATE: { callback: { amount: 1, unit: 'CALENDAR_HOURS' }, result: { amount: 1, unit: 'WORKING_DAYS' } } } };
    await prisma.slaPolicyVersion.create({ data: { version: 2, policy: literal as unknown as Prisma.InputJsonObject, createdBy: 'admin-1' } });
    const current = await loadCurrentSlaPolicy(prisma);
    expect(current.version).toBe(2);
    expect(current.categories.IMMEDIATE.callback).toEqual({ amount: 1, unit: 'CALENDAR_HOURS' });
  });

  it.each([
    ['a missing category', { ...DEFAULT_SLA_POLICY, categories: { IMMEDIATE: DEFAULT_SLA_POLICY.categories.IMMEDIATE } }, /TIME_LIMITED is missing/],
    ['an unknown unit', { ...DEFAULT_SLA_POLICY, escalationAfter: { amount: 1, unit: 'FORTNIGHTS' } }, /escalationAfter/],
    ['a zero amount', { ...DEFAULT_SLA_POLICY, confirmationWindow: { amount: 0, unit: 'WORKING_DAYS' } }, /confirmationWindow/],
    ['a reminder at 100%', { ...DEFAULT_SLA_POLICY, reminderRatio: 1 }, /reminderRatio/],
    ['no version', { ...DEFAULT_SLA_POLICY, version: 'one' }, /version/],
  ])('refuses a stored policy with %s', (_what, policy, message) => {
    expect(() => parseSlaPolicy(policy)).toThrow(message);
  });

  it('keeps the audit trail append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await appendAudit(prisma, { actorId: 'u-1', actorRole: 'ADMIN', action: 'api-client.create', entityType: 'api_client', entityId: 'c-1', details: { name: '不动产系统' } });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { actorId: 'u-1' } });
    expect(row).toMatchObject({ action: 'api-client.create', entityId: 'c-1', details: { name: '不动产系统' } });
    await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await expect(prisma.auditLog.count()).resolves.toBe(1);
  });
});
