import { Injectable } from '@nestjs/common';
import { STAFF_NOTICE_KINDS, type Actor } from '@haochaping/contracts';
import type { Prisma } from '@haochaping/db';
import { rectificationVisibility } from '../actor/actor-scope';
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
  filters: { unread: { type: 'boolean' }, kind: { type: 'enum', values: STAFF_NOTICE_KINDS } },
});

/**
 * The in-console notices of the notification outbox (channel CONSOLE, written by the worker's `notify`). Who sees
 * which follows the actor's data scope (actor-scope.ts): a notice addressed to one user is theirs; a notice addressed
 * to a role is seen by that role within the scope of its cases — the county in every hall, hall roles in their halls,
 * a department's guide where one of their departments is invited (the notice's `departmentCodes`). Read state is
 * shared: a notice to a hall's leaders is read once, by whichever of them reads it.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly prisma: PrismaService) {}

  /** Unread notices first, then by the requested sort (newest first by default). */
  async list(actor: Actor, query: SimpleRestListQueryDto): Promise<ListPage<NotificationResponse>> {
    const { sort, offset, limit, filter } = parseListParams(NOTIFICATIONS_RESOURCE, query);
    const where: Prisma.NotificationWhereInput = {
      AND: [
        await this.visibleTo(actor),
        ...(filter.unread === undefined ? [] : [{ readAt: filter.unread ? null : { not: null } }]),
        ...(filter.kind === undefined ? [] : [{ template: { in: filter.kind } }]),
      ],
    };
    const [rows, total] = await Promise.all([
      this.prisma.client.notification.findMany({
        where,
        orderBy: [{ readAt: { sort: 'desc', nulls: 'first' } }, { [sort.field]: sort.order }, { id: sort.order }],
        skip: offset,
        take: limit,
      }),
      this.prisma.client.notification.count({ where }),
    ]);
    return {
      rows: rows.map((row) => ({
        id: row.id.toString(),
        kind: row.template,
        body: row.body,
        createdAt: formatShanghaiInstant(row.createdAt),
        readAt: row.readAt ? formatShanghaiInstant(row.readAt) : null,
        reviewId: stringParam(row.params, 'reviewId'),
      })),
      offset,
      total,
    };
  }

  /** How many of the actor's notices are unread: the console's bell polls it. */
  async unreadCount(actor: Actor): Promise<number> {
    return this.prisma.client.notification.count({ where: { AND: [await this.visibleTo(actor), { readAt: null }] } });
  }

  /** Marks a notice read; reading it again keeps the first time it was read. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id)) throw new DomainHttpException(404, 'NOTIFICATION_NOT_FOUND', '未找到该通知');
    const visible = await this.prisma.client.notification.findFirst({ where: { AND: [{ id: BigInt(id) }, await this.visibleTo(actor)] }, select: { id: true } });
    if (!visible) throw new DomainHttpException(404, 'NOTIFICATION_NOT_FOUND', '未找到该通知');
    await this.prisma.client.notification.updateMany({ where: { id: visible.id, readAt: null }, data: { readAt: new Date() } });
  }

  /** Marks every unread notice the actor sees read; returns how many. */
  async markAllRead(actor: Actor): Promise<number> {
    const updated = await this.prisma.client.notification.updateMany({
      where: { AND: [await this.visibleTo(actor), { readAt: null }] },
      data: { readAt: new Date() },
    });
    return updated.count;
  }

  private async visibleTo(actor: Actor): Promise<Prisma.NotificationWhereInput> {
    const forRole: Prisma.NotificationWhereInput = { userId: null, audienceRole: actor.role };
    const visibility = rectificationVisibility(actor);
    let addressedToRole: Prisma.NotificationWhereInput;
    switch (visibility.kind) {
      case 'ALL':
        addressedToRole = forRole;
        break;
      case 'HALLS': {
        const halls = await this.prisma.client.hall.findMany({ where: { code: { in: [...visibility.hallCodes] } }, select: { id: true } });
        addressedToRole = { ...forRole, hallId: { in: halls.map((hall) => hall.id) } };
        break;
      }
      case 'INVITED':
        // The notice names the invited departments (an invitation carries `departmentCodes`): one of theirs.
        addressedToRole = {
          ...forRole,
          OR: visibility.departmentCodes.map((code) => ({ params: { path: ['departmentCodes'], array_contains: [code] } })),
        };
        break;
    }
    return { channel: 'CONSOLE', OR: [{ userId: actor.userId }, addressedToRole] };
  }
}

function stringParam(params: Prisma.JsonValue, name: string): string | null {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return null;
  const value = params[name];
  return typeof value === 'string' ? value : null;
}
