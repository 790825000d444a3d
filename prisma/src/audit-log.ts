import type { Prisma } from '@prisma/client';

/** One line of the append-only audit trail (see the AuditLog model). Never put a decrypted name or phone in details. */
export interface AuditEntry {
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonObject;
  requestId?: string | null;
  ip?: string | null;
}

/**
 * Appends to the audit trail. Pass the transaction that makes the change, so the change and its audit line commit
 * together; the database refuses any later UPDATE or DELETE of the line.
 */
export async function appendAudit(db: Pick<Prisma.TransactionClient, 'auditLog'>, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      actorRole: entry.actorRole,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      ...(entry.details ? { details: entry.details } : {}),
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
    },
  });
}
