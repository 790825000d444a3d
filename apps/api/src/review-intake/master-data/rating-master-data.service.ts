import { Injectable, Logger } from '@nestjs/common';
import { loadYearCalendars, toOfficeHours, type Prisma, type ServiceNature } from '@haochaping/db';
import { WorkingTime, type YearCalendar } from '@haochaping/working-time';
import { DomainHttpException } from '../../common/api-error';
import { Clock } from '../../common/clock';
import { PrismaService } from '../../prisma/prisma.service';

/**
 * How long master data may be stale in the intake: an admin's new window, staff member or option set version counts
 * for new ratings within this time. Each API instance reloads it on its own.
 */
export const RATING_MASTER_DATA_TTL_MS = 30_000;

/** A row naming an id the snapshot lacks reloads it, but not more often than this. */
const RELOAD_ON_MISS_AFTER_MS = 1_000;

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

interface HallRecord extends HallEntry {
  readonly officeHours: Prisma.JsonValue;
}

/** One consistent load of everything a rating is checked against. */
class MasterDataSnapshot {
  readonly hallsByCode: ReadonlyMap<string, HallRecord>;
  readonly hallsById: ReadonlyMap<string, HallRecord>;
  /** `${hallId}/${windowCode}` → window. */
  readonly windowsByCode: ReadonlyMap<string, WindowEntry>;
  readonly windowsById: ReadonlyMap<string, WindowEntry>;
  readonly staffByNumber: ReadonlyMap<string, StaffEntry>;
  readonly itemsById: ReadonlyMap<string, ServiceItemEntry>;
  readonly optionSets: ReadonlyMap<ServiceNature, OptionSetEntry>;
  private readonly workingTimes = new Map<string, WorkingTime>();

  constructor(
    readonly loadedAt: number,
    halls: readonly HallRecord[],
    windows: readonly WindowEntry[],
    staff: readonly StaffEntry[],
    items: readonly ServiceItemEntry[],
    optionSets: readonly OptionSetEntry[],
    private readonly years: readonly YearCalendar[],
  ) {
    this.hallsByCode = new Map(halls.map((hall) => [hall.code, hall]));
    this.hallsById = new Map(halls.map((hall) => [hall.id, hall]));
    // A rating names a window by code: only open windows. Stored rows refer by id, to closed ones too.
    this.windowsByCode = new Map(windows.filter((window) => window.disabledAt === null).map((window) => [`${window.hallId}/${window.code}`, window]));
    this.windowsById = new Map(windows.map((window) => [window.id, window]));
    this.staffByNumber = new Map(staff.map((member) => [member.employeeNumber, member]));
    this.itemsById = new Map(items.map((item) => [item.id, item]));
    this.optionSets = new Map(optionSets.map((set) => [set.nature, set]));
  }

  /** The hall's working time (its office hours, the county's calendar years), built once per snapshot. */
  workingTimeOf(hall: HallRecord): WorkingTime {
    let workingTime = this.workingTimes.get(hall.id);
    if (!workingTime) {
      workingTime = new WorkingTime({ officeHours: toOfficeHours(hall.officeHours), years: this.years });
      this.workingTimes.set(hall.id, workingTime);
    }
    return workingTime;
  }
}

/**
 * Halls, windows, staff, service items, the current option sets and the working calendar, held in memory for
 * RATING_MASTER_DATA_TTL_MS: a rating then checks its codes without a query. After the time runs out the next
 * caller reloads everything at once (concurrent callers wait for the same load).
 */
@Injectable()
export class RatingMasterData {
  private readonly logger = new Logger(RatingMasterData.name);
  private snapshot?: MasterDataSnapshot;
  private loading?: Promise<MasterDataSnapshot>;

  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

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

  /** The working time of a hall, for the rating period. */
  workingTimeOf(hallId: string): Promise<WorkingTime> {
    return this.referenced('hall', hallId, (snapshot) => {
      const hall = snapshot.hallsById.get(hallId);
      return hall && this.workingTimeIn(snapshot, hall);
    });
  }

  private workingTimeIn(snapshot: MasterDataSnapshot, hall: HallRecord): WorkingTime {
    try {
      return snapshot.workingTimeOf(hall);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // Bad office hours or calendar rows are the county's data, not the citizen's request.
      this.logger.error(`working calendar of hall ${hall.code} is invalid: ${error.message}`);
      throw new DomainHttpException(500, 'CALENDAR_DATA_INVALID', '服务大厅的办公时间或节假日数据有误，请联系系统管理员');
    }
  }

  /**
   * An entry that a database row refers to by id. Ids come from rows, not from callers, so a miss means the row is
   * newer than the snapshot (a case pushed for a hall created a moment ago): load again once, at most once a second.
   */
  private async referenced<T>(kind: string, id: string, pick: (snapshot: MasterDataSnapshot) => T | undefined): Promise<T> {
    const found = pick(await this.current());
    if (found !== undefined) return found;
    const reloaded = pick(await this.current(RELOAD_ON_MISS_AFTER_MS));
    if (reloaded === undefined) throw new Error(`${kind} ${id} is not in the master data`);
    return reloaded;
  }

  private async current(maxAgeMs = RATING_MASTER_DATA_TTL_MS): Promise<MasterDataSnapshot> {
    const now = this.clock.now().getTime();
    if (this.snapshot && now - this.snapshot.loadedAt < maxAgeMs && now >= this.snapshot.loadedAt) return this.snapshot;
    this.loading ??= this.load(now).then(
      (snapshot) => {
        this.snapshot = snapshot;
        this.loading = undefined;
        return snapshot;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  private async load(now: number): Promise<MasterDataSnapshot> {
    const db = this.prisma.client;
    const [halls, windows, staff, items, optionSets, years] = await Promise.all([
      db.hall.findMany({ select: { id: true, code: true, name: true, officeHours: true } }),
      db.serviceWindow.findMany({ select: { id: true, hallId: true, code: true, name: true, disabledAt: true } }),
      db.staff.findMany({ select: { id: true, employeeNumber: true, hallId: true, windowId: true } }),
      db.serviceItem.findMany({ select: { id: true, code: true, name: true, nature: true } }),
      db.optionSet.findMany({
        orderBy: [{ nature: 'asc' }, { version: 'desc' }],
        distinct: ['nature'],
        select: { id: true, nature: true, version: true, options: { orderBy: { position: 'asc' }, select: { code: true, label: true } } },
      }),
      loadYearCalendars(db),
    ]);
    return new MasterDataSnapshot(
      now,
      halls,
      windows,
      staff,
      items,
      optionSets.map((set) => ({ ...set, codes: new Set(set.options.map((option) => option.code)) })),
      years,
    );
  }
}

export const unknownHall = (code: string) =>
  new DomainHttpException(422, 'UNKNOWN_HALL', '未找到该服务大厅', [{ field: 'hallCode', message: `没有编码为 ${code} 的服务大厅` }]);
