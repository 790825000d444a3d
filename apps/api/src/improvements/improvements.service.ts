import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, type Prisma } from '@haochaping/db';
import { localDateOf } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { PrismaService } from '../prisma/prisma.service';
import { resultPeriod } from '../results/result-period';
import type {
  AcceptProposalDto,
  DismissalResponse,
  DismissProposalDto,
  ImprovementActionDto,
  ImprovementHistoryEntry,
  ImprovementItemDetailResponse,
  ImprovementItemResponse,
  ImprovementProposalResponse,
  ImprovementProposalsResponse,
  ImprovementReviewResponse,
  OwnerKind,
} from './dto/improvements.dto';
import { ImprovementSettingsService } from './improvement-settings.service';
import {
  allowedImprovementActions,
  canSeeImprovement,
  checkImprovementAction,
  IMPROVEMENT_STATUSES,
  seesEveryImprovement,
  type ImprovementAction,
  type ImprovementOwner,
  type ImprovementStatus,
} from './improvement-item.rules';
import { periodStart, proposeRecurrences, type RecurrenceDecision, type RecurrenceProposal, type ReasonKind } from './recurrence.rule';

export const IMPROVEMENT_ITEMS_RESOURCE = defineSimpleRestResource({
  name: 'improvement-items',
  sortFields: ['createdAt', 'dueDate', 'status'],
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    id: { type: 'codes' },
    status: { type: 'enum', values: Object.keys(IMPROVEMENT_STATUSES) },
    hallCode: { type: 'codes' },
    ownerCode: { type: 'codes' },
    overdue: { type: 'boolean' },
  },
  maxPageSize: 200,
});

/** An item's month in 通报 terms: the items opened in it, open at its end, and done in it. */
export interface ImprovementMonthReport {
  month: string;
  label: string;
  opened: ImprovementItemResponse[];
  /** Open (not done) at the end of the month: accepted before its end and not completed before its end. */
  open: ImprovementItemResponse[];
  done: ImprovementItemResponse[];
}

const itemInclude = {
  hall: { select: { code: true, name: true } },
  serviceItem: { select: { code: true, name: true } },
  ownerHall: { select: { code: true, name: true } },
  ownerDepartment: { select: { code: true, name: true } },
  _count: { select: { reviews: true } },
} satisfies Prisma.ImprovementItemInclude;
type ItemRow = Prisma.ImprovementItemGetPayload<{ include: typeof itemInclude }>;

const reviewSelect = { id: true, level: true, optionCodes: true, comment: true, channel: true, createdAt: true } satisfies Prisma.ReviewSelect;
type ReviewRow = Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>;

const notFound = () => new DomainHttpException(404, 'IMPROVEMENT_NOT_FOUND', '未找到该优化事项');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 优化清单 (issue 14): proposals computed on demand from the bad reviews of the period (recurrence.rule.ts), the
 * county's decisions on them (accept as an item, dismiss with a reason), and the items tracked to done. Every change
 * is audited in the same transaction; an item's history is read back from the audit trail.
 */
