import { Injectable } from '@nestjs/common';
import { MasterDataCache, MasterDataVersion, type ServiceNature } from '@haochaping/db';
import type { WorkingTime } from '@haochaping/working-time';
import { WorkingCalendar } from '../../calendar/working-calendar.service';
import { DomainHttpException } from '../../common/api-error';
import { PrismaService } from '../../prisma/prisma.service';

export interface HallEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export interface WindowEntry {
  readonly id: string;
  readonly hallId: string;
  readonly code: string;
  readonly name: string;
  /** Set when an admin closed the window: its QR no longer rates, rows that name it still resolve. */
  readonly disabledAt: Date | null;
}

export interface StaffEntry {
  readonly id: string;
  readonly employeeNumber: string;
  readonly hallId: string;
  readonly windowId: string | null;
}

export interface ServiceItemEntry {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly nature: ServiceNature;
}

export interface OptionEntry {
  readonly code: string;
  readonly label: string;
}

/** The current (highest) version of a nature's second-level options. */
export interface OptionSetEntry {
  readonly id: string;
  readonly nature: ServiceNature;
  readonly version: number;
  readonly options: readonly OptionEntry[];
  readonly codes: ReadonlySet<string>;
}

/** One consistent load of everything a rating is checked against. */
class MasterDataSnapshot {
  readonly hallsByCode: ReadonlyMap<string, HallEntry>;
  readonly hallsById: ReadonlyMap<string, HallEntry>;
  /** `${hallId}/${windowCode}` → window. */
  readonly windowsByCode: ReadonlyMap<string, WindowEntry>;
  readonly windowsById: ReadonlyMap<string, WindowEntry>;
  readonly staffByNumber: ReadonlyMap<string, StaffEntry>;
  readonly itemsById: ReadonlyMap<string, ServiceItemEntry>;
  readonly optionSets: ReadonlyMap<ServiceNature, OptionSetEntry>;

  constructor(halls: readonly HallEntry[], windows: readonly WindowEntry[], staff: readonly StaffEntry[], items: readonly ServiceItemEntry[], optionSets: readonly OptionSetEntry[]) {
    this.hallsByCode = new Map(halls.map((hall) => [hall.code, hall]));
    this.hallsById = new Map(halls.map((hall) => [hall.id, hall]));
    // A rating names a window by code: only open windows. Stored rows refer by id, to closed ones too.
    this.windowsByCode = new Map(windows.filter((window) => window.disabledAt === null).map((window) => [`${window.hallId}/${window.code}`, window]));
    this.windowsById = new Map(windows.map((window) => [window.id, window]));
    this.staffByNumber = new Map(staff.map((member) => [member.employeeNumber, member]));
    this.itemsById = new Map(items.map((item) => [item.id, item]));
    this.optionSets = new Map(optionSets.map((set) => [set.nature, set]));
  }
}

/**
 * Halls, windows, staff, service items and the current option sets, held in memory so a rating checks its codes
 * without a query, until an admin changes any of them: the master_data_changed NOTIFY reaches every API process and
 * the next rating reads them again (MasterDataCache; concurrent callers wait for the same load). The halls' working
 * time is the WorkingCalendar's, cached by the same rule.
 */
@Injectable()
export class RatingMasterData {
  private readonly snapshot: MasterDataCache<MasterDataSnapshot>;

  constructor(
    prisma: PrismaService,
    version: MasterDataVersion,
    private readonly workingCalendar: WorkingCalendar,
  ) {
    this.snapshot = new MasterDataCache(version, () => load(prisma));
  }

  async findHall(code: string): Promise<HallEntry | undefined> {
    return (await this.current()).hallsByCode.get(code);
  }

  async findWindow(hall: HallEntry, code: string): Promise<WindowEntry | undefined> {
    return (await this.current()).windowsByCode.get(`${hall.id}/${code}`);
  }

  /** The hall a rating names in its body: 422 UNKNOWN_HALL when there is none. */
  async hallByCode(code: string): Promise<HallEntry> {
    const hall = await this.findHall(code);
    if (!hall) throw unknownHall(code);
    return hall;
  }

  /** A hall a stored row refers to (a case, a review): reloads once when it is newer than the snapshot. */
  hallById(id: string): Promise<HallEntry> {
    return this.referenced('hall', id, (snapshot) => snapshot.hallsById.get(id));
  }

