import { Injectable } from '@nestjs/common';
import type { Prisma, ServiceNature } from '@haochaping/db';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { ServiceItemResponse } from './dto/service-item.response';

export const SERVICE_ITEMS_RESOURCE = defineSimpleRestResource({
  name: 'service-items',
  sortFields: ['code', 'name', 'nature', 'departmentCode'],
  defaultSort: ['code', 'ASC'],
  filters: {
    id: { type: 'codes' },
    q: { type: 'text' },
    departmentCode: { type: 'codes' },
    nature: { type: 'enum', values: ['OFFLINE', 'ONLINE'] },
    onApplication: { type: 'boolean' },
  },
});

@Injectable()
export class ServiceItemsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<ServiceItemResponse>> {
    const { sort, offset, limit, filter } = parseListParams(SERVICE_ITEMS_RESOURCE, query);
    const where: Prisma.ServiceItemWhereInput = {
      ...(filter.id ? { code: { in: filter.id } } : {}),
      ...(filter.departmentCode ? { department: { code: { in: filter.departmentCode } } } : {}),
      ...(filter.nature ? { nature: { in: filter.nature as ServiceNature[] } } : {}),
      ...(filter.onApplication !== undefined ? { onApplication: filter.onApplication } : {}),
      ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { contains: filter.q, mode: 'insensitive' } }] } : {}),
    };
    const orderBy: Prisma.ServiceItemOrderByWithRelationInput =
      sort.field === 'departmentCode' ? { department: { code: sort.order } } : { [sort.field]: sort.order };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.serviceItem.findMany({ where, orderBy: [orderBy, { code: 'asc' }], skip: offset, take: limit, include: { department: true } }),
      this.prisma.client.serviceItem.count({ where }),
    ]);
    return {
      rows: rows.map((item) => ({
        id: item.code,
        code: item.code,
        name: item.name,
        departmentCode: item.department.code,
        departmentName: item.department.name,
        nature: item.nature,
        onApplication: item.onApplication,
      })),
      offset,
      total,
    };
  }
}
