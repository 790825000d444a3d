import { Injectable } from '@nestjs/common';
import { toOfficeHours, type Hall, type Prisma } from '@haochaping/db';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '@haochaping/working-time';
import { DomainHttpException } from '../common/api-error';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateHallDto, UpdateHallDto } from './dto/hall.dto';
import type { HallDetailResponse, HallResponse, PublicHallResponse } from './dto/hall.response';
import { auditMasterData, fieldChanges, invalid, type MasterDataChange } from './master-data-audit';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { checkOfficeHours } from './office-hours.validation';
import { likeLiteral } from '../common/like-pattern';

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
      ...(filter.q ? { OR: [{ name: { contains: likeLiteral(filter.q) } }, { code: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] } : {}),
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
        windows: { orderBy: { code: 'asc' }, include: { _count: { select: { staff: { where: { disabledAt: null } } } } } },
        servicePoints: { orderBy: { code: 'asc' }, select: { code: true, name: true } },
      },
    });
    if (!hall) throw hallNotFound();
    return {
      ...this.toResponse(hall),
      windows: hall.windows.map((window) => ({ code: window.code, name: window.name, staffCount: window._count.staff, active: window.disabledAt === null })),
      servicePoints: hall.servicePoints,
    };
  }

  /** Every hall with its windows, for the citizen pages (no office hours, no staff): streets first, then towns, by code. */
  async publicList(): Promise<PublicHallResponse[]> {
    const halls = await this.prisma.client.hall.findMany({
      orderBy: [{ kind: 'asc' }, { code: 'asc' }],
      include: { windows: { where: { disabledAt: null }, orderBy: { code: 'asc' }, select: { code: true, name: true } } },
    });
    return halls.map((hall) => ({ code: hall.code, name: hall.name, kind: hall.kind, windows: hall.windows }));
  }

  async publicGet(code: string): Promise<PublicHallResponse> {
    const hall = await this.prisma.client.hall.findUnique({
      where: { code },
      include: { windows: { where: { disabledAt: null }, orderBy: { code: 'asc' }, select: { code: true, name: true } } },
    });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
    return { code: hall.code, name: hall.name, kind: hall.kind, windows: hall.windows };
  }

  /** A new hall (admins); office hours default to Mon–Fri 09:00–12:00, 13:00–17:00. */
  async create(dto: CreateHallDto, change: MasterDataChange): Promise<HallDetailResponse> {
    const officeHours = dto.officeHours === undefined ? DEFAULT_OFFICE_HOURS : validOfficeHours(dto.officeHours);
    try {
      await this.prisma.client.$transaction(async (tx) => {
        if (await tx.hall.findUnique({ where: { code: dto.code }, select: { id: true } })) throw hallCodeTaken(dto.code);
        await tx.hall.create({ data: { code: dto.code, name: dto.name, kind: dto.kind, officeHours: officeHours as Prisma.InputJsonObject } });
        await auditMasterData(tx, change, 'hall.create', { type: 'hall', id: dto.code }, { code: dto.code, name: dto.name, kind: dto.kind, officeHours: officeHours as Prisma.InputJsonObject });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? hallCodeTaken(dto.code) : error;
    }
    return this.get(dto.code);
  }

  /**
   * Name, kind and office hours. New office hours count for every deadline computed from now on (the API and the
   * worker read them per calculation); due times already computed stay as they are in their workflows.
   */
  async update(code: string, dto: UpdateHallDto, change: MasterDataChange): Promise<HallDetailResponse> {
    const officeHours = dto.officeHours === undefined ? undefined : validOfficeHours(dto.officeHours);
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await tx.hall.findUnique({ where: { code } });
      if (!existing) throw hallNotFound();
      const changes = fieldChanges({ name: existing.name, kind: existing.kind, officeHours: toOfficeHours(existing.officeHours) }, { name: dto.name, kind: dto.kind, officeHours });
      if (!changes) return;
      await tx.hall.update({
        where: { code },
        data: { ...(dto.name === undefined ? {} : { name: dto.name }), ...(dto.kind === undefined ? {} : { kind: dto.kind }), ...(officeHours ? { officeHours: officeHours as Prisma.InputJsonObject } : {}) },
      });
      await auditMasterData(tx, change, 'hall.update', { type: 'hall', id: code }, { ...changes });
    });
    return this.get(code);
  }

  private toResponse(hall: Hall): HallResponse {
    return { id: hall.code, code: hall.code, name: hall.name, kind: hall.kind, officeHours: toOfficeHours(hall.officeHours) };
  }
}

const hallNotFound = () => new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
const hallCodeTaken = (code: string) => new DomainHttpException(409, 'HALL_CODE_TAKEN', `编码 ${code} 已有服务大厅使用`);

function validOfficeHours(value: Record<string, unknown>): OfficeHours {
  const check = checkOfficeHours(value);
  if (!check.ok) throw invalid(check.errors);
  return check.officeHours;
}

