import { Injectable } from '@nestjs/common';
import type { Prisma } from '@haochaping/db';
import { DomainHttpException, type ApiFieldError } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateStaffDto, StaffResponse, UpdateStaffDto } from './dto/staff.dto';
import { auditMasterData, fieldChanges, invalid, type MasterDataChange } from './master-data-audit';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { parseWindowId, windowId } from './service-windows.service';
import { likeLiteral } from '../common/like-pattern';

export const STAFF_RESOURCE = defineSimpleRestResource({
  name: 'staff',
  sortFields: ['employeeNumber', 'name', 'hallCode'],
  defaultSort: ['employeeNumber', 'ASC'],
  filters: { id: { type: 'codes' }, q: { type: 'text' }, hallCode: { type: 'codes' }, windowId: { type: 'codes' }, active: { type: 'boolean' } },
});

const staffInclude = { hall: { select: { code: true, name: true } }, window: { select: { code: true, name: true } } } as const;
type StaffRow = Prisma.StaffGetPayload<{ include: typeof staffInclude }>;

const notFound = () => new DomainHttpException(404, 'STAFF_NOT_FOUND', '未找到该工作人员');
const numberTaken = (employeeNumber: string) => new DomainHttpException(409, 'EMPLOYEE_NUMBER_TAKEN', `工号 ${employeeNumber} 已被使用`);

/** Staff of the halls, by 工号 (admins keep them; someone who leaves is disabled, never deleted: reviews name them). */
@Injectable()
export class StaffService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<StaffResponse>> {
    const { sort, offset, limit, filter } = parseListParams(STAFF_RESOURCE, query);
    const windows = filter.windowId?.map(parseWindowId).filter((ref) => ref !== undefined);
    const where: Prisma.StaffWhereInput = {
      ...(filter.id ? { employeeNumber: { in: filter.id } } : {}),
      ...(filter.hallCode ? { hall: { code: { in: filter.hallCode } } } : {}),
      ...(windows ? { OR: windows.length > 0 ? windows.map((ref) => ({ window: { code: ref.windowCode, hall: { code: ref.hallCode } } })) : [{ id: { in: [] } }] } : {}),
      ...(filter.active === undefined ? {} : { disabledAt: filter.active ? null : { not: null } }),
      ...(filter.q ? { AND: [{ OR: [{ name: { contains: likeLiteral(filter.q) } }, { employeeNumber: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] }] } : {}),
    };
    const orderBy: Prisma.StaffOrderByWithRelationInput = sort.field === 'hallCode' ? { hall: { code: sort.order } } : { [sort.field]: sort.order };
    const db = this.prisma.client;
    const [rows, total] = await db.$transaction([
      db.staff.findMany({ where, orderBy: [orderBy, { employeeNumber: 'asc' }], skip: offset, take: limit, include: staffInclude }),
      db.staff.count({ where }),
    ]);
    return { rows: rows.map(toResponse), offset, total };
  }

  async get(employeeNumber: string): Promise<StaffResponse> {
    return toResponse(await this.find(this.prisma.client, employeeNumber));
  }

