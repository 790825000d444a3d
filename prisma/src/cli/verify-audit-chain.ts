#!/usr/bin/env node
/**
 * `npm run audit:verify`: checks the audit trail's hash chain in DATABASE_URL and prints the first broken link.
 * Exit code 0 when the chain holds, 2 when it is broken, 1 when it could not be checked. Under `npm start` the
 * database is DATABASE_URL=postgresql://haochaping:haochaping@127.0.0.1:54329/haochaping.
 */
import { describeAuditChain, verifyAuditChain } from '../audit-chain';
import { createPrismaClient } from '../prisma-client';

async function main(): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    process.stderr.write('DATABASE_URL is required (under npm start: postgresql://haochaping:haochaping@127.0.0.1:54329/haochaping)\n');
    return 1;
  }
  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  try {
    const report = await verifyAuditChain(prisma);
    process.stdout.write(`${describeAuditChain(report)}\n`);
    return report.firstBroken ? 2 : 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
