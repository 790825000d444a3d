import type { PrismaClient } from '@prisma/client';

/** Where the chain first breaks, and why. */
export interface BrokenLink {
  /** The entry's place in the chain (the first one that does not hold), or null for an entry outside the chain. */
  readonly chainSeq: string | null;
  readonly id: string;
  readonly reason: 'missing-entry' | 'wrong-previous-hash' | 'content-changed' | 'not-chained';
}

export interface AuditChainReport {
  /** Entries checked. */
  readonly entries: number;
  readonly firstBroken: BrokenLink | null;
}

interface Row {
  id: bigint;
  chain_seq: bigint | null;
  prev_hash: string | null;
  hash: string | null;
  computed: string | null;
}

const BATCH = 10_000;

/**
 * Checks the audit trail's hash chain (migration 20261207065000_audit_hash_chain) from its first entry: each entry
 * follows the one before without a gap, names that entry's hash, and its own hash is what its fields give now
 * (audit_log_entry_hash, the database function the insert trigger uses). Reports the first link that does not
 * hold — an entry edited, removed or slipped in behind the application's back. Reads in batches of 10,000, so it
 * runs beside the live system.
 */
export async function verifyAuditChain(prisma: Pick<PrismaClient, '$queryRaw'>): Promise<AuditChainReport> {
  const unchained = await prisma.$queryRaw<Array<{ id: bigint }>>`SELECT "id" FROM "audit_log" WHERE "chain_seq" IS NULL ORDER BY "id" LIMIT 1`;
  let entries = 0;
  let expectedSeq = 1n;
  let previousHash = '';
  for (;;) {
    const rows = await prisma.$queryRaw<Row[]>`
      SELECT "id", "chain_seq", "prev_hash", "hash",
        audit_log_entry_hash("chain_seq", "at", "actor_id", "actor_role", "action", "entity_type", "entity_id", "details"::jsonb, "request_id", "ip", "prev_hash") AS computed
      FROM "audit_log" WHERE "chain_seq" >= ${expectedSeq} ORDER BY "chain_seq" LIMIT ${BATCH}`;
    for (const row of rows) {
      const link = { chainSeq: String(row.chain_seq), id: String(row.id) };
      if (row.chain_seq !== expectedSeq) return { entries, firstBroken: { ...link, chainSeq: String(expectedSeq), reason: 'missing-entry' } };
      if (row.prev_hash !== previousHash) return { entries, firstBroken: { ...link, reason: 'wrong-previous-hash' } };
      if (row.hash !== row.computed) return { entries, firstBroken: { ...link, reason: 'content-changed' } };
      entries += 1;
      expectedSeq += 1n;
      previousHash = row.hash ?? '';
    }
    if (rows.length < BATCH) break;
  }
  if (unchained[0]) return { entries, firstBroken: { chainSeq: null, id: String(unchained[0].id), reason: 'not-chained' } };
  return { entries, firstBroken: null };
}

/** The report in a person's words (the CLI prints it). */
export function describeAuditChain(report: AuditChainReport): string {
  if (!report.firstBroken) return `audit chain intact: ${report.entries} entries verified`;
  const { chainSeq, id, reason } = report.firstBroken;
  const what = {
    'missing-entry': `entry ${chainSeq} of the chain is missing (removed); the next entry present is id ${id}`,
    'wrong-previous-hash': `entry ${chainSeq} (id ${id}) does not name the hash of entry before it (an entry was replaced or inserted)`,
    'content-changed': `entry ${chainSeq} (id ${id}) was changed after it was written (its hash no longer matches its content)`,
    'not-chained': `entry id ${id} is outside the chain (written with the chain trigger switched off)`,
  }[reason];
  return `audit chain BROKEN after ${report.entries} good entries: ${what}`;
}
