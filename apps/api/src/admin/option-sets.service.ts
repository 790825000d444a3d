import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, type Prisma } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import { SERVICE_NATURES, type CreateOptionSetVersionDto, type OptionInputDto, type OptionSetVersionResponse, type ServiceNatureName } from './dto/option-set-version.dto';

export const OPTION_SETS_RESOURCE = defineSimpleRestResource({
  name: 'option-sets',
  sortFields: ['version', 'createdAt', 'nature'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { id: { type: 'codes' }, nature: { type: 'enum', values: SERVICE_NATURES }, current: { type: 'boolean' } },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new DomainHttpException(404, 'OPTION_SET_NOT_FOUND', '未找到该评价选项版本');

type OptionSetRow = Prisma.OptionSetGetPayload<{ include: { options: true; _count: { select: { reviews: true } } } }>;

/**
 * The rules of one option list beyond each field: codes and labels unique, and a group (the code's letter, DOMAIN.md's
 * A/B/C) suggests one category, so that a group reads as one kind of fault. Returns the field errors.
 */
export function optionListErrors(options: readonly OptionInputDto[]): ApiFieldError[] {
  const errors: ApiFieldError[] = [];
  const codes = new Map<string, number>();
  const labels = new Map<string, number>();
  const groupCategory = new Map<string, { category: string; index: number }>();
  options.forEach((option, index) => {
    const field = `options.${index}`;
    const sameCode = codes.get(option.code);
    if (sameCode !== undefined) errors.push({ field: `${field}.code`, message: `选项编码 ${option.code} 与第 ${sameCode + 1} 项重复` });
    else codes.set(option.code, index);
    const sameLabel = labels.get(option.label);
    if (sameLabel !== undefined) errors.push({ field: `${field}.label`, message: `选项名称“${option.label}”与第 ${sameLabel + 1} 项重复` });
    else labels.set(option.label, index);
    const group = option.code.slice(0, 1);
    const first = groupCategory.get(group);
    if (first === undefined) groupCategory.set(group, { category: option.suggestedCategory, index });
    else if (first.category !== option.suggestedCategory) {
      errors.push({ field: `${field}.suggestedCategory`, message: `${group} 组的选项须建议同一整改类别（与第 ${first.index + 1} 项一致）` });
    }
  });
  return errors;
}

/** Versioned second-level options: an edit is a new version; reviews keep the version they were given. */
@Injectable()
export class OptionSetsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<OptionSetVersionResponse>> {
    const { sort, offset, limit, filter } = parseListParams(OPTION_SETS_RESOURCE, query);
    const db = this.prisma.client;
    const currentIds = await this.currentIds();
    const ids = filter.id?.filter((id) => UUID.test(id) && (filter.current === undefined || currentIds.has(id) === filter.current));
    const idWhere: Prisma.OptionSetWhereInput =
      ids !== undefined ? { id: { in: ids } } : filter.current === undefined ? {} : { id: filter.current ? { in: [...currentIds] } : { notIn: [...currentIds] } };
    const where: Prisma.OptionSetWhereInput = { ...idWhere, ...(filter.nature ? { nature: { in: filter.nature as ServiceNatureName[] } } : {}) };
    const [rows, total] = await db.$transaction([
      db.optionSet.findMany({
        where,
        include: { options: { orderBy: { position: 'asc' } }, _count: { select: { reviews: true } } },
        orderBy: [{ [sort.field]: sort.order }, { nature: 'asc' }, { version: 'desc' }],
        skip: offset,
        take: limit,
      }),
      db.optionSet.count({ where }),
    ]);
    return { rows: rows.map((row) => toResponse(row, currentIds)), offset, total };
  }

  async get(id: string): Promise<OptionSetVersionResponse> {
    const row = await this.prisma.client.optionSet.findUnique({
      where: { id },
      include: { options: { orderBy: { position: 'asc' } }, _count: { select: { reviews: true } } },
    });
    if (!row) throw notFound();
    return toResponse(row, await this.currentIds());
  }

  /** The nature's next version, with the options in the order given; earlier versions stay as they were. */
  async createVersion(dto: CreateOptionSetVersionDto, actor: Actor, context: RequestContext): Promise<OptionSetVersionResponse> {
    const errors = optionListErrors(dto.options);
    if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', errors[0]?.message ?? '提交的内容有误', errors);
    const db = this.prisma.client;
    const created = await db.$transaction(async (tx) => {
      // One new version at a time per nature: the second of two concurrent edits waits and takes the next number.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`option_set:${dto.nature}`}))`;
      const previous = await tx.optionSet.findFirst({ where: { nature: dto.nature }, orderBy: { version: 'desc' }, include: { options: { orderBy: { position: 'asc' } } } });
      const unchanged =
        previous !== null &&
        previous.options.length === dto.options.length &&
        previous.options.every((option, index) => {
          const next = dto.options[index];
          return next !== undefined && option.code === next.code && option.label === next.label && option.suggestedCategory === next.suggestedCategory;
        });
      if (unchanged) throw new DomainHttpException(422, 'OPTION_SET_UNCHANGED', `与当前第 ${previous.version} 版完全相同，无需保存新版本`);
      const version = (previous?.version ?? 0) + 1;
      const row = await tx.optionSet.create({
        data: { nature: dto.nature, version, options: { create: dto.options.map((option, position) => ({ ...option, position })) } },
        include: { options: { orderBy: { position: 'asc' } }, _count: { select: { reviews: true } } },
      });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'option-set.create-version',
        entityType: 'option-set',
        entityId: row.id,
        details: {
          nature: row.nature,
          version,
          previousVersion: previous?.version ?? null,
          options: dto.options.map((option) => ({ code: option.code, label: option.label, suggestedCategory: option.suggestedCategory })),
        },
        requestId: context.requestId,
        ip: context.ip,
      });
      return row;
    });
    return toResponse(created, new Set([created.id]));
  }

  /** The newest version of each nature. */
  private async currentIds(): Promise<Set<string>> {
    const rows = await this.prisma.client.optionSet.findMany({ orderBy: [{ nature: 'asc' }, { version: 'desc' }], distinct: ['nature'], select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }
}

function toResponse(row: OptionSetRow, currentIds: ReadonlySet<string>): OptionSetVersionResponse {
  return {
    id: row.id,
    nature: row.nature,
    version: row.version,
    current: currentIds.has(row.id),
    reviewCount: row._count.reviews,
    options: row.options.map(({ code, label, suggestedCategory, position }) => ({ code, label, suggestedCategory, position })),
    createdAt: formatShanghaiInstant(row.createdAt),
  };
}
