import { Injectable } from '@nestjs/common';
import type { Prisma } from '@haochaping/db';
import { maskName, maskPhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import type { Actor } from '@haochaping/contracts';
import { canSeeHall, visibleHalls } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CaseDetailResponse, CaseResponse } from './dto/case.response';
import { likeLiteral } from '../common/like-pattern';

export const CASES_RESOURCE = defineSimpleRestResource({
  name: 'cases',
  sortFields: ['receivedAt', 'completedAt', 'caseNumber', 'createdAt', 'updatedAt'],
  defaultSort: ['receivedAt', 'DESC'],
  filters: {
    id: { type: 'codes' },
    hallCode: { type: 'codes' },
    windowCode: { type: 'codes' },
    serviceItemCode: { type: 'codes' },
    channel: { type: 'enum', values: ['WINDOW', 'ONLINE'] },
    caseNumber: { type: 'text' },
    /** completedAt ≥ completedFrom */
    completedFrom: { type: 'instant' },
    /** completedAt < completedTo (exclusive, so a day is [00:00, next 00:00)) */
    completedTo: { type: 'instant' },
    rated: { type: 'boolean' },
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CASE_INCLUDE = {
  serviceItem: { select: { code: true, name: true, nature: true } },
  hall: { select: { code: true, name: true } },
  window: { select: { code: true, name: true } },
  staff: { select: { employeeNumber: true, name: true } },
  review: { select: { id: true, level: true, channel: true, createdAt: true } },
} satisfies Prisma.ServiceCaseInclude;

/** The detail adds the 随时可评 items staff entered about the case (the list shows only whether it is rated). */
const CASE_DETAIL_INCLUDE = {
  ...CASE_INCLUDE,
  feedback: { select: { id: true, level: true, channel: true, createdAt: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
} satisfies Prisma.ServiceCaseInclude;

type CaseRow = Prisma.ServiceCaseGetPayload<{ include: typeof CASE_INCLUDE }>;

/** The console's view of cases: scoped to the actor's halls, applicant masked. */
@Injectable()
export class CasesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  async list(query: SimpleRestListQueryDto, actor: Actor): Promise<ListPage<CaseResponse>> {
    const { sort, offset, limit, filter } = parseListParams(CASES_RESOURCE, query);
    const halls = visibleHalls(actor);
    const where: Prisma.ServiceCaseWhereInput = {
      AND: [
        halls === 'ALL' ? {} : { hall: { code: { in: [...halls] } } },
        filter.id ? { id: { in: filter.id.filter((id) => UUID.test(id)) } } : {},
        filter.hallCode ? { hall: { code: { in: filter.hallCode } } } : {},
        filter.windowCode ? { window: { code: { in: filter.windowCode } } } : {},
        filter.serviceItemCode ? { serviceItem: { code: { in: filter.serviceItemCode } } } : {},
        filter.channel ? { channel: { in: filter.channel as Array<'WINDOW' | 'ONLINE'> } } : {},
        filter.caseNumber ? { caseNumber: { contains: likeLiteral(filter.caseNumber), mode: 'insensitive' } } : {},
        filter.completedFrom ? { completedAt: { gte: filter.completedFrom } } : {},
        filter.completedTo ? { completedAt: { lt: filter.completedTo } } : {},
        filter.rated === undefined ? {} : { review: filter.rated ? { isNot: null } : { is: null } },
      ],
    };
    const orderBy: Prisma.ServiceCaseOrderByWithRelationInput =
      sort.field === 'completedAt' ? { completedAt: { sort: sort.order, nulls: 'last' } } : { [sort.field]: sort.order };
    // Not in one $transaction: inside one, Prisma loads the included relations in parallel on the transaction's
    // single connection, which node-postgres deprecates (pg@9 will refuse it). A total one row off is harmless.
    const [rows, total] = await Promise.all([
      this.prisma.client.serviceCase.findMany({ where, include: CASE_INCLUDE, orderBy: [orderBy, { caseNumber: 'asc' }], skip: offset, take: limit }),
      this.prisma.client.serviceCase.count({ where }),
    ]);
    return { rows: rows.map((row) => this.toResponse(row)), offset, total };
  }

  async get(id: string, actor: Actor): Promise<CaseDetailResponse> {
    const row = await this.prisma.client.serviceCase.findUnique({ where: { id }, include: CASE_DETAIL_INCLUDE });
    if (!row) throw new DomainHttpException(404, 'CASE_NOT_FOUND', '未找到该办件');
    if (!canSeeHall(actor, row.hall.code)) throw new DomainHttpException(403, 'FORBIDDEN', '无权查看其他镇街的办件');
    const review = row.review ? { ...row.review, createdAt: formatShanghaiInstant(row.review.createdAt) } : null;
    const feedback = row.feedback.map((entry) => ({ ...entry, createdAt: formatShanghaiInstant(entry.createdAt) }));
    return { ...this.toResponse(row), review, feedback };
  }

  private toResponse(row: CaseRow): CaseResponse {
    const phone = this.protector.decryptOptional(row.applicantPhoneEnc);
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      serviceItemCode: row.serviceItem.code,
      serviceItemName: row.serviceItem.name,
      nature: row.serviceItem.nature,
      hallCode: row.hall.code,
      hallName: row.hall.name,
      windowCode: row.window?.code ?? null,
      windowName: row.window?.name ?? null,
      staffEmployeeNumber: row.staff?.employeeNumber ?? null,
      staffName: row.staff?.name ?? null,
      applicantKind: row.applicantKind,
      applicantName: maskName(this.protector.decrypt(row.applicantNameEnc)),
      applicantPhone: phone === null ? null : maskPhone(phone),
      receivedAt: formatShanghaiInstant(row.receivedAt),
      completedAt: row.completedAt ? formatShanghaiInstant(row.completedAt) : null,
      channel: row.channel,
      source: row.source,
      rated: row.review !== null,
      reviewLevel: row.review?.level ?? null,
      createdAt: formatShanghaiInstant(row.createdAt),
      updatedAt: formatShanghaiInstant(row.updatedAt),
    };
  }
}