  async create(dto: CreateStaffDto, change: MasterDataChange): Promise<StaffResponse> {
    try {
      await this.prisma.client.$transaction(async (tx) => {
        const placement = await this.placement(tx, dto.hallCode, dto.windowCode ?? null);
        if (await tx.staff.findUnique({ where: { employeeNumber: dto.employeeNumber }, select: { id: true } })) throw numberTaken(dto.employeeNumber);
        await tx.staff.create({ data: { employeeNumber: dto.employeeNumber, name: dto.name, hallId: placement.hallId, windowId: placement.windowId } });
        await auditMasterData(tx, change, 'staff.create', { type: 'staff', id: dto.employeeNumber }, {
          employeeNumber: dto.employeeNumber,
          name: dto.name,
          hallCode: dto.hallCode,
          windowCode: dto.windowCode ?? null,
        });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? numberTaken(dto.employeeNumber) : error;
    }
    return this.get(dto.employeeNumber);
  }

  /** Name, hall and window. A move to another hall without a window code leaves the member without a window. */
  async update(employeeNumber: string, dto: UpdateStaffDto, change: MasterDataChange): Promise<StaffResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, employeeNumber);
      const hallCode = dto.hallCode ?? existing.hall.code;
      const hallMoved = hallCode !== existing.hall.code;
      const windowCode = dto.windowCode !== undefined ? dto.windowCode : hallMoved ? null : (existing.window?.code ?? null);
      const stored = { name: existing.name, hallCode: existing.hall.code, windowCode: existing.window?.code ?? null };
      const changes = fieldChanges(stored, { name: dto.name, hallCode, windowCode });
      if (!changes) return;
      // An unchanged window that was closed since may stay; a new placement must be open.
      const placement = await this.placement(tx, hallCode, windowCode, windowCode === stored.windowCode && !hallMoved);
      await tx.staff.update({ where: { id: existing.id }, data: { ...(dto.name === undefined ? {} : { name: dto.name }), hallId: placement.hallId, windowId: placement.windowId } });
      await auditMasterData(tx, change, 'staff.update', { type: 'staff', id: employeeNumber }, { ...changes });
    });
    return this.get(employeeNumber);
  }

  /** The member left: kept for the reviews and cases that name them, no longer listed as active. */
  disable(employeeNumber: string, change: MasterDataChange): Promise<StaffResponse> {
    return this.setDisabled(employeeNumber, true, change);
  }

  enable(employeeNumber: string, change: MasterDataChange): Promise<StaffResponse> {
    return this.setDisabled(employeeNumber, false, change);
  }

  private async setDisabled(employeeNumber: string, disabled: boolean, change: MasterDataChange): Promise<StaffResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, employeeNumber);
      if ((existing.disabledAt !== null) === disabled) return;
      await tx.staff.update({ where: { id: existing.id }, data: { disabledAt: disabled ? this.clock.now() : null } });
      await auditMasterData(tx, change, disabled ? 'staff.disable' : 'staff.enable', { type: 'staff', id: employeeNumber }, { employeeNumber, name: existing.name, hallCode: existing.hall.code });
    });
    return this.get(employeeNumber);
  }

  /** The hall and window ids of a placement, or 422 naming the field: unknown hall, no such window there, a closed window. */
  private async placement(tx: Prisma.TransactionClient, hallCode: string, windowCode: string | null, allowClosedWindow = false): Promise<{ hallId: string; windowId: string | null }> {
    const hall = await tx.hall.findUnique({ where: { code: hallCode }, select: { id: true, name: true } });
    if (!hall) throw invalid([{ field: 'hallCode', message: `未知的服务大厅：${hallCode}` }]);
    if (windowCode === null) return { hallId: hall.id, windowId: null };
    const window = await tx.serviceWindow.findUnique({ where: { hallId_code: { hallId: hall.id, code: windowCode } }, select: { id: true, disabledAt: true } });
    const errors: ApiFieldError[] = [];
    if (!window) errors.push({ field: 'windowCode', message: `${hall.name}没有编号为 ${windowCode} 的窗口` });
    else if (window.disabledAt && !allowClosedWindow) errors.push({ field: 'windowCode', message: `${hall.name}的窗口 ${windowCode} 已停用` });
    if (errors.length > 0 || !window) throw invalid(errors);
    return { hallId: hall.id, windowId: window.id };
  }

  private async find(db: Prisma.TransactionClient, employeeNumber: string): Promise<StaffRow> {
    const member = await db.staff.findUnique({ where: { employeeNumber }, include: staffInclude });
    if (!member) throw notFound();
    return member;
  }
}

function toResponse(member: StaffRow): StaffResponse {
  return {
    id: member.employeeNumber,
    employeeNumber: member.employeeNumber,
    name: member.name,
    hallCode: member.hall.code,
    hallName: member.hall.name,
    windowCode: member.window?.code ?? null,
    windowName: member.window?.name ?? null,
    windowId: member.window ? windowId(member.hall.code, member.window.code) : null,
    active: member.disabledAt === null,
    disabledAt: member.disabledAt ? formatShanghaiInstant(member.disabledAt) : null,
    createdAt: formatShanghaiInstant(member.createdAt),
  };
}
