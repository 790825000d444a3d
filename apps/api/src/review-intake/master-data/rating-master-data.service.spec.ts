import { MasterDataVersion } from '@haochaping/db';
import type { WorkingCalendar } from '../../calendar/working-calendar.service';
import type { PrismaService } from '../../prisma/prisma.service';
import { RatingMasterData } from './rating-master-data.service';

/** The intake's master data over a stub database: what a rating may name, and what stored rows may refer to. */
describe('RatingMasterData', () => {
  const hall = { id: 'h-1', code: 'jintun', name: '金屯镇' };
  let halls: Array<typeof hall>;
  let windows: Array<{ id: string; hallId: string; code: string; name: string; disabledAt: Date | null }>;
  /** master_data_version as the stub database holds it; the triggers raise it on every write. */
  let storedVersion: number;
  const findMany = (rows: () => unknown[]) => jest.fn(() => Promise.resolve(rows()));
  const prisma = {
    client: {
      hall: { findMany: findMany(() => halls) },
      serviceWindow: { findMany: findMany(() => windows) },
      staff: { findMany: findMany(() => []) },
      serviceItem: { findMany: findMany(() => []) },
      optionSet: { findMany: findMany(() => []) },
    },
  } as unknown as PrismaService;
  const loads = () => (prisma.client.serviceWindow.findMany as jest.Mock).mock.calls.length;
  // Not listening (no LISTEN connection in a unit test): every lookup reads the version, as a process does while its
  // connection is down. A listening process learns the same numbers from the notifications.
  const masterData = () => new RatingMasterData(prisma, new MasterDataVersion({ query: () => Promise.resolve({ rows: [{ version: String(storedVersion) }] }) }), {} as WorkingCalendar);
  const closeW01 = () => (windows = windows.map((window) => (window.code === 'W01' ? { ...window, disabledAt: new Date('2026-11-28T02:00:00Z') } : window)));

  beforeEach(() => {
    jest.clearAllMocks();
    storedVersion = 7;
    halls = [hall];
    windows = [
      { id: 'w-1', hallId: 'h-1', code: 'W01', name: '综合受理窗口', disabledAt: null },
      { id: 'w-2', hallId: 'h-1', code: 'W02', name: '社保医保窗口', disabledAt: new Date('2026-11-01T00:00:00Z') },
    ];
  });

  it('lets a rating name an open window only; a closed window is still found for the rows that refer to it', async () => {
    const data = masterData();
    await expect(data.findWindow(hall, 'W01')).resolves.toMatchObject({ id: 'w-1' });
    await expect(data.findWindow(hall, 'W02')).resolves.toBeUndefined();
    await expect(data.windowByCode(hall, 'W02')).rejects.toMatchObject({ status: 422 });
    await expect(data.windowById('w-2')).resolves.toMatchObject({ code: 'W02', name: '社保医保窗口' });
  });

  it('reads the tables once while the master-data version stays the same', async () => {
    const data = masterData();
    await data.findWindow(hall, 'W01');
    await data.findWindow(hall, 'W02');
    await data.hallByCode('jintun');
    expect(loads()).toBe(1);
  });

  it('sees a window an admin closed on the very next lookup after the version moved', async () => {
    const data = masterData();
    await expect(data.findWindow(hall, 'W01')).resolves.toBeDefined();
    closeW01();
    storedVersion += 1;
    await expect(data.findWindow(hall, 'W01')).resolves.toBeUndefined();
    expect(loads()).toBe(2);
  });

  it('loads once for concurrent lookups after a change', async () => {
    const data = masterData();
    await data.findWindow(hall, 'W01');
    storedVersion += 1;
    await Promise.all([data.findWindow(hall, 'W01'), data.findWindow(hall, 'W02'), data.hallByCode('jintun')]);
    expect(loads()).toBe(2);
  });

  it('finds a hall a stored row refers to once the database says it changed, and fails for one that does not exist', async () => {
    const data = masterData();
    await data.hallByCode('jintun');
    halls = [hall, { id: 'h-2', code: 'xinhall', name: '新大厅' }];
    storedVersion += 1;
    await expect(data.hallById('h-2')).resolves.toMatchObject({ code: 'xinhall' });
    await expect(data.hallById('h-404')).rejects.toThrow('hall h-404 is not in the master data');
    expect(loads()).toBe(2);
  });
});
