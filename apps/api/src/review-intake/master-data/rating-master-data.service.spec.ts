import type { PrismaService } from '../../prisma/prisma.service';
import { RatingMasterData, RATING_MASTER_DATA_TTL_MS } from './rating-master-data.service';

/** The intake's master data over a stub database: what a rating may name, and what stored rows may refer to. */
describe('RatingMasterData', () => {
  const hall = { id: 'h-1', code: 'jintun', name: '金屯镇', officeHours: null };
  let windows: Array<{ id: string; hallId: string; code: string; name: string; disabledAt: Date | null }>;
  let now: number;
  const findMany = (rows: () => unknown[]) => jest.fn(() => Promise.resolve(rows()));
  const prisma = {
    client: {
      hall: { findMany: findMany(() => [hall]) },
      serviceWindow: { findMany: findMany(() => windows) },
      staff: { findMany: findMany(() => []) },
      serviceItem: { findMany: findMany(() => []) },
      optionSet: { findMany: findMany(() => []) },
      calendarYear: { findMany: findMany(() => []) },
    },
  } as unknown as PrismaService;
  const clock = { now: () => new Date(now) };

  beforeEach(() => {
    now = Date.parse('2026-11-28T02:00:00Z');
    windows = [
      { id: 'w-1', hallId: 'h-1', code: 'W01', name: '综合受理窗口', disabledAt: null },
      { id: 'w-2', hallId: 'h-1', code: 'W02', name: '社保医保窗口', disabledAt: new Date('2026-11-01T00:00:00Z') },
    ];
  });

  it('lets a rating name an open window only; a closed window is still found for the rows that refer to it', async () => {
    const masterData = new RatingMasterData(prisma, clock);
    await expect(masterData.findWindow(hall, 'W01')).resolves.toMatchObject({ id: 'w-1' });
    await expect(masterData.findWindow(hall, 'W02')).resolves.toBeUndefined();
    await expect(masterData.windowByCode(hall, 'W02')).rejects.toMatchObject({ status: 422 });
    await expect(masterData.windowById('w-2')).resolves.toMatchObject({ code: 'W02', name: '社保医保窗口' });
  });

  it('sees a window an admin closed once its snapshot is older than the TTL', async () => {
    const masterData = new RatingMasterData(prisma, clock);
    await expect(masterData.findWindow(hall, 'W01')).resolves.toBeDefined();
    windows = windows.map((window) => (window.code === 'W01' ? { ...window, disabledAt: new Date(now) } : window));
    await expect(masterData.findWindow(hall, 'W01')).resolves.toBeDefined();
    now += RATING_MASTER_DATA_TTL_MS + 1;
    await expect(masterData.findWindow(hall, 'W01')).resolves.toBeUndefined();
  });
});
