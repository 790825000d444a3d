import { randomUUID } from 'node:crypto';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { PrismaClient, ReviewAdoption, ReviewChannel } from '@haochaping/db';

/**
 * Reviews and rectification cases written straight into the database, for tests of what is read from them (lists,
 * statistics): every figure then follows from rows the test chose, without workflows running clocks meanwhile.
 */
export interface SeedReview {
  hallCode: string;
  level: number;
  createdAt: string;
  channel?: ReviewChannel;
  serviceItemCode?: string;
  caseNumber?: string;
  /** When the rated case was completed (default: createdAt). */
  caseCompletedAt?: string;
  optionCodes?: string[];
  comment?: string;
  reviewer?: { name: string; phone: string };
  adoption?: ReviewAdoption;
}

/** A rectification case's read-model row (rectification_case); the rest keeps the schema's defaults. */
export interface SeedCase {
  state: string;
  openedAt: string;
  escalationLevel?: number;
  overdue?: boolean;
  outcome?: string;
  closedAt?: string;
  originalResultDueAt?: string;
  resultDueAt?: string;
  invitedDepartmentCodes?: string[];
  /** REACHED | UNREACHABLE once the callback duty was met. */
  callbackOutcome?: string;
  /** COUNTY once 不满意 reopened the case. */
  owner?: string;
  /** When the result was recorded: a timeline entry that left the case in 待群众确认. */
  resultRecordedAt?: string;
}

const STATE_LABELS: Record<string, string> = {
  PENDING_VERIFICATION: '待核实',
  REJECTION_PENDING: '不予采纳待审核',
  RECTIFYING: '整改中',
  EXTENSION_PENDING: '延期待审批',
  AWAITING_CONFIRMATION: '待群众确认',
  REOPENED: '重办中',
  CLOSED: '已办结',
};

export class ReviewSeeder {
  private readonly protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  private readonly hallIds = new Map<string, string>();

  constructor(private readonly prisma: PrismaClient) {}

  private async hallId(code: string): Promise<string> {
    const known = this.hallIds.get(code);
    if (known) return known;
    const hall = await this.prisma.hall.findUniqueOrThrow({ where: { code } });
    this.hallIds.set(code, hall.id);
    return hall.id;
  }

  /** Inserts a review (and its case, when a case number is given); returns its id. */
  async review(seed: SeedReview): Promise<string> {
    const hallId = await this.hallId(seed.hallCode);
    const item = seed.serviceItemCode ? await this.prisma.serviceItem.findUniqueOrThrow({ where: { code: seed.serviceItemCode } }) : null;
    const optionSet = seed.optionCodes && item ? await this.prisma.optionSet.findFirstOrThrow({ where: { nature: item.nature }, orderBy: { version: 'desc' } }) : null;
    const serviceCase =
      seed.caseNumber && seed.serviceItemCode
        ? { id: await this.serviceCase({ hallCode: seed.hallCode, serviceItemCode: seed.serviceItemCode, caseNumber: seed.caseNumber, completedAt: seed.caseCompletedAt ?? seed.createdAt }) }
        : null;
    const review = await this.prisma.review.create({
      data: {
        hallId,
        serviceItemId: item?.id ?? null,
        caseId: serviceCase?.id ?? null,
        level: seed.level,
        optionCodes: seed.optionCodes ?? [],
        optionSetId: optionSet?.id ?? null,
        optionSetVersion: optionSet?.version ?? null,
        comment: seed.comment ?? null,
        channel: seed.channel ?? 'PUBLIC_FORM',
        reviewerKind: seed.reviewer ? 'REAL_NAME' : 'ANONYMOUS',
        reviewerNameEnc: seed.reviewer ? this.protector.encrypt(seed.reviewer.name) : null,
        reviewerPhoneEnc: seed.reviewer ? this.protector.encrypt(seed.reviewer.phone) : null,
        trackingCode: randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase(),
        adoption: seed.adoption ?? 'ADOPTED',
        clientKey: randomUUID(),
        createdAt: new Date(seed.createdAt),
      },
    });
    return review.id;
  }

  /** Inserts a completed service case (办件), rated or not; returns its id. */
  async serviceCase(seed: { hallCode: string; serviceItemCode: string; caseNumber: string; completedAt: string }): Promise<string> {
    const item = await this.prisma.serviceItem.findUniqueOrThrow({ where: { code: seed.serviceItemCode } });
    const created = await this.prisma.serviceCase.create({
      data: {
        caseNumber: seed.caseNumber,
        serviceItemId: item.id,
        hallId: await this.hallId(seed.hallCode),
        applicantKind: 'PERSON',
        applicantNameEnc: this.protector.encrypt('申请人'),
        receivedAt: new Date(seed.completedAt),
        completedAt: new Date(seed.completedAt),
        channel: 'WINDOW',
        source: 'test',
      },
    });
    return created.id;
  }

  /** Gives a (bad) review its rectification case as the read model would hold it. */
  async rectification(reviewId: string, seed: SeedCase): Promise<void> {
    const review = await this.prisma.review.findUniqueOrThrow({ where: { id: reviewId } });
    const date = (value: string | undefined) => (value ? new Date(value) : null);
    await this.prisma.rectificationCase.create({
      data: {
        reviewId,
        workflowId: `rectification-${reviewId}`,
        hallId: review.hallId,
        level: review.level,
        state: seed.state,
        stateLabel: STATE_LABELS[seed.state] ?? seed.state,
        openedAt: new Date(seed.openedAt),
        escalationLevel: seed.escalationLevel ?? 0,
        overdue: seed.overdue ?? false,
        outcome: seed.outcome ?? null,
        closedAt: date(seed.closedAt),
        originalResultDueAt: date(seed.originalResultDueAt),
        resultDueAt: date(seed.resultDueAt),
        invitedDepartmentCodes: seed.invitedDepartmentCodes ?? [],
        callbackOutcome: seed.callbackOutcome ?? null,
        owner: seed.owner ?? 'HALL',
      },
    });
    if (seed.resultRecordedAt) {
      await this.prisma.rectificationTimelineEntry.create({
        data: { reviewId, seq: 0, at: new Date(seed.resultRecordedAt), actor: 'handler-1', action: '已登记整改结果并反馈评价人，待群众确认', details: { state: 'AWAITING_CONFIRMATION' } },
      });
    }
  }
}
