import { Injectable } from '@nestjs/common';
import type { Prisma } from '@haochaping/db';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import type { CreateServiceWindowDto, ServiceWindowResponse, UpdateServiceWindowDto } from './dto/window.dto';
import { auditMasterData, fieldChanges, invalid, type MasterDataChange } from './master-data-audit';
import { isUniqueViolation } from '../prisma/prisma-errors';
import { likeLiteral } from '../common/like-pattern';

export const WINDOWS_RESOURCE = defineSimpleRestResource({
  name: 'windows',
  sortFields: ['id', 'hallCode', 'code', 'name'],
  defaultSort: ['id', 'ASC'],
  filters: { id: { type: 'codes' }, q: { type: 'text' }, hallCode: { type: 'codes' }, active: { type: 'boolean' } },
});

/**
 * A window's resource id: `<hall code>-<window code>`. Hall codes have no `-` (CreateHallDto), so the first one
 * separates the two even when a window code has its own.
 */
export function windowId(hallCode: string, windowCode: string): string {
  return `${hallCode}-${windowCode}`;
}

export function parseWindowId(id: string): { hallCode: string; windowCode: string } | undefined {
  const separator = id.indexOf('-');
  if (separator <= 0 || separator === id.length - 1) return undefined;
  return { hallCode: id.slice(0, separator), windowCode: id.slice(separator + 1) };
}

const windowInclude = { hall: { select: { code: true, name: true } }, _count: { select: { staff: { where: { disabledAt: null } } } } } as const;
type WindowRow = Prisma.ServiceWindowGetPayload<{ include: typeof windowInclude }>;

const notFound = () => new DomainHttpException(404, 'WINDOW_NOT_FOUND', '未找到该窗口');

/** The service windows of every hall (admins keep them; a window is disabled, never deleted: reviews name it). */
@Injectable()
export class ServiceWindowsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async list(query: SimpleRestListQueryDto): Promise<ListPage<ServiceWindowResponse>> {
    const { sort, offset, limit, filter } = parseListParams(WINDOWS_RESOURCE, query);
    const ids = filter.id?.map(parseWindowId).filter((ref) => ref !== undefined);
    const where: Prisma.ServiceWindowWhereInput = {
      ...(ids ? { OR: ids.length > 0 ? ids.map((ref) => ({ code: ref.windowCode, hall: { code: ref.hallCode } })) : [{ id: { in: [] } }] } : {}),
      ...(filter.hallCode ? { hall: { code: { in: filter.hallCode } } } : {}),
      ...(filter.active === undefined ? {} : { disabledAt: filter.active ? null : { not: null } }),
      ...(filter.q ? { AND: [{ OR: [{ name: { contains: likeLiteral(filter.q) } }, { code: { contains: likeLiteral(filter.q), mode: 'insensitive' } }] }] } : {}),
    };
    const byHall: Prisma.ServiceWindowOrderByWithRelationInput = { hall: { code: sort.order } };
    const orderBy: Prisma.ServiceWindowOrderByWithRelationInput[] =
      sort.field === 'id' || sort.field === 'hallCode' ? [byHall, { code: sort.order }] : [{ [sort.field]: sort.order }, { hall: { code: 'asc' } }, { code: 'asc' }];
    const db = this.prisma.client;
    const [rows, total] = await db.$transaction([
      db.serviceWindow.findMany({ where, orderBy, skip: offset, take: limit, include: windowInclude }),
      db.serviceWindow.count({ where }),
    ]);
    return { rows: rows.map(toResponse), offset, total };
  }

  async get(id: string): Promise<ServiceWindowResponse> {
    return toResponse(await this.find(this.prisma.client, id));
  }

  async create(dto: CreateServiceWindowDto, change: MasterDataChange): Promise<ServiceWindowResponse> {
    const id = windowId(dto.hallCode, dto.code);
    try {
      await this.prisma.client.$transaction(async (tx) => {
        const hall = await tx.hall.findUnique({ where: { code: dto.hallCode }, select: { id: true, name: true } });
        if (!hall) throw invalid([{ field: 'hallCode', message: `未知的服务大厅：${dto.hallCode}` }]);
        if (await tx.serviceWindow.findUnique({ where: { hallId_code: { hallId: hall.id, code: dto.code } }, select: { id: true } })) throw codeTaken(hall.name, dto.code);
        await tx.serviceWindow.create({ data: { hallId: hall.id, code: dto.code, name: dto.name } });
        await auditMasterData(tx, change, 'window.create', { type: 'window', id }, { hallCode: dto.hallCode, code: dto.code, name: dto.name });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? codeTaken(dto.hallCode, dto.code) : error;
    }
    return this.get(id);
  }

  async update(id: string, dto: UpdateServiceWindowDto, change: MasterDataChange): Promise<ServiceWindowResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, id);
      const changes = fieldChanges({ name: existing.name }, { name: dto.name });
      if (!changes) return;
      await tx.serviceWindow.update({ where: { id: existing.id }, data: { name: dto.name } });
      await auditMasterData(tx, change, 'window.update', { type: 'window', id }, { ...changes });
    });
    return this.get(id);
  }

  /** Closes the window: no longer offered on the citizen pages nor for new staff; its reviews and cases keep it. */
  disable(id: string, change: MasterDataChange): Promise<ServiceWindowResponse> {
    return this.setDisabled(id, true, change);
  }

  enable(id: string, change: MasterDataChange): Promise<ServiceWindowResponse> {
    return this.setDisabled(id, false, change);
  }

  private async setDisabled(id: string, disabled: boolean, change: MasterDataChange): Promise<ServiceWindowResponse> {
    await this.prisma.client.$transaction(async (tx) => {
      const existing = await this.find(tx, id);
      if ((existing.disabledAt !== null) === disabled) return;
      await tx.serviceWindow.update({ where: { id: existing.id }, data: { disabledAt: disabled ? this.clock.now() : null } });
      await auditMasterData(tx, change, disabled ? 'window.disable' : 'window.enable', { type: 'window', id }, { hallCode: existing.hall.code, code: existing.code, name: existing.name });
    });
    return this.get(id);
  }

  private async find(db: Prisma.TransactionClient, id: string): Promise<WindowRow> {
    const ref = parseWindowId(id);
    if (!ref) throw notFound();
    const window = await db.serviceWindow.findFirst({ where: { code: ref.windowCode, hall: { code: ref.hallCode } }, include: windowInclude });
    if (!window) throw notFound();
    return window;
  }
}

const codeTaken = (hallName: string, code: string) => new DomainHttpException(409, 'WINDOW_CODE_TAKEN', `${hallName}已有编号为 ${code} 的窗口`);

function toResponse(window: WindowRow): ServiceWindowResponse {
  return {
    id: windowId(window.hall.code, window.code),
    hallCode: window.hall.code,
    hallName: window.hall.name,
    code: window.code,
    name: window.name,
    staffCount: window._count.staff,
    active: window.disabledAt === null,
    disabledAt: window.disabledAt ? formatShanghaiInstant(window.disabledAt) : null,
    createdAt: formatShanghaiInstant(window.createdAt),
  };
}
