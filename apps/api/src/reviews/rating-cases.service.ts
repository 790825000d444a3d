import { Injectable } from '@nestjs/common';
import type { ApplicantKind } from '@haochaping/db';
import { PrismaService } from '../prisma/prisma.service';

/** What a rating needs of a case: where it was handled, when it was completed, and its applicant (encrypted). */
export interface RatedCase {
  readonly id: string;
  readonly caseNumber: string;
  readonly hallId: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  readonly serviceItemId: string;
  readonly completedAt: Date | null;
  readonly applicantKind: ApplicantKind;
  readonly applicantNameEnc: string;
  readonly applicantPhoneEnc: string | null;
  readonly applicantPhoneHash: string | null;
}

export const RATED_CASE_SELECT = {
  id: true,
  caseNumber: true,
  hallId: true,
  windowId: true,
  staffId: true,
  serviceItemId: true,
  completedAt: true,
  applicantKind: true,
  applicantNameEnc: true,
  applicantPhoneEnc: true,
  applicantPhoneHash: true,
} as const;

/** Cases as the rating channels find them: one indexed query each, scalar columns only (no joins). */
@Injectable()
export class RatingCases {
  constructor(private readonly prisma: PrismaService) {}

  byId(id: string): Promise<RatedCase | null> {
    return this.prisma.client.serviceCase.findUnique({ where: { id }, select: RATED_CASE_SELECT });
  }

  byNumber(caseNumber: string): Promise<RatedCase | null> {
    return this.prisma.client.serviceCase.findUnique({ where: { caseNumber }, select: RATED_CASE_SELECT });
  }
}
