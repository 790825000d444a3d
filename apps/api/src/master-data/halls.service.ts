import { Injectable } from '@nestjs/common';
import { toOfficeHours, type Hall, type Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { HallDetailResponse, HallResponse, PublicHallResponse } from './dto/hall.response';

export const HALLS_RESOURCE = defineSimpleRestResource({
  name: 'halls',
  sortFields: ['code', 'name', 'kind'],
  defaultSort: ['code', 'ASC'],
  filters: { id: { type: 'codes' }, q: { type: 'text' }, kind: { type: 'enum', values: ['STREET', 'TOWN'] } },
});

@Injectable()
export class HallsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<HallResponse>> {
    const { sort, offset, limit, filter } = parseListParams(HALLS_RESOURCE, query);
    const where: Prisma.HallWhereInput = {
      ...(filter.id ? { code: { in: filter.id } } : {}),
      ...(filter.kind ? { kind: { in: filter.kind as Hall['kind'][] } } : {}),
      ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { contains: filter.q, mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.hall.findMany({ where, orderBy: [{ [sort.field]: sort.order }, { code: 'asc' }], skip: offset, take: limit }),
      this.prisma.client.hall.count({ where }),
    ]);
    return { rows: rows.map((hall) => this.toResponse(hall)), offset, total };
  }

  async get(code: string): Promise<HallDetailResponse> {
    const hall = await this.prisma.client.hall.findUnique({
      where: { code },
      include: {
        windows: { orderBy: { code: 'asc' }, include: { _count: { select: { staff: true } } } },
        servicePoints: { orderBy: { code: 'asc' }, select: { code: true, name: true } },
      },
    });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
    return {
      ...this.toResponse(hall),
      windows: hall.windows.map((window) => ({ code: window.code, name: window.name, staffCount: window._count.staff })),
      servicePoints: hall.servicePoints,
    };
  }

  /** Every hall with its windows, for the citizen pages (no office hours, no staff): streets first, then towns, by code. */
  async publicList(): Promise<PublicHallResponse[]> {
    const halls = await this.prisma.client.hall.findMany({
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
      include: { windows: { orderBy: { code: 'asc' }, select: { code: true, name: true } } },
    });
    return halls.map((hall) => ({ code: hall.code, name: hall.name, kind: hall.kind, windows: hall.windows }));
  }

  async publicGet(code: string): Promise<PublicHallResponse> {
    const hall = await this.prisma.client.hall.findUnique({ where: { code }, include: { windows: { orderBy: { code: 'asc' }, select: { code: true, name: true } } } });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
    return { code: hall.code, name: hall.name, kind: hall.kind, windows: hall.windows };
  }

  private toResponse(hall: Hall): HallResponse {
    return { id: hall.code, code: hall.code, name: hall.name, kind: hall.kind, officeHours: toOfficeHours(hall.officeHours) };
  }
}
