import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import type { Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { NotificationResponse } from './notification.response';

export const NOTIFICATIONS_RESOURCE = defineSimpleRestResource({
  name: 'notifications',
  sortFields: ['createdAt'],
  defaultSort: ['createdAt', 'DESC'],
  filters: { unread: { type: 'boolean' } },
});

/** Roles that see every hall's notices meant for their role (the county). */
const COUNTY_ROLES = new Set(['COUNTY_SUPERVISOR', 'ADMIN']);

/**
 * The in-console notices of the notification outbox (channel CONSOLE, written by the worker's `notify`): those
 * addressed to the user, and those addressed to the user's role in a hall they work for (county roles: any hall).
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(actor: Actor, query: SimpleRestListQueryDto): Promise<ListPage<NotificationResponse>> {
    const { sort, offset, limit, filter } = parseListParams(NOTIFICATIONS_RESOURCE, query);
    const where: Prisma.NotificationWhereInput = {
      AND: [await this.visibleTo(actor), ...(filter.unread === undefined ? [] : [{ readAt: filter.unread ? null : { not: null } }])],
    };
    const [rows, total] = await Promise.all([
      this.prisma.client.notification.findMany({ where, orderBy: [{ [sort.field]: sort.order }, { id: 'desc' }], skip: offset, take: limit }),
      this.prisma.client.notification.count({ where }),
    ]);
    return {
      rows: rows.map((row) => ({
        id: row.id.toString(),
        kind: row.template,
        body: row.body,
        createdAt: formatShanghaiInstant(row.createdAt),
        readAt: row.readAt ? formatShanghaiInstant(row.readAt) : null,
        reviewId: typeof row.params === 'object' && row.params !== null && !Array.isArray(row.params) && typeof row.params.reviewId === 'string' ? row.params.reviewId : null,
      })),
      offset,
      total,
    };
  }

  /** Marks a notice read (for everyone it is addressed to: a notice to a hall's leaders is read once). */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id)) throw new DomainHttpException(404, 'NOTIFICATION_NOT_FOUND', '未找到该通知');
    const updated = await this.prisma.client.notification.updateMany({
      where: { AND: [{ id: BigInt(id) }, await this.visibleTo(actor)] },
      data: { readAt: new Date() },
    });
    if (updated.count === 0) throw new DomainHttpException(404, 'NOTIFICATION_NOT_FOUND', '未找到该通知');
  }

  private async visibleTo(actor: Actor): Promise<Prisma.NotificationWhereInput> {
    const forRole: Prisma.NotificationWhereInput = { userId: null, audienceRole: actor.role };
    const hallIds = COUNTY_ROLES.has(actor.role)
      ? undefined
      : (await this.prisma.client.hall.findMany({ where: { code: { in: actor.hallCodes } }, select: { id: true } })).map((hall) => hall.id);
    return {
      channel: 'CONSOLE',
      OR: [{ userId: actor.userId }, hallIds === undefined ? forRole : { ...forRole, hallId: { in: hallIds } }],
    };
  }
}
