import { Injectable } from '@nestjs/common';
import { REVIEW_CHANNEL_LABELS, reviewLevelLabel, type Actor } from '@haochaping/contracts';
import type { Prisma, ReviewAdoption, ReviewChannel } from '@haochaping/db';
import { maskName, maskPhone } from '@haochaping/privacy';
import { DataProtector } from '@haochaping/privacy/server';
import { canSeeRectification, rectificationVisibility } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { ReviewRecordResponse } from './dto/review-record.response';
import { ADOPTION_LABELS } from '../review-intake/rules/rating-labels';
import { likeLiteral } from '../common/like-pattern';

export const REVIEWS_RESOURCE = defineSimpleRestResource({
  name: 'reviews',
  sortFields: ['createdAt', 'level'],
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    id: { type: 'codes' },
    hallCode: { type: 'codes' },
    channel: { type: 'enum', values: Object.keys(REVIEW_CHANNEL_LABELS) },
    level: { type: 'integers', min: 1, max: 5 },
    /** createdAt ≥ createdFrom */
    createdFrom: { type: 'instant' },
    /** createdAt < createdTo (exclusive, so a day is [00:00, next 00:00)) */
    createdTo: { type: 'instant' },
    adoption: { type: 'enum', values: Object.keys(ADOPTION_LABELS) },
    /** a rectification case exists for the review (bad reviews, once their workflow started) */
    hasRectification: { type: 'boolean' },
    serviceItemCode: { type: 'codes' },
    /** the department that owns the rated service item */
    departmentCode: { type: 'codes' },
    /** text in the comment, the case number, or the whole tracking code */
    q: { type: 'text' },
  },
});

/** The most rows one CSV export carries; a larger filter is refused with a hint to narrow it (a month of one hall fits). */
export const MAX_EXPORT_ROWS = 20_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REVIEW_INCLUDE = {
  hall: { select: { code: true, name: true } },
  window: { select: { code: true, name: true } },
  staff: { select: { name: true } },
  serviceItem: { select: { code: true, name: true, department: { select: { code: true, name: true } } } },
  serviceCase: { select: { caseNumber: true } },
  aboutCase: { select: { caseNumber: true } },
  optionSet: { select: { options: { select: { code: true, label: true } } } },
  rectificationCase: { select: { state: true, stateLabel: true, overdue: true, escalationLevel: true, invitedDepartmentCodes: true } },
} satisfies Prisma.ReviewInclude;

type ReviewRow = Prisma.ReviewGetPayload<{ include: typeof REVIEW_INCLUDE }>;

/**
 * 评价记录 for staff: the reviews an actor may see, with the reviewer masked for everyone (unmasking is the case
 * page's business, for the working handler and the county, audited: rectifications/case-reviewer.service.ts).
 *
 * Scope is the rectification cases' scope (actor/actor-scope.ts), so a review and the case it started are visible
 * to the same people: the county every review; hall roles their halls' reviews; a department's guide exactly the
 * bad reviews whose case their department was invited to co-handle (no other review: guides rate no hall).
 */
