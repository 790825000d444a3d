import { Injectable } from '@nestjs/common';
import type { Prisma } from '@haochaping/db';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { DepartmentResponse } from './dto/department.response';

export const DEPARTMENTS_RESOURCE = defineSimpleRestResource({
  name: 'departments',
  sortFields: ['code', 'name'],
  defaultSort: ['code', 'ASC'],
  filters: { id: { type: 'codes' }, q: { type: 'text' } },
});

@Injectable()
export class DepartmentsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<DepartmentResponse>> {
    const { sort, offset, limit, filter } = parseListParams(DEPARTMENTS_RESOURCE, query);
    const where: Prisma.DepartmentWhereInput = {
      ...(filter.id ? { code: { in: filter.id } } : {}),
      ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { contains: filter.q, mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.department.findMany({
        where,
        orderBy: [{ [sort.field]: sort.order }, { code: 'asc' }],
        skip: offset,
        take: limit,
        include: { _count: { select: { serviceItems: true } } },
      }),
      this.prisma.client.department.count({ where }),
    ]);
    return {
      rows: rows.map((department) => ({ id: department.code, code: department.code, name: department.name, serviceItemCount: department._count.serviceItems })),
      offset,
      total,
    };
  }
}
