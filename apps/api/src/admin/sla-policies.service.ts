import { Injectable } from '@nestjs/common';
import { RECTIFICATION_CATEGORIES, type Actor, type RectificationCategory, type SlaPolicy } from '@haochaping/contracts';
import { appendAudit, parseSlaPolicy, type Prisma, type SlaPolicyVersion } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateSlaPolicyVersionDto, SlaPolicyVersionResponse } from './dto/sla-policy-version.dto';

export const SLA_POLICIES_RESOURCE = defineSimpleRestResource({
  name: 'sla-policies',
  sortFields: ['version', 'createdAt'],
  defaultSort: ['version', 'DESC'],
  filters: { id: { type: 'integers', min: 1, max: 2_147_483_647 }, current: { type: 'boolean' } },
});

const notFound = () => new DomainHttpException(404, 'SLA_POLICY_NOT_FOUND', '未找到该时限策略版本');

/**
 * What the field validators cannot see: a callback due after the result it precedes (when both count in the same
 * unit; across units the hall's working day decides, so it is left to the admin).
 */
export function slaPolicyErrors(dto: CreateSlaPolicyVersionDto): ApiFieldError[] {
  return (Object.keys(RECTIFICATION_CATEGORIES) as RectificationCategory[]).flatMap((category) => {
    const { callback, result } = dto.categories[category];
    return callback.unit === result.unit && callback.amount > result.amount
      ? [{ field: `categories.${category}.callback.amount`, message: `${RECTIFICATION_CATEGORIES[category]}的回访时限不能长于整改结果时限` }]
      : [];
  });
}

/** Versioned clocks: an edit is a new version that new cases start under; running cases keep theirs. */
@Injectable()
export class SlaPoliciesService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<SlaPolicyVersionResponse>> {
    const { sort, offset, limit, filter } = parseListParams(SLA_POLICIES_RESOURCE, query);
    const db = this.prisma.client;
    const newest = await this.newestVersion();
    const where: Prisma.SlaPolicyVersionWhereInput = {
      ...(filter.id ? { version: { in: filter.id } } : {}),
      ...(filter.current === undefined ? {} : filter.current ? { version: newest } : { NOT: { version: newest } }),
    };
    if (filter.id && filter.current !== undefined) where.version = { in: filter.id.filter((version) => (version === newest) === filter.current) };
    const [rows, total] = await db.$transaction([
      db.slaPolicyVersion.findMany({ where, orderBy: [{ [sort.field]: sort.order }, { version: 'desc' }], skip: offset, take: limit }),
      db.slaPolicyVersion.count({ where }),
    ]);
    const counts = await this.caseCounts(rows.map((row) => row.version));
    return { rows: rows.map((row) => toResponse(row, newest, counts)), offset, total };
  }

  async get(version: number): Promise<SlaPolicyVersionResponse> {
    const row = await this.prisma.client.slaPolicyVersion.findUnique({ where: { version } });
    if (!row) throw notFound();
    return toResponse(row, await this.newestVersion(), await this.caseCounts([version]));
  }

  /** The next version; the worker's loadReviewContext picks it for every case that starts after the commit. */
  async createVersion(dto: CreateSlaPolicyVersionDto, actor: Actor, context: RequestContext): Promise<SlaPolicyVersionResponse> {
    const errors = slaPolicyErrors(dto);
    if (errors.length > 0) throw new DomainHttpException(422, 'VALIDATION_FAILED', errors[0]?.message ?? '提交的内容有误', errors);
    const created = await this.prisma.client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sla_policy_version'))`;
      const previous = await tx.slaPolicyVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
      const version = (previous?.version ?? 0) + 1;
      const policy: SlaPolicy = {
        version,
        categories: {
          IMMEDIATE: clocksOf(dto.categories.IMMEDIATE),
          TIME_LIMITED: clocksOf(dto.categories.TIME_LIMITED),
          COORDINATED: clocksOf(dto.categories.COORDINATED),
        },
        escalationAfter: clockOf(dto.escalationAfter),
        reminderRatio: dto.reminderRatio,
        confirmationWindow: clockOf(dto.confirmationWindow),
        rejectionDecision: clockOf(dto.rejectionDecision),
        extensionDecision: clockOf(dto.extensionDecision),
      };
      // The worker refuses a policy it cannot compute; check with the same parser before anything is stored.
      parseSlaPolicy(policy);
      const row = await tx.slaPolicyVersion.create({
        data: { version, policy: policy as unknown as Prisma.InputJsonObject, note: dto.note ?? null, createdBy: actor.userId },
      });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'sla-policy.create-version',
        entityType: 'sla-policy',
        entityId: String(version),
        details: { version, previousVersion: previous?.version ?? null, note: dto.note ?? null, policy: policy as unknown as Prisma.InputJsonObject },
        requestId: context.requestId,
        ip: context.ip,
      });
      return row;
    });
    return toResponse(created, created.version, new Map());
  }

  private async newestVersion(): Promise<number | undefined> {
    return (await this.prisma.client.slaPolicyVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true } }))?.version;
  }

  /** Cases per version and how many of them are open, from the read model. */
  private async caseCounts(versions: number[]): Promise<Map<number, { all: number; open: number }>> {
    if (versions.length === 0) return new Map();
    const rows = await this.prisma.client.$queryRaw<Array<{ version: number; all: bigint; open: bigint }>>`
      SELECT sla_policy_version AS version, count(*) AS all, count(*) FILTER (WHERE closed_at IS NULL) AS open
      FROM rectification_case WHERE sla_policy_version = ANY(${versions}::int[]) GROUP BY sla_policy_version`;
    return new Map(rows.map((row) => [row.version, { all: Number(row.all), open: Number(row.open) }]));
  }
}

const clockOf = (clock: { amount: number; unit: SlaPolicy['escalationAfter']['unit'] }) => ({ amount: clock.amount, unit: clock.unit });
const clocksOf = (clocks: CreateSlaPolicyVersionDto['categories']['IMMEDIATE']) => ({ callback: clockOf(clocks.callback), result: clockOf(clocks.result) });

function toResponse(row: SlaPolicyVersion, newest: number | undefined, counts: ReadonlyMap<number, { all: number; open: number }>): SlaPolicyVersionResponse {
  const { version: _version, ...policy } = row.policy as Record<string, unknown>;
  return {
    id: row.version,
    version: row.version,
    current: row.version === newest,
    caseCount: counts.get(row.version)?.all ?? 0,
    openCaseCount: counts.get(row.version)?.open ?? 0,
    policy,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: formatShanghaiInstant(row.createdAt),
  };
}
