import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';

export interface CompletedCase {
  caseNumber: string;
  hallCode: string;
  windowCode: string;
  serviceItemCode: string;
  applicantName: string;
  phone: string;
  /** Default: half an hour ago, well inside the 5-working-day rating period. */
  completedAt?: Date;
}

/**
 * Cases as a business system would have pushed them, written straight into the test database with the test
 * data key (the one the test API decrypts with): names and phones encrypted, the phone hash for the look-up.
 */
export class CaseSeeder {
  readonly prisma: PrismaClient;
  readonly protector = new DataProtector(parseDataKey(TEST_DATA_KEY));

  constructor(databaseUrl: string) {
    this.prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  }

  async completedCase(input: CompletedCase): Promise<{ id: string }> {
    const hall = await this.prisma.hall.findUniqueOrThrow({ where: { code: input.hallCode } });
    const window = await this.prisma.serviceWindow.findUniqueOrThrow({ where: { hallId_code: { hallId: hall.id, code: input.windowCode } } });
    const item = await this.prisma.serviceItem.findUniqueOrThrow({ where: { code: input.serviceItemCode } });
    const completedAt = input.completedAt ?? new Date(Date.now() - 30 * 60_000);
    return this.prisma.serviceCase.create({
      data: {
        caseNumber: input.caseNumber,
        serviceItemId: item.id,
        hallId: hall.id,
        windowId: window.id,
        applicantKind: 'PERSON',
        applicantNameEnc: this.protector.encrypt(input.applicantName),
        applicantPhoneEnc: this.protector.encrypt(input.phone),
        applicantPhoneHash: this.protector.phoneHash(input.phone),
        receivedAt: new Date(completedAt.getTime() - 60 * 60_000),
        completedAt,
        channel: 'WINDOW',
        source: 'browser-test',
      },
      select: { id: true },
    });
  }

  close(): Promise<void> {
    return this.prisma.$disconnect();
  }
}
