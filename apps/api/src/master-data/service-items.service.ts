import { Injectable } from '@nestjs/common';
import type { Prisma, ServiceNature } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateServiceItemDto, UpdateServiceItemDto } from './dto/service-item.dto';
import type { ServiceItemResponse } from './dto/service-item.response';
import { auditMasterData, fieldChanges, invalid, type MasterDataChange } from './master-data-audit';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { likeLiteral } from '../common/like-pattern';

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
    active: { type: 'boolean' },
  },
});

const itemInclude = { department: { select: { code: true, name: true } } } as const;
type ItemRow = Prisma.ServiceItemGetPayload<{ include: typeof itemInclude }>;

const notFound = () => new DomainHttpException(404, 'SERVICE_ITEM_NOT_FOUND', '未找到该服务事项');
const codeTaken = (code: string) => new DomainHttpException(409, 'SERVICE_ITEM_CODE_TAKEN', `编码 ${code} 已有服务事项使用`);

/** 政务服务事项 (admins keep them; an item that is withdrawn is disabled, never deleted: reviews and cases name it). */
@Injectable()
export class ServiceItemsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<ServiceItemResponse>> {
    const { sort, offset, limit, filter } = parseListParams(SERVICE_ITEMS_RESOURCE, query);
    const where: Prisma.ServiceItemWhereInput = {
      ...(filter.id ? { code: { in: filter.id } } : {}),
      ...(filter.departmentCode ? { department: { code: { in: filter.departmentCode } } } : {}),
      ...(filter.nature ? { nature: { in: filter.nature as ServiceNature[] } } : {}),
      ...(filter.onApplication !== undefined ? { onApplication: filter.onApplication } : {}),
      ...(filter.active === undefined ? {} : { disabledAt: filter.active ? null : { not: null } }),
      ...(filter.q ? { OR: [{ name: { contains: likeLiteral(filter.q) } }, { code: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] } : {}),
    };
    const orderBy: Prisma.ServiceItemOrderByWithRelationInput =
      sort.field === 'departmentCode' ? { department: { code: sort.order } } : { [sort.field]: sort.order };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.serviceItem.findMany({ where, orderBy: [orderBy, { code: 'asc' }], skip: offset, take: limit, include: itemInclude }),
      this.prisma.client.serviceItem.count({ where }),
    ]);
    return { rows: rows.map(toResponse), offset, total };
  }

  async get(code: string): Promise<ServiceItemResponse> {
    return toResponse(await this.find(this.prisma.client, code));
  }

  async create(dto: CreateServiceItemDto, change: MasterDataChange): Promise<ServiceItemResponse> {
    const onApplication = dto.onApplication ?? true;
    try {
      await this.prisma.client.$transaction(async (tx) => {
        const departmentId = await this.departmentId(tx, dto.departmentCode);
        if (await tx.serviceItem.findUnique({ where: { code: dto.code }, select: { id: true } })) throw codeTaken(dto.code);
        await tx.serviceItem.create({ data: { code: dto.code, name: dto.name, departmentId, nature: dto.nature, onApplication } });
        await auditMasterData(tx, change, 'service-item.create', { type: 'service-item', id: dto.code }, {
          code: dto.code,
          name: dto.name,
          departmentCode: dto.departmentCode,
          nature: dto.nature,
          onApplication,
        });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(dto.code) : error;
    }
    return this.get(dto.code);
  }

  async update(code: string, dto: UpdateServiceItemDto, change: MasterDataChange): Promise<ServiceItemResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, code);
      const stored = { name: existing.name, departmentCode: existing.department.code, nature: existing.nature, onApplication: existing.onApplication };
      const changes = fieldChanges(stored, { name: dto.name, departmentCode: dto.departmentCode, nature: dto.nature, onApplication: dto.onApplication });
      if (!changes) return;
      const departmentId = dto.departmentCode === undefined ? undefined : await this.departmentId(tx, dto.departmentCode);
      await tx.serviceItem.update({
        where: { id: existing.id },
        data: {
          ...(dto.name === undefined ? {} : { name: dto.name }),
          ...(departmentId === undefined ? {} : { departmentId }),
          ...(dto.nature === undefined ? {} : { nature: dto.nature }),
          ...(dto.onApplication === undefined ? {} : { onApplication: dto.onApplication }),
        },
      });
      await auditMasterData(tx, change, 'service-item.update', { type: 'service-item', id: code }, { ...changes });
    });
    return this.get(code);
  }

  /** Withdrawn: kept for the reviews and cases that name it. */
  disable(code: string, change: MasterDataChange): Promise<ServiceItemResponse> {
    return this.setDisabled(code, true, change);
  }

  enable(code: string, change: MasterDataChange): Promise<ServiceItemResponse> {
    return this.setDisabled(code, false, change);
  }

  private async setDisabled(code: string, disabled: boolean, change: MasterDataChange): Promise<ServiceItemResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, code);
      if ((existing.disabledAt !== null) === disabled) return;
      await tx.serviceItem.update({ where: { id: existing.id }, data: { disabledAt: disabled ? this.clock.now() : null } });
      await auditMasterData(tx, change, disabled ? 'service-item.disable' : 'service-item.enable', { type: 'service-item', id: code }, { code, name: existing.name });
    });
    return this.get(code);
  }

  private async departmentId(tx: Prisma.TransactionClient, departmentCode: string): Promise<string> {
    const department = await tx.department.findUnique({ where: { code: departmentCode }, select: { id: true } });
    if (!department) throw invalid([{ field: 'departmentCode', message: `未知的部门：${departmentCode}` }]);
    return department.id;
  }

  private async find(db: Prisma.TransactionClient, code: string): Promise<ItemRow> {
    const item = await db.serviceItem.findUnique({ where: { code }, include: itemInclude });
    if (!item) throw notFound();
    return item;
  }
}

function toResponse(item: ItemRow): ServiceItemResponse {
  return {
    id: item.code,
    code: item.code,
    name: item.name,
    departmentCode: item.department.code,
    departmentName: item.department.name,
    nature: item.nature,
    onApplication: item.onApplication,
    active: item.disabledAt === null,
    disabledAt: item.disabledAt ? formatShanghaiInstant(item.disabledAt) : null,
  };
}
