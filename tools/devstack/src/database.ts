import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createPrismaClient, seedDemoData, seedReferenceData } from '@haochaping/db';
import { REPO_ROOT } from './paths';

/** `prisma migrate deploy` through the offline wrapper (prisma/scripts/prisma.js). */
export function migrate(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'prisma', 'scripts', 'prisma.js'), 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

/** Reference data always; demo data only outside production and only into an empty database. */
export async function seed(databaseUrl: string, options: { demo: boolean }): Promise<{ demoReviews: number }> {
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  try {
    await seedReferenceData(prisma);
    return { demoReviews: options.demo ? await seedDemoData(prisma) : 0 };
  } finally {
    await prisma.$disconnect();
  }
}