@Injectable()
export class ImprovementsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: ImprovementSettingsService,
    private readonly clock: Clock,
  ) {}

  async proposals(): Promise<ImprovementProposalsResponse> {
    const now = this.clock.now();
    const settings = await this.settings.recurrence();
    const computed = await this.compute(now);
    const reviewIds = [...new Set(computed.proposals.flatMap((proposal) => proposal.reviewIds))];
    const reviews = new Map((await this.prisma.client.review.findMany({ where: { id: { in: reviewIds } }, select: reviewSelect })).map((row) => [row.id, row]));
    const labels = await this.optionLabels();
    return {
      periodFrom: periodStart(now, settings.periodDays).toISOString(),
      periodTo: now.toISOString(),
      minCount: settings.minCount,
      periodDays: settings.periodDays,
      proposals: computed.proposals.map((proposal) => ({
        key: proposal.key,
        hallCode: proposal.hallCode,
        hallName: computed.hallNames.get(proposal.hallCode) ?? proposal.hallCode,
        serviceItemCode: proposal.serviceItemCode,
        serviceItemName: proposal.serviceItemCode ? (computed.itemNames.get(proposal.serviceItemCode) ?? proposal.serviceItemCode) : null,
        reasonKind: proposal.reasonKind,
        reasonCode: proposal.reasonCode,
        reasonLabel: reasonLabel(proposal.reasonKind, proposal.reasonCode, labels),
        count: proposal.count,
        firstAt: proposal.firstAt.toISOString(),
        lastAt: proposal.lastAt.toISOString(),
        reviews: proposal.reviewIds.flatMap((id) => {
          const review = reviews.get(id);
          return review ? [reviewResponse(review)] : [];
        }),
      })) satisfies ImprovementProposalResponse[],
    };
  }

  /** Accepts a current proposal as an item (201), with its reviews, audited as `improvement.accept`. */
  async accept(body: AcceptProposalDto, actor: Actor, context: RequestContext): Promise<ImprovementItemDetailResponse> {
    const now = this.clock.now();
    const dueDate = this.checkDueDate(body.dueDate, now);
    const owner = await this.resolveOwner(body.ownerKind, body.ownerCode);
    const proposal = await this.currentProposal(body.key, now);
    const labels = await this.optionLabels();
    const db = this.prisma.client;
    const [hall, item] = await Promise.all([
      db.hall.findUniqueOrThrow({ where: { code: proposal.hallCode }, select: { id: true, name: true } }),
      proposal.serviceItemCode ? db.serviceItem.findUnique({ where: { code: proposal.serviceItemCode }, select: { id: true, name: true } }) : null,
    ]);
    const label = reasonLabel(proposal.reasonKind, proposal.reasonCode, labels);
    const id = randomUUID();
    try {
      await db.$transaction(async (tx) => {
        await tx.improvementItem.create({
          data: {
            id,
            recurrenceKey: proposal.key,
            hallId: hall.id,
            serviceItemId: item?.id ?? null,
            reasonKind: proposal.reasonKind,
            reasonCode: proposal.reasonCode,
            reasonLabel: label,
            title: body.title ?? `${hall.name}${item ? `·${item.name}` : ''}：${label}`,
            ownerKind: body.ownerKind,
            ownerHallId: owner.kind === 'HALL' ? owner.id : null,
            ownerDepartmentId: owner.kind === 'DEPARTMENT' ? owner.id : null,
            dueDate,
            acceptedBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          },
        });
        await tx.improvementItemReview.createMany({ data: proposal.reviewIds.map((reviewId) => ({ itemId: id, reviewId })) });
        await audit(tx, actor, context, 'improvement.accept', 'improvement_item', id, {
          key: proposal.key,
          owner: `${body.ownerKind}:${body.ownerCode}`,
          dueDate: body.dueDate,
          reviewIds: proposal.reviewIds,
          toStatus: 'PENDING',
        });
      });
    } catch (error) {
      // Another accept of the same recurrence committed first (the partial unique index on open items).
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    }
    return this.detail(id, actor);
  }

  /** Dismisses a current proposal with a reason (201), audited as `improvement.dismiss`: its reviews are not proposed again. */
  async dismiss(body: DismissProposalDto, actor: Actor, context: RequestContext): Promise<DismissalResponse> {
    const now = this.clock.now();
    const proposal = await this.currentProposal(body.key, now);
    const hall = await this.prisma.client.hall.findUniqueOrThrow({ where: { code: proposal.hallCode }, select: { id: true } });
    const id = randomUUID();
    await this.prisma.client.$transaction(async (tx) => {
      await tx.improvementDismissal.create({ data: { id, recurrenceKey: proposal.key, hallId: hall.id, reason: body.reason, reviewIds: proposal.reviewIds, dismissedBy: actor.userId, dismissedAt: now } });
      await audit(tx, actor, context, 'improvement.dismiss', 'improvement_dismissal', id, { key: proposal.key, reason: body.reason, reviewIds: proposal.reviewIds });
    });
    return { id, key: proposal.key, reason: body.reason, reviewIds: proposal.reviewIds, dismissedAt: now.toISOString() };
  }

  async list(actor: Actor, query: SimpleRestListQueryDto): Promise<ListPage<ImprovementItemResponse>> {
    const { sort, offset, limit, filter } = parseListParams(IMPROVEMENT_ITEMS_RESOURCE, query);
    const today = new Date(`${localDateOf(this.clock.now())}T00:00:00Z`);
    const and: Prisma.ImprovementItemWhereInput[] = [this.scope(actor)];
    if (filter.id) and.push({ id: { in: filter.id.filter((id) => UUID.test(id)) } });
    if (filter.status) and.push({ status: { in: filter.status } });
    if (filter.hallCode) and.push({ hall: { code: { in: filter.hallCode } } });
    if (filter.ownerCode) and.push({ OR: [{ ownerHall: { code: { in: filter.ownerCode } } }, { ownerDepartment: { code: { in: filter.ownerCode } } }] });
    if (filter.overdue !== undefined) {
      const overdue: Prisma.ImprovementItemWhereInput = { status: { not: 'DONE' }, dueDate: { lt: today } };
      and.push(filter.overdue ? overdue : { NOT: overdue });
    }
    const where: Prisma.ImprovementItemWhereInput = { AND: and };
    const db = this.prisma.client;
    const [rows, total] = await db.$transaction([
      db.improvementItem.findMany({ where, include: itemInclude, orderBy: [{ [sort.field]: sort.order }, { id: sort.order }], skip: offset, take: limit }),
      db.improvementItem.count({ where }),
    ]);
    return { rows: rows.map((row) => this.itemResponse(row, actor)), offset, total };
  }

  async detail(id: string, actor: Actor): Promise<ImprovementItemDetailResponse> {
    const row = await this.findVisible(id, actor);
    const db = this.prisma.client;
    const [links, audit] = await Promise.all([
      db.improvementItemReview.findMany({ where: { itemId: id }, select: { review: { select: reviewSelect } }, orderBy: { review: { createdAt: 'asc' } } }),
      db.auditLog.findMany({ where: { entityType: 'improvement_item', entityId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    ]);
    return {
      ...this.itemResponse(row, actor),
      reviews: links.map((link) => reviewResponse(link.review)),
      history: audit.map((entry): ImprovementHistoryEntry => {
        const details = (entry.details ?? {}) as { note?: string; fromStatus?: string; toStatus?: string };
        return { at: entry.at.toISOString(), action: entry.action, actorId: entry.actorId, actorRole: entry.actorRole, note: details.note ?? null, fromStatus: details.fromStatus ?? null, toStatus: details.toStatus ?? null };
      }),
    };
  }

  /** Progress, completion or reopening: checked against the rules table (403, then 409), changed and audited at once. */
  async act(id: string, action: ImprovementAction, body: ImprovementActionDto, actor: Actor, context: RequestContext): Promise<ImprovementItemDetailResponse> {
    const row = await this.findVisible(id, actor);
    const from = row.status as ImprovementStatus;
    const to = checkImprovementAction(actor, action, from, ownerOf(row));
    const now = this.clock.now();
    try {
      await this.prisma.client.$transaction(async (tx) => {
        // Only if nobody moved it meanwhile: the status read is the status changed.
        const changed = await tx.improvementItem.updateMany({
          where: { id, status: from },
          data: { status: to, updatedAt: now, ...(to === 'DONE' ? { doneAt: now, completionNote: body.note } : {}), ...(action === 'reopen' ? { doneAt: null } : {}) },
        });
        if (changed.count !== 1) throw new DomainHttpException(409, 'IMPROVEMENT_STATE_CONFLICT', '优化事项已被他人更新，请刷新后重试');
        await audit(tx, actor, context, `improvement.${action}`, 'improvement_item', id, { note: body.note, fromStatus: from, toStatus: to });
      });
    } catch (error) {
      // Reopening while a newer item of the same recurrence is open.
      if (isUniqueViolation(error)) throw alreadyOpen();
      throw error;
    }
    return this.detail(id, actor);
  }

  /**
   * The items of a month for the monthly 通报 (`month` YYYY-MM, Shanghai calendar), optionally of one hall (the hall
   * whose reviews are behind the item, or the owning hall): opened in the month, open at its end, done in it.
   * "Open at its end" reads the item's current completion (an item done and later reopened counts by its last state).
   */
  async listForReport(month: string, hallId?: string): Promise<ImprovementMonthReport> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new DomainHttpException(422, 'VALIDATION_FAILED', '月份须为 YYYY-MM，如 2026-11', [{ field: 'month', message: '月份须为 YYYY-MM，如 2026-11' }]);
    const period = resultPeriod('month', `${month}-01`);
    const ofHall: Prisma.ImprovementItemWhereInput = hallId ? { OR: [{ hallId }, { ownerHallId: hallId }] } : {};
    const rows = await this.prisma.client.improvementItem.findMany({
      where: { AND: [ofHall, { createdAt: { lt: period.to } }, { OR: [{ doneAt: null }, { doneAt: { gte: period.from } }] }] },
      include: itemInclude,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const report = (row: ItemRow) => this.itemResponse(row, null, period.to);
    return {
      month,
      label: period.label,
      opened: rows.filter((row) => row.createdAt >= period.from).map(report),
      open: rows.filter((row) => row.doneAt === null || row.doneAt >= period.to).map(report),
      done: rows.filter((row) => row.doneAt !== null && row.doneAt >= period.from && row.doneAt < period.to).map(report),
    };
  }

  private async compute(now: Date): Promise<{ proposals: RecurrenceProposal[]; hallNames: Map<string, string>; itemNames: Map<string, string> }> {
    const settings = await this.settings.recurrence();
    const db = this.prisma.client;
    const [reviews, openItems, doneItems, dismissals] = await Promise.all([
      db.review.findMany({
        where: { level: { lte: 2 }, adoption: 'ADOPTED', createdAt: { gt: periodStart(now, settings.periodDays), lte: now } },
        select: { id: true, level: true, optionCodes: true, comment: true, createdAt: true, hall: { select: { code: true, name: true } }, serviceItem: { select: { code: true, name: true } } },
      }),
      db.improvementItem.findMany({ where: { status: { not: 'DONE' } }, select: { recurrenceKey: true } }),
      db.improvementItem.groupBy({ by: ['recurrenceKey'], where: { status: 'DONE' }, _max: { doneAt: true } }),
      db.improvementDismissal.groupBy({ by: ['recurrenceKey'], _max: { dismissedAt: true } }),
    ]);
    const decisions = new Map<string, RecurrenceDecision>();
    const decide = (key: string, at: Date | null, open = false) => {
      const known = decisions.get(key);
      const decidedAt = [known?.decidedAt, at].filter((date): date is Date => date instanceof Date).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      decisions.set(key, { key, open: open || (known?.open ?? false), decidedAt });
    };
    for (const item of openItems) decide(item.recurrenceKey, null, true);
    for (const item of doneItems) decide(item.recurrenceKey, item._max.doneAt);
    for (const dismissal of dismissals) decide(dismissal.recurrenceKey, dismissal._max.dismissedAt);
    const hallNames = new Map(reviews.map((review) => [review.hall.code, review.hall.name]));
    const itemNames = new Map(reviews.flatMap((review) => (review.serviceItem ? [[review.serviceItem.code, review.serviceItem.name] as const] : [])));
    const proposals = proposeRecurrences(
      reviews.map((review) => ({ ...review, hallCode: review.hall.code, serviceItemCode: review.serviceItem?.code ?? null, adopted: true })),
      settings,
      [...decisions.values()],
      now,
    );
    return { proposals, hallNames, itemNames };
  }

  /** The proposal of a key as it stands now; 409 when an item for it is open, 404 when there is none (any more). */
  private async currentProposal(key: string, now: Date): Promise<RecurrenceProposal> {
    const { proposals } = await this.compute(now);
    const proposal = proposals.find((candidate) => candidate.key === key);
    if (proposal) return proposal;
    if ((await this.prisma.client.improvementItem.count({ where: { recurrenceKey: key, status: { not: 'DONE' } } })) > 0) throw alreadyOpen();
    throw new DomainHttpException(404, 'PROPOSAL_NOT_FOUND', '该优化建议不存在或已处理（重复次数未达到设定值，或已采纳、已不予采纳）');
  }

  private checkDueDate(dueDate: string, now: Date): Date {
    const date = new Date(`${dueDate}T00:00:00Z`);
    const field = (message: string) => new DomainHttpException(422, 'VALIDATION_FAILED', message, [{ field: 'dueDate', message }]);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dueDate) throw field('完成期限不是有效日期');
    if (dueDate < localDateOf(now)) throw field('完成期限不能早于今天');
    return date;
  }

  private async resolveOwner(kind: OwnerKind, code: string): Promise<{ kind: OwnerKind; id: string }> {
    const db = this.prisma.client;
    const row = kind === 'HALL' ? await db.hall.findUnique({ where: { code }, select: { id: true } }) : await db.department.findUnique({ where: { code }, select: { id: true } });
    if (!row) {
      const message = kind === 'HALL' ? `没有编码为 ${code} 的镇街大厅` : `没有编码为 ${code} 的县直部门`;
      throw new DomainHttpException(422, 'VALIDATION_FAILED', message, [{ field: 'ownerCode', message }]);
    }
    return { kind, id: row.id };
  }

  /** The item if the actor may see it; 404 otherwise (another owner's item is not confirmed to exist). */
  private async findVisible(id: string, actor: Actor): Promise<ItemRow> {
    if (!UUID.test(id)) throw notFound();
    const row = await this.prisma.client.improvementItem.findUnique({ where: { id }, include: itemInclude });
    if (!row || !canSeeImprovement(actor, ownerOf(row))) throw notFound();
    return row;
  }

  /** The list's where-clause of what the actor sees: canSeeImprovement (improvement-item.rules.ts) as a query. */
  private scope(actor: Actor): Prisma.ImprovementItemWhereInput {
    if (seesEveryImprovement(actor)) return {};
    if (actor.role === 'DEPT_GUIDE') return { ownerDepartment: { code: { in: actor.departmentCodes ?? [] } } };
    if (actor.role === 'HANDLER' || actor.role === 'TOWN_LEADER') return { ownerHall: { code: { in: actor.hallCodes } } };
    return { id: { in: [] } };
  }

  /**
   * An item as answered; `asOf` (a report's end) judges done and overdue at that moment by the completion time, while
   * the current view reads the status.
   */
  private itemResponse(row: ItemRow, actor: Actor | null, asOf?: Date): ImprovementItemResponse {
    const owner = row.ownerHall ?? row.ownerDepartment;
    const status = row.status as ImprovementStatus;
    const dueDate = row.dueDate.toISOString().slice(0, 10);
    const done = asOf ? row.doneAt !== null && row.doneAt < asOf : status === 'DONE';
    return {
      id: row.id,
      key: row.recurrenceKey,
      title: row.title,
      hallCode: row.hall.code,
      hallName: row.hall.name,
      serviceItemCode: row.serviceItem?.code ?? null,
      serviceItemName: row.serviceItem?.name ?? null,
      reasonKind: row.reasonKind as ReasonKind,
      reasonCode: row.reasonCode,
      reasonLabel: row.reasonLabel,
      ownerKind: row.ownerKind as OwnerKind,
      ownerCode: owner?.code ?? '',
      ownerName: owner?.name ?? '',
      dueDate,
      status,
      statusLabel: IMPROVEMENT_STATUSES[status],
      overdue: !done && localDateOf(asOf ?? this.clock.now()) > dueDate,
      completionNote: row.completionNote,
      reviewCount: row._count.reviews,
      acceptedBy: row.acceptedBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      doneAt: row.doneAt?.toISOString() ?? null,
      allowedActions: actor ? allowedImprovementActions(actor, status, ownerOf(row)) : [],
    };
  }

  /** The current label of each option code (the newest option set version that has it). */
  private async optionLabels(): Promise<Map<string, string>> {
    const options = await this.prisma.client.reviewOption.findMany({ select: { code: true, label: true, optionSet: { select: { version: true, createdAt: true } } } });
    options.sort((a, b) => a.optionSet.createdAt.getTime() - b.optionSet.createdAt.getTime() || a.optionSet.version - b.optionSet.version);
    return new Map(options.map((option) => [option.code, option.label]));
  }
}

function ownerOf(row: Pick<ItemRow, 'ownerKind' | 'ownerHall' | 'ownerDepartment'>): ImprovementOwner {
  return row.ownerKind === 'HALL' ? { kind: 'HALL', code: row.ownerHall?.code ?? '' } : { kind: 'DEPARTMENT', code: row.ownerDepartment?.code ?? '' };
}

function reasonLabel(kind: ReasonKind, code: string, labels: ReadonlyMap<string, string>): string {
  return kind === 'THEME' ? `留言主题：${code}` : `${code} ${labels.get(code) ?? ''}`.trim();
}

function reviewResponse(review: ReviewRow): ImprovementReviewResponse {
  return { id: review.id, level: review.level, optionCodes: review.optionCodes, comment: review.comment, channel: review.channel, createdAt: review.createdAt.toISOString() };
}

/** One audit line of 优化清单, in the transaction of the change it records. */
function audit(tx: Prisma.TransactionClient, actor: Actor, context: RequestContext, action: string, entityType: string, entityId: string, details: Prisma.InputJsonObject): Promise<void> {
  return appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action, entityType, entityId, details, requestId: context.requestId, ip: context.ip });
}

const alreadyOpen = () => new DomainHttpException(409, 'IMPROVEMENT_ALREADY_OPEN', '该问题已有未完成的优化事项，不能重复立项');
