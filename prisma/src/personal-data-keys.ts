import { ciphertextHeader, DataProtector, DecryptionError, KEY_ID_SQL_PATTERN, LEGACY_CIPHERTEXT_PREFIX, LEGACY_KEY_ID, type DataKeyRing } from '@haochaping/privacy/server';
import { Pool } from 'pg';

/** What the key functions need of node-postgres (a Pool or a Client). */
export interface SqlRunner {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
}

/**
 * Every column that holds a DataProtector ciphertext, by table (prisma/schema.prisma: the `…Enc` fields), with the
 * type of the table's id, which orders the rotation's batches. personal-data-keys.spec.ts holds this list against
 * the schema, so a new encrypted column fails a test until it is added here.
 *
 * The keyed hashes next to them (`…_hash`, sms_opt_out, call_log_entry) are blind indexes under the root key and
 * are not rotated (DataKeyRing).
 */
export const ENCRYPTED_COLUMNS: ReadonlyArray<{ readonly table: string; readonly idType: 'uuid' | 'bigint' | 'smallint'; readonly columns: readonly string[] }> = [
  { table: 'service_case', idType: 'uuid', columns: ['applicant_name_enc', 'applicant_phone_enc'] },
  { table: 'review', idType: 'uuid', columns: ['reviewer_name_enc', 'reviewer_phone_enc'] },
  { table: 'notification', idType: 'bigint', columns: ['recipient_enc'] },
  { table: 'app_user', idType: 'uuid', columns: ['phone_enc'] },
  { table: 'staff_sms_settings', idType: 'smallint', columns: ['county_duty_phone_enc'] },
];

/** How many values of one column are under one key id; keyId null: not a ciphertext of any known format. */
export interface KeyCount {
  readonly table: string;
  readonly column: string;
  readonly keyId: string | null;
  readonly values: number;
}

/** Counts the stored values of every encrypted column by the key id they name (one scan per column). */
export async function countValuesByKey(db: SqlRunner): Promise<KeyCount[]> {
  const counts: KeyCount[] = [];
  for (const { table, columns } of ENCRYPTED_COLUMNS) {
    for (const column of columns) {
      const { rows } = await db.query(
        `SELECT CASE WHEN starts_with("${column}", $1) THEN $2 ELSE substring("${column}" from $3) END AS key_id, count(*)::int AS n
           FROM "${table}" WHERE "${column}" IS NOT NULL GROUP BY 1 ORDER BY 1`,
        [LEGACY_CIPHERTEXT_PREFIX, LEGACY_KEY_ID, KEY_ID_SQL_PATTERN],
      );
      for (const row of rows) counts.push({ table, column, keyId: (row.key_id as string | null) ?? null, values: Number(row.n) });
    }
  }
  return counts;
}

/** The counts whose key the protector does not hold (values nobody here can read). */
export function missingKeys(counts: readonly KeyCount[], protector: DataProtector): KeyCount[] {
  const held = new Set(protector.keyIds);
  return counts.filter((count) => count.keyId !== null && !held.has(count.keyId));
}

/** Where the census says how the stored values stand, one line per column and key: `review.reviewer_phone_enc  k1  12`. */
export function describeKeyCounts(counts: readonly KeyCount[], activeKeyId: string): string {
  if (counts.length === 0) return '没有加密的个人信息。';
  const lines = counts.map(({ table, column, keyId, values }) => {
    const note = keyId === null ? '（无法识别的格式）' : keyId === activeKeyId ? '（当前密钥）' : '（待轮换）';
    return `  ${`${table}.${column}`.padEnd(38)} ${(keyId ?? '?').padEnd(12)} ${String(values).padStart(9)} ${note}`;
  });
  const remaining = counts.filter((count) => count.keyId !== activeKeyId).reduce((sum, count) => sum + count.values, 0);
  const byKey = new Map<string, number>();
  for (const count of counts) if (count.keyId !== activeKeyId) byKey.set(count.keyId ?? '?', (byKey.get(count.keyId ?? '?') ?? 0) + count.values);
  const summary = remaining === 0
    ? `全部在当前密钥 ${activeKeyId} 上。`
    : `尚有 ${remaining} 个值不在当前密钥 ${activeKeyId} 上：${[...byKey].map(([keyId, values]) => `${keyId} ${values}`).join('，')}。`;
  return [`个人信息密钥（当前：${activeKeyId}）`, ...lines, summary].join('\n');
}

/**
 * Refuses to start when a stored value names a key the ring lacks: better a clear error at start than names and
 * phones that fail one by one later. Opens one connection of its own and closes it.
 */
export async function assertStoredKeysInRing(databaseUrl: string, protector: DataProtector): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    let counts: KeyCount[];
    try {
      counts = await countValuesByKey(pool);
    } catch (error) {
      // A database that is away (restarting, not yet up) must not keep the process from starting: it answers 503
      // health until the database is back, and a value under a missing key still fails when it is read.
      process.stderr.write(`personal-data key check skipped: the database could not be read (${String(error)})\n`);
      return;
    }
    const missing = missingKeys(counts, protector);
    if (missing.length === 0) return;
    const keyIds = [...new Set(missing.map((count) => count.keyId))].join(', ');
    const where = missing.map(({ table, column, keyId, values }) => `${table}.${column}: ${values} under ${keyId}`).join('; ');
    throw new Error(
      `stored personal data is encrypted under key ${keyIds}, which the key ring (DATA_ENCRYPTION_KEY, PERSONAL_DATA_KEYS) does not hold (${where}). ` +
        'Add the key back to PERSONAL_DATA_KEYS and restart; retire a key only after `npm run keys:rotate -- --check` shows none of its values (docs/DEPLOYMENT.md, "Rotating the personal-data key").',
    );
  } finally {
    await pool.end();
  }
}