  /** A window a stored row refers to, like hallById. */
  windowById(id: string): Promise<WindowEntry> {
    return this.referenced('window', id, (snapshot) => snapshot.windowsById.get(id));
  }

  /** The window a rating names in its body: 422 UNKNOWN_WINDOW when the hall has none with that code. */
  async windowByCode(hall: HallEntry, code: string): Promise<WindowEntry> {
    const window = await this.findWindow(hall, code);
    if (!window) {
      throw new DomainHttpException(422, 'UNKNOWN_WINDOW', '未找到该窗口', [{ field: 'windowCode', message: `${hall.name}没有编码为 ${code} 的窗口` }]);
    }
    return window;
  }

  /** A staff member of this hall, by 工号: 422 UNKNOWN_STAFF when the hall has nobody with that number. */
  async staffOf(hall: HallEntry, employeeNumber: string): Promise<StaffEntry> {
    const member = (await this.current()).staffByNumber.get(employeeNumber);
    if (!member || member.hallId !== hall.id) {
      throw new DomainHttpException(422, 'UNKNOWN_STAFF', '未找到该工作人员', [
        { field: 'staffEmployeeNumber', message: `${hall.name}没有工号为 ${employeeNumber} 的工作人员` },
      ]);
    }
    return member;
  }

  /** A service item a stored case refers to, like hallById. */
  serviceItem(id: string): Promise<ServiceItemEntry> {
    return this.referenced('service item', id, (snapshot) => snapshot.itemsById.get(id));
  }

  /** The current option set of a nature; the seed writes version 1 of both, so a missing one is a broken install. */
  async currentOptionSet(nature: ServiceNature): Promise<OptionSetEntry> {
    const set = (await this.current()).optionSets.get(nature);
    if (!set) throw new DomainHttpException(500, 'OPTION_SET_MISSING', '评价选项尚未配置，请联系系统管理员');
    return set;
  }

  /** The working time of a hall a stored row refers to, for the rating period (500 CALENDAR_DATA_INVALID on bad data). */
  workingTimeOf(hallId: string): Promise<WorkingTime> {
    return this.workingCalendar.ofHallId(hallId);
  }

  /**
   * An entry that a database row refers to by id. Ids come from rows, not from callers, so a miss means the row may
   * be newer than the snapshot (a case pushed for a hall another process created a moment ago, its notification on
   * the way): ask the database for its version, and look again in a snapshot at least that new.
   */
  private async referenced<T>(kind: string, id: string, pick: (snapshot: MasterDataSnapshot) => T | undefined): Promise<T> {
    const found = pick(await this.current());
    if (found !== undefined) return found;
    const reloaded = pick(await this.snapshot.refresh());
    if (reloaded === undefined) throw new Error(`${kind} ${id} is not in the master data`);
    return reloaded;
  }

  private current(): Promise<MasterDataSnapshot> {
    return this.snapshot.get();
  }
}

/** Everything a rating is checked against, in one load. */
async function load(prisma: PrismaService): Promise<MasterDataSnapshot> {
  const db = prisma.client;
  const [halls, windows, staff, items, optionSets] = await Promise.all([
    db.hall.findMany({ select: { id: true, code: true, name: true } }),
    db.serviceWindow.findMany({ select: { id: true, hallId: true, code: true, name: true, disabledAt: true } }),
    db.staff.findMany({ select: { id: true, employeeNumber: true, hallId: true, windowId: true } }),
    db.serviceItem.findMany({ select: { id: true, code: true, name: true, nature: true } }),
    db.optionSet.findMany({
      orderBy: [{ nature: 'asc' }, { version: 'desc' }],
      distinct: ['nature'],
      select: { id: true, nature: true, version: true, options: { orderBy: { position: 'asc' }, select: { code: true, label: true } } },
    }),
  ]);
  return new MasterDataSnapshot(
    halls,
    windows,
    staff,
    items,
    optionSets.map((set) => ({ ...set, codes: new Set(set.options.map((option) => option.code)) })),
  );
}

export const unknownHall = (code: string) =>
  new DomainHttpException(422, 'UNKNOWN_HALL', '未找到该服务大厅', [{ field: 'hallCode', message: `没有编码为 ${code} 的服务大厅` }]);
