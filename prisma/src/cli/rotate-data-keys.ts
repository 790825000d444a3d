#!/usr/bin/env node
/**
 * `npm run keys:rotate`: re-encrypts the stored names and phones under the active personal-data key, in batches,
 * while the API and the worker run (docs/DEPLOYMENT.md, "Rotating the personal-data key"). Reads DATABASE_URL and
 * the key ring like the API (DATA_ENCRYPTION_KEY, PERSONAL_DATA_KEYS, PERSONAL_DATA_ACTIVE_KEY).
 *
 *   npm run keys:rotate [-- --batch-size N] [--check]
 *
 * --check only counts the values per key id. Stopped at any point, a run loses nothing: run it again to continue.
 * Exit code 0 when every value is on the active key, 2 when some are not (changed meanwhile, or unreadable: run
 * again, or see the list), 1 when it could not run (a key missing from the ring, no database).
 */
import { dataKeyRingFromEnv, DataProtector } from '@haochaping/privacy/server';
import { assertStoredKeysInRing, countValuesByKey, describeKeyCounts, rotatePersonalDataKeys } from '../personal-data-keys';
import { createPgPool } from '../prisma-client';

interface Options {
  batchSize: number;
  check: boolean;
}

function parseArguments(args: string[]): Options {
  const options: Options = { batchSize: 500, check: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--check') options.check = true;
    else if (arg === '--batch-size') {
      const size = Number(args[++index]);
      if (!Number.isInteger(size) || size < 1) throw new Error('--batch-size takes a whole number of rows (1 or more)');
      options.batchSize = size;
    } else throw new Error(`unknown argument ${arg} (use --batch-size N, --check)`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArguments(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required (under npm start: postgresql://haochaping:haochaping@127.0.0.1:54329/haochaping)');
  const protector = new DataProtector(dataKeyRingFromEnv());
  const pool = createPgPool(databaseUrl, 1);
  try {
    if (!options.check) {
      await assertStoredKeysInRing(databaseUrl, protector);
      process.stdout.write(`轮换到密钥 ${protector.activeKeyId}，每批 ${options.batchSize} 行\n`);
      const report = await rotatePersonalDataKeys(pool, protector, {
        batchSize: options.batchSize,
        onProgress: ({ table, done, total, changedMeanwhile }) =>
          process.stdout.write(`  ${table}: ${done}/${total}${changedMeanwhile ? `（${changedMeanwhile} 行期间被修改，留待下次）` : ''}\n`),
      });
      for (const { table, done, total } of report.tables) process.stdout.write(`${table}: ${done}/${total} 已重新加密\n`);
      for (const failure of report.failures.slice(0, 20)) {
        process.stdout.write(`无法解密 ${failure.table}.${failure.column} id=${failure.id}: ${failure.reason}\n`);
      }
      if (report.failures.length > 20) process.stdout.write(`……共 ${report.failures.length} 个无法解密的值\n`);
    }
    const counts = await countValuesByKey(pool);
    process.stdout.write(`${describeKeyCounts(counts, protector.activeKeyId)}\n`);
    return counts.every((count) => count.keyId === protector.activeKeyId) ? 0 : 2;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`could not rotate the personal-data key: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