/** The API's and the worker's DataProtector, once the database holds nothing its ring cannot read. */
export async function protectorFor(databaseUrl: string, keys: Buffer | DataKeyRing): Promise<DataProtector> {
  const protector = new DataProtector(keys);
  await assertStoredKeysInRing(databaseUrl, protector);
  return protector;
}

/** One table's progress: values re-encrypted of those found at the start, rows left because they changed meanwhile. */
export interface RotationProgress {
  readonly table: string;
  readonly done: number;
  readonly total: number;
  readonly changedMeanwhile: number;
}

/** A row whose value could not be decrypted (altered, or of no known format); it is left as it is. */
export interface RotationFailure {
  readonly table: string;
  readonly id: string;
  readonly column: string;
  readonly reason: string;
}

export interface RotationOptions {
  /** Rows per batch, each batch one UPDATE statement (so one transaction). */
  readonly batchSize?: number;
  /** Called after every batch. */
  readonly onProgress?: (progress: RotationProgress) => void;
}

export interface RotationReport {
  readonly tables: RotationProgress[];
  readonly failures: RotationFailure[];
}

/**
 * Re-encrypts, under the protector's active key, every stored value that is on another key: table by table, in
 * batches ordered by id. Safe while the API and the worker run:
 * - a batch reads its rows without locking them, re-encrypts them here, and writes them in one UPDATE that changes
 *   a row only if its values are still the ones read (compare-and-set), so a value the application wrote
 *   meanwhile is never overwritten (the row is counted as changed meanwhile; its new value is on the active key
 *   when the application runs with the new ring, otherwise the next run takes it);
 * - every batch commits on its own, so a run stopped at any point loses nothing and the next run continues with
 *   whatever is still on another key;
 * - readers never wait: an old value and a new one decrypt to the same plaintext, and both keys are in the ring.
 */
export async function rotatePersonalDataKeys(db: SqlRunner, protector: DataProtector, options: RotationOptions = {}): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`the batch size must be a whole number of rows (1 or more), got ${batchSize}`);
  const header = ciphertextHeader(protector.activeKeyId);
  const tables: RotationProgress[] = [];
  const failures: RotationFailure[] = [];

  for (const { table, idType, columns } of ENCRYPTED_COLUMNS) {
    const offActive = columns.map((column) => `("${column}" IS NOT NULL AND NOT starts_with("${column}", $1))`).join(' OR ');
    const total = Number((await db.query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${offActive}`, [header])).rows[0]?.n ?? 0);
    let progress: RotationProgress = { table, done: 0, total, changedMeanwhile: 0 };
    let after: string | null = null;
    for (;;) {
      const { rows } = await db.query(
        `SELECT id::text AS id, ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"
          WHERE (${offActive}) ${after === null ? '' : `AND id > $3::${idType}`} ORDER BY id LIMIT $2`,
        after === null ? [header, batchSize] : [header, batchSize, after],
      );
      if (rows.length === 0) break;
      after = String(rows[rows.length - 1]?.id);

      const ids: string[] = [];
      const before: Array<Array<string | null>> = columns.map(() => []);
      const rotated: Array<Array<string | null>> = columns.map(() => []);
      for (const row of rows) {
        const next = reencryptRow(protector, columns, row);
        if ('failure' in next) {
          failures.push({ table, id: String(row.id), ...next.failure });
          continue;
        }
        ids.push(String(row.id));
        columns.forEach((column, index) => {
          before[index]?.push(row[column] as string | null);
          rotated[index]?.push(next.values[index] ?? null);
        });
      }
      if (ids.length === 0) continue;

      // Compare-and-set: only rows whose every encrypted column still holds what was read above.
      const arrays = columns.flatMap((_, index) => [`$${2 * index + 2}::text[]`, `$${2 * index + 3}::text[]`]);
      const names = columns.flatMap((_, index) => [`old_${index}`, `new_${index}`]);
      const result = await db.query(
        `UPDATE "${table}" AS t SET ${columns.map((column, index) => `"${column}" = v.new_${index}`).join(', ')}
           FROM unnest($1::${idType}[], ${arrays.join(', ')}) AS v(id, ${names.join(', ')})
          WHERE t.id = v.id AND ${columns.map((column, index) => `t."${column}" IS NOT DISTINCT FROM v.old_${index}`).join(' AND ')}`,
        [ids, ...columns.flatMap((_, index) => [before[index], rotated[index]])],
      );
      const updated = result.rowCount ?? 0;
      progress = { table, done: progress.done + updated, total, changedMeanwhile: progress.changedMeanwhile + ids.length - updated };
      options.onProgress?.(progress);
    }
    tables.push(progress);
  }
  return { tables, failures };
}

/** A row's values under the active key, or which column could not be decrypted and why. */
function reencryptRow(protector: DataProtector, columns: readonly string[], row: Record<string, unknown>): { values: Array<string | null> } | { failure: { column: string; reason: string } } {
  const values: Array<string | null> = [];
  for (const column of columns) {
    const stored = row[column] as string | null;
    try {
      values.push(stored === null ? null : protector.reencrypt(stored));
    } catch (error) {
      if (error instanceof DecryptionError) return { failure: { column, reason: error.message } };
      throw error;
    }
  }
  return { values };
}