@Injectable()
export class ReviewRecordsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
  ) {}

  async list(query: SimpleRestListQueryDto, actor: Actor): Promise<ListPage<ReviewRecordResponse>> {
    const { sort, offset, limit, where } = this.parse(query, actor);
    // Not in one $transaction: inside one, Prisma loads the included relations in parallel on the transaction's
    // single connection (see cases.service.ts). A total one row off is harmless.
    const [rows, total] = await Promise.all([
      this.prisma.client.review.findMany({ where, include: REVIEW_INCLUDE, orderBy: [{ [sort.field]: sort.order }, { id: 'asc' }], skip: offset, take: limit }),
      this.prisma.client.review.count({ where }),
    ]);
    return { rows: rows.map((row) => this.toResponse(row)), offset, total };
  }

  /** Every review the filter matches (sort as asked, range ignored), for the CSV export; refused above MAX_EXPORT_ROWS. */
  async exportRows(query: SimpleRestListQueryDto, actor: Actor): Promise<ReviewRecordResponse[]> {
    const { sort, where } = this.parse({ filter: query.filter, sort: query.sort }, actor);
    const total = await this.prisma.client.review.count({ where });
    if (total > MAX_EXPORT_ROWS) {
      throw new DomainHttpException(422, 'EXPORT_TOO_LARGE', `符合条件的评价有 ${total} 条，一次最多导出 ${MAX_EXPORT_ROWS} 条，请缩小时间范围或增加筛选条件`);
    }
    const rows = await this.prisma.client.review.findMany({ where, include: REVIEW_INCLUDE, orderBy: [{ [sort.field]: sort.order }, { id: 'asc' }] });
    return rows.map((row) => this.toResponse(row));
  }

  async get(id: string, actor: Actor): Promise<ReviewRecordResponse> {
    const row = await this.prisma.client.review.findUnique({ where: { id }, include: REVIEW_INCLUDE });
    if (!row) throw new DomainHttpException(404, 'REVIEW_NOT_FOUND', '未找到该评价');
    if (!canSeeRectification(actor, { hallCode: row.hall.code, invitedDepartmentCodes: row.rectificationCase?.invitedDepartmentCodes ?? [] })) {
      throw actor.role === 'DEPT_GUIDE'
        ? new DomainHttpException(403, 'FORBIDDEN', '所在部门未受邀协办该评价的整改工单，无权查看')
        : new DomainHttpException(403, 'FORBIDDEN', '无权查看其他镇街的评价');
    }
    return this.toResponse(row);
  }

  private parse(query: SimpleRestListQueryDto, actor: Actor) {
    const { sort, offset, limit, filter } = parseListParams(REVIEWS_RESOURCE, query);
    const q = filter.q;
    const where: Prisma.ReviewWhereInput = {
      AND: [
        visibleReviewsWhere(actor),
        filter.id ? { id: { in: filter.id.filter((id) => UUID.test(id)) } } : {},
        filter.hallCode ? { hall: { code: { in: filter.hallCode } } } : {},
        filter.channel ? { channel: { in: filter.channel as ReviewChannel[] } } : {},
        filter.level ? { level: { in: filter.level } } : {},
        filter.createdFrom ? { createdAt: { gte: filter.createdFrom } } : {},
        filter.createdTo ? { createdAt: { lt: filter.createdTo } } : {},
        filter.adoption ? { adoption: { in: filter.adoption as ReviewAdoption[] } } : {},
        filter.hasRectification === undefined ? {} : { rectificationCase: filter.hasRectification ? { isNot: null } : { is: null } },
        filter.serviceItemCode ? { serviceItem: { code: { in: filter.serviceItemCode } } } : {},
        filter.departmentCode ? { serviceItem: { department: { code: { in: filter.departmentCode } } } } : {},
        q
          ? {
              OR: [
                { comment: { contains: likeLiteral(q), mode: 'insensitive' } },
                { serviceCase: { caseNumber: { contains: likeLiteral(q), mode: 'insensitive' } } },
                { aboutCase: { caseNumber: { contains: likeLiteral(q), mode: 'insensitive' } } },
                { trackingCode: q.toUpperCase() },
              ],
            }
          : {},
      ],
    };
    return { sort, offset, limit, where };
  }

  private toResponse(row: ReviewRow): ReviewRecordResponse {
    const name = this.protector.decryptOptional(row.reviewerNameEnc);
    const phone = this.protector.decryptOptional(row.reviewerPhoneEnc);
    const labels = new Map((row.optionSet?.options ?? []).map((option) => [option.code, option.label]));
    const rectification = row.rectificationCase;
    return {
      id: row.id,
      trackingCode: row.trackingCode,
      level: row.level,
      levelLabel: reviewLevelLabel(row.level),
      channel: row.channel,
      channelLabel: REVIEW_CHANNEL_LABELS[row.channel],
      hallCode: row.hall.code,
      hallName: row.hall.name,
      windowCode: row.window?.code ?? null,
      windowName: row.window?.name ?? null,
      staffName: row.staff?.name ?? null,
      serviceItemCode: row.serviceItem?.code ?? null,
      serviceItemName: row.serviceItem?.name ?? null,
      departmentCode: row.serviceItem?.department.code ?? null,
      departmentName: row.serviceItem?.department.name ?? null,
      // A review rates its case (caseId) or, entered by staff, is about one (aboutCaseId); never both.
      caseId: row.caseId ?? row.aboutCaseId,
      caseNumber: (row.serviceCase ?? row.aboutCase)?.caseNumber ?? null,
      ratesCase: row.caseId !== null,
      options: row.optionCodes.map((code) => ({ code, label: labels.get(code) ?? code })),
      optionSetVersion: row.optionSetVersion,
      comment: row.comment,
      reviewerKind: row.reviewerKind,
      reviewerName: name === null ? null : maskName(name),
      reviewerPhone: phone === null ? null : maskPhone(phone),
      adoption: row.adoption,
      adoptionLabel: ADOPTION_LABELS[row.adoption],
      enteredBy: row.enteredBy,
      createdAt: formatShanghaiInstant(row.createdAt),
      rectification: rectification
        ? { state: rectification.state, stateLabel: rectification.stateLabel, overdue: rectification.overdue, escalationLevel: rectification.escalationLevel }
        : null,
    };
  }
}

/** The where-clause of the reviews an actor sees: the scope of rectification cases (actor-scope.ts), applied to reviews. */
function visibleReviewsWhere(actor: Actor): Prisma.ReviewWhereInput {
  const visibility = rectificationVisibility(actor);
  switch (visibility.kind) {
    case 'ALL':
      return {};
    case 'HALLS':
      return { hall: { code: { in: [...visibility.hallCodes] } } };
    case 'INVITED':
      return { rectificationCase: { is: { invitedDepartmentCodes: { hasSome: [...visibility.departmentCodes] } } } };
  }
}
