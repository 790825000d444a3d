import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, type ApiClient, type Prisma } from '@haochaping/db';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import { generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key';
import type { ApiClientResponse, CreatedApiClientResponse } from './dto/api-client.response';
import type { IntegrationClient } from './integration-client.guard';
import { likeLiteral } from '../common/like-pattern';

export const API_CLIENTS_RESOURCE = defineSimpleRestResource({
  name: 'api-clients',
  sortFields: ['name', 'createdAt', 'lastUsedAt'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { q: { type: 'text' }, disabled: { type: 'boolean' } },
});

/** lastUsedAt is a hint for admins ("is this key still used?"), so it is written at most once a minute per client. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class IntegrationClientsService {
  /** Client id → when this process last wrote its lastUsedAt. */
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** The enabled client owning this key, or undefined (unknown, malformed or disabled). */
  async authenticate(key: string): Promise<IntegrationClient | undefined> {
    if (!isWellFormedApiKey(key)) return undefined;
    const client = await this.prisma.client.apiClient.findUnique({
      where: { keyHash: hashApiKey(key) },
      select: { id: true, name: true, disabledAt: true },
    });
    if (!client || client.disabledAt) return undefined;
    await this.touch(client.id);
    return { id: client.id, name: client.name };
  }

  /** A new client and its key; the row and its audit line (never the key) commit together. */
  async create(name: string, actor: Actor, context: RequestContext): Promise<CreatedApiClientResponse> {
    const { key, keyPrefix, keyHash } = generateApiKey();
    const client = await this.prisma.client.$transaction(async (tx) => {
      const created = await tx.apiClient.create({ data: { name, keyPrefix, keyHash, createdBy: actor.userId } });
      await this.audit(tx, actor, context, 'api-client.create', created.id, { name, keyPrefix });
      return created;
    });
    // The key leaves the server here and only here; the table keeps its hash.
    return { id: client.id, name: client.name, keyPrefix: client.keyPrefix, key, createdAt: formatShanghaiInstant(client.createdAt) };
  }

  async list(query: SimpleRestListQueryDto): Promise<ListPage<ApiClientResponse>> {
    const { sort, offset, limit, filter } = parseListParams(API_CLIENTS_RESOURCE, query);
    const where: Prisma.ApiClientWhereInput = {
      ...(filter.q ? { OR: [{ name: { contains: likeLiteral(filter.q), mode: 'insensitive' } }, { keyPrefix: { startsWith: likeLiteral(filter.q.toLowerCase()) } }] } : {}),
      ...(filter.disabled === undefined ? {} : { disabledAt: filter.disabled ? { not: null } : null }),
    };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.apiClient.findMany({
        where,
        // Never-used keys last whichever way lastUsedAt is sorted.
        orderBy: [sort.field === 'lastUsedAt' ? { lastUsedAt: { sort: sort.order, nulls: 'last' } } : { [sort.field]: sort.order }, { id: 'asc' }],
        skip: offset,
        take: limit,
      }),
      this.prisma.client.apiClient.count({ where }),
    ]);
    return { rows: rows.map((row) => this.toResponse(row)), offset, total };
  }

  /** Disabling is final (a leaked key is replaced, not re-enabled); disabling twice keeps the first moment. */
  async disable(id: string, actor: Actor, context: RequestContext): Promise<ApiClientResponse> {
    const existing = await this.prisma.client.apiClient.findUnique({ where: { id } });
    if (!existing) throw new DomainHttpException(404, 'API_CLIENT_NOT_FOUND', '未找到该接入系统');
    const client = existing.disabledAt
      ? existing
      : await this.prisma.client.$transaction(async (tx) => {
          const disabled = await tx.apiClient.update({ where: { id }, data: { disabledAt: this.clock.now() } });
          await this.audit(tx, actor, context, 'api-client.disable', id, { name: existing.name, keyPrefix: existing.keyPrefix });
          return disabled;
        });
    this.lastUsedWritten.delete(id);
    return this.toResponse(client);
  }

  private audit(tx: Prisma.TransactionClient, actor: Actor, context: RequestContext, action: string, id: string, details: Prisma.InputJsonObject) {
    return appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action, entityType: 'api-client', entityId: id, details, requestId: context.requestId, ip: context.ip });
  }

  private async touch(id: string): Promise<void> {
    const now = this.clock.now();
    const written = this.lastUsedWritten.get(id);
    if (written !== undefined && now.getTime() - written < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(id, now.getTime());
    await this.prisma.client.apiClient.update({ where: { id }, data: { lastUsedAt: now } });
  }

  private toResponse(client: ApiClient): ApiClientResponse {
    return {
      id: client.id,
      name: client.name,
      keyPrefix: client.keyPrefix,
      createdBy: client.createdBy,
      createdAt: formatShanghaiInstant(client.createdAt),
      disabledAt: client.disabledAt ? formatShanghaiInstant(client.disabledAt) : null,
      lastUsedAt: client.lastUsedAt ? formatShanghaiInstant(client.lastUsedAt) : null,
      enabled: client.disabledAt === null,
    };
  }
}
