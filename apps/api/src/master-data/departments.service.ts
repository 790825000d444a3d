import { Injectable } from '@nestjs/common';
import type { Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';
import type { DepartmentResponse } from './dto/department.response';
import { auditMasterData, fieldChanges, type MasterDataChange } from './master-data-audit';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { likeLiteral } from '../common/like-pattern';

export const DEPARTMENTS_RESOURCE = defineSimpleRestResource({
  name: 'departments',
  sortFields: ['code', 'name'],
  defaultSort: ['code', 'ASC'],
  filters: { id: { type: 'codes' }, q: { type: 'text' } },
});

const departmentInclude = { _count: { select: { serviceItems: true } } } as const;
type DepartmentRow = Prisma.DepartmentGetPayload<{ include: typeof departmentInclude }>;

const notFound = () => new DomainHttpException(404, 'DEPARTMENT_NOT_FOUND', '未找到该部门');
const codeTaken = (code: string) => new DomainHttpException(409, 'DEPARTMENT_CODE_TAKEN', `编码 ${code} 已有部门使用`);

/** County departments that own service items (and scope the guides). Created and renamed, never deleted: items and users name them. */
@Injectable()
export class DepartmentsService {
  constructor(private readonly prisma: PrismaService) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<DepartmentResponse>> {
    const { sort, offset, limit, filter } = parseListParams(DEPARTMENTS_RESOURCE, query);
    const where: Prisma.DepartmentWhereInput = {
      ...(filter.id ? { code: { in: filter.id } } : {}),
      ...(filter.q ? { OR: [{ name: { contains: likeLiteral(filter.q) } }, { code: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] } : {}),
    };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.department.findMany({ where, orderBy: [{ [sort.field]: sort.order }, { code: 'asc' }], skip: offset, take: limit, include: departmentInclude }),
      this.prisma.client.department.count({ where }),
    ]);
    return { rows: rows.map(toResponse), offset, total };
  }

  async get(code: string): Promise<DepartmentResponse> {
    const department = await this.prisma.client.department.findUnique({ where: { code }, include: departmentInclude });
    if (!department) throw notFound();
    return toResponse(department);
  }

  async create(dto: CreateDepartmentDto, change: MasterDataChange): Promise<DepartmentResponse> {
    try {
      await this.prisma.client.$transaction(async (tx) => {
        if (await tx.department.findUnique({ where: { code: dto.code }, select: { id: true } })) throw codeTaken(dto.code);
        await tx.department.create({ data: { code: dto.code, name: dto.name } });
        await auditMasterData(tx, change, 'department.create', { type: 'department', id: dto.code }, { code: dto.code, name: dto.name });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(dto.code) : error;
    }
    return this.get(dto.code);
  }

  async update(code: string, dto: UpdateDepartmentDto, change: MasterDataChange): Promise<DepartmentResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await tx.department.findUnique({ where: { code } });
      if (!existing) throw notFound();
      const changes = fieldChanges({ name: existing.name }, { name: dto.name });
      if (!changes) return;
      await tx.department.update({ where: { code }, data: { name: dto.name } });
      await auditMasterData(tx, change, 'department.update', { type: 'department', id: code }, { ...changes });
    });
    return this.get(code);
  }
}

function toResponse(department: DepartmentRow): DepartmentResponse {
  return { id: department.code, code: department.code, name: department.name, serviceItemCount: department._count.serviceItems };
}
