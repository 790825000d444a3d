import { Injectable } from '@nestjs/common';
import type { AuditLog, Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { INT8_MAX, parseIntegerKey } from '../common/integer-key';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { AuditLogEntryResponse } from './dto/audit-log-entry.response';

export const AUDIT_LOG_RESOURCE = defineSimpleRestResource({
  name: 'audit-log',
  sortFields: ['at'],
  defaultSort: ['at', 'DESC'],
  // Each filter matches an index of audit_log (entity, actor, action, at).
  filters: {
    id: { type: 'codes' },
    actorId: { type: 'codes' },
    actorRole: { type: 'codes' },
    action: { type: 'codes' },
    actionPrefix: { type: 'text' },
    entityType: { type: 'codes' },
    entityId: { type: 'text' },
    from: { type: 'instant' },
    to: { type: 'instant' },
  },
  maxPageSize: 200,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new DomainHttpException(404, 'AUDIT_ENTRY_NOT_FOUND', '未找到该审计记录');

/** The audit trail, read-only: the table refuses UPDATE and DELETE, and this service offers neither. */
@Injectable()
export class AuditLogService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<AuditLogEntryResponse>> {
    const { sort, offset, limit, filter } = parseListParams(AUDIT_LOG_RESOURCE, query);
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '列表查询参数有误', [{ field: 'filter.to', message: '结束时间不能早于开始时间' }]);
    }
    const where: Prisma.AuditLogWhereInput = {
      // An id that is no key of the bigint column matches nothing, like an id that does not exist.
      ...(filter.id ? { id: { in: filter.id.map((id) => parseIntegerKey(id, INT8_MAX)).filter((id) => id !== undefined) } } : {}),
      ...(filter.actorId ? { actorId: { in: filter.actorId } } : {}),
      ...(filter.actorRole ? { actorRole: { in: filter.actorRole } } : {}),
      ...(filter.action ? { action: { in: filter.action } } : {}),
      ...(filter.actionPrefix ? { action: { startsWith: filter.actionPrefix } } : {}),
      ...(filter.entityType ? { entityType: { in: filter.entityType } } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } } : {}),
    };
    if (filter.action && filter.actionPrefix) where.AND = [{ action: { in: filter.action } }, { action: { startsWith: filter.actionPrefix } }];
    const db = this.prisma.client;
    const [rows, total] = await db.$transaction([
      db.auditLog.findMany({ where, orderBy: [{ [sort.field]: sort.order }, { id: sort.order }], skip: offset, take: limit }),
      db.auditLog.count({ where }),
    ]);
    return { rows: await this.withUsernames(rows), offset, total };
  }

  async get(id: string): Promise<AuditLogEntryResponse> {
    const key = parseIntegerKey(id, INT8_MAX);
    if (key === undefined) throw notFound();
    const row = await this.prisma.client.auditLog.findUnique({ where: { id: key } });
    if (!row) throw notFound();
    const [entry] = await this.withUsernames([row]);
    if (!entry) throw notFound();
    return entry;
  }

  /** Actors are user ids (accounts), or names like `system` and `setup-admin` (the development header). */
  private async withUsernames(rows: AuditLog[]): Promise<AuditLogEntryResponse[]> {
    const ids = [...new Set(rows.map((row) => row.actorId).filter((id) => UUID.test(id)))];
    const users = ids.length > 0 ? await this.prisma.client.user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } }) : [];
    const usernames = new Map(users.map((user) => [user.id, user.username]));
    return rows.map((row) => ({
      id: row.id.toString(),
      at: formatShanghaiInstant(row.at),
      actorId: row.actorId,
      actorUsername: usernames.get(row.actorId) ?? null,
      actorRole: row.actorRole,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      details: row.details ?? null,
      requestId: row.requestId,
      ip: row.ip,
    }));
  }
}
