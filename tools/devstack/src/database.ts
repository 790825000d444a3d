import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient, seedDemoData, seedReferenceData } from '@haochaping/db';
import { DataProtector } from '@haochaping/privacy/server';
import { REPO_ROOT } from './paths';

const MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma', 'migrations');

/** Names of the migrations in prisma/migrations, oldest first (what `_prisma_migrations` records once applied). */
export function migrationsOnDisk(): string[] {
  return fs.readdirSync(MIGRATIONS_DIR).filter((entry) => /^\d{14}_/.test(entry)).sort();
}

/** Have all migrations on disk been applied? (A fresh database has no _prisma_migrations table: no.) */
async function migrationsUpToDate(databaseUrl: string): Promise<boolean> {
  const onDisk = migrationsOnDisk();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const names = new Set(applied.rows.map((row) => row.migration_name));
    return onDisk.every((name) => names.has(name));
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations. The WebAssembly schema engine needs ~10 s even when there is nothing to do, so a
 * database that already has every migration on disk is left alone. Returns whether the CLI ran.
 */
export async function migrateIfNeeded(databaseUrl: string): Promise<boolean> {
  if (await migrationsUpToDate(databaseUrl)) return false;
  migrate(databaseUrl);
  return true;
}

/** `prisma migrate deploy` through the offline wrapper (prisma/scripts/prisma.js). */
export function migrate(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'prisma', 'scripts', 'prisma.js'), 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Reference data always; demo data only outside production and only into an empty database. */
export async function seed(databaseUrl: string, options: { demo: boolean; dataKey: Buffer }): Promise<{ demoReviews: number }> {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  try {
    await seedReferenceData(prisma);
    return { demoReviews: options.demo ? await seedDemoData(prisma, new DataProtector(options.dataKey)) : 0 };
  } finally {
    await prisma.$disconnect();
  }
}
