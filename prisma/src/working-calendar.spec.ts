import { createTestDatabase, type TestDatabase } from '@haochaping/devstack';
import { readMasterDataVersion, type MasterDataVersion } from './master-data-version';
import { createPgPool, createPrismaClient } from './prisma-client';
import { WorkingCalendarCache } from './working-calendar';

/** Mon–Sat 08:30–12:00 and 14:00–18:00. */
const SATURDAYS_TOO = Object.fromEntries([1, 2, 3, 4, 5, 6].map((weekday) => [weekday, [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '18:00' }]]));
const FRIDAY_1630 = new Date('2026-03-06T16:30:00+08:00');

describe('WorkingCalendarCache: a hall’s working time from PostgreSQL, kept until the master data changes', () => {
  let db: TestDatabase;
  let pool: ReturnType<typeof createPgPool>;
  let prisma: ReturnType<typeof createPrismaClient>;
  /**
   * A listening version whose notifications the test delivers by hand (`hear()`): between a commit and hear() the
   * cache must keep what it read, except where it asks the database itself.
   */
  let version: { listening: boolean; newest: number; catchUp(): Promise<number>; hear(): Promise<number> };
  let calendars: WorkingCalendarCache;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPgPool(db.url, 2);
    prisma = createPrismaClient({ databaseUrl: db.url, pool });
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  });

  beforeEach(async () => {
    const catchUp = async () => {
      const stored = await readMasterDataVersion(pool);
      version.newest = Math.max(version.newest, stored);
      return stored;
    };
    version = { listening: true, newest: await readMasterDataVersion(pool), catchUp, hear: catchUp };
    calendars = new WorkingCalendarCache(prisma, version as unknown as MasterDataVersion);
  });

  const dueAfterOneHour = async (hallCode: string) => (await calendars.byHallCode(hallCode))?.addWorkingHours(FRIDAY_1630, 1).dueAt.toISOString();

  it('counts with the hall’s stored office hours and the calendar years', async () => {
    await prisma.hall.update({ where: { code: 'macun' }, data: { officeHours: SATURDAYS_TOO } });
    await version.hear();
    expect(await dueAfterOneHour('macun')).toBe(new Date('2026-03-06T17:30:00+08:00').toISOString());
    expect(await dueAfterOneHour('jintun')).toBe(new Date('2026-03-09T09:30:00+08:00').toISOString());
    const byId = await calendars.byHallId((await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } })).id);
    expect(byId).toBe(await calendars.byHallCode('jintun'));
  });

  it('keeps what it read until it hears of a change, then counts with the change', async () => {
    expect(await dueAfterOneHour('zhifang')).toBe(new Date('2026-03-09T09:30:00+08:00').toISOString());
    await prisma.hall.update({ where: { code: 'zhifang' }, data: { officeHours: SATURDAYS_TOO } });
    expect(await dueAfterOneHour('zhifang')).toBe(new Date('2026-03-09T09:30:00+08:00').toISOString());
    await version.hear();
    expect(await dueAfterOneHour('zhifang')).toBe(new Date('2026-03-06T17:30:00+08:00').toISOString());
  });

  it('finds a hall created after it read (a miss asks the database), and answers undefined for no such hall', async () => {
    await calendars.byHallCode('jintun');
    await prisma.hall.create({ data: { code: 'newhall', name: '新建大厅', kind: 'TOWN' } });
    expect(await calendars.byHallCode('newhall')).toBeDefined();
    expect(await calendars.byHallCode('atlantis')).toBeUndefined();
  });

  it('fails only the hall whose stored office hours are unusable, with a RangeError', async () => {
    await prisma.hall.update({ where: { code: 'huanggai' }, data: { officeHours: { 1: [{ start: '17:00', end: '09:00' }] } } });
    await version.hear();
    await expect(calendars.byHallCode('huanggai')).rejects.toThrow(RangeError);
    await expect(calendars.byHallCode('jintun')).resolves.toBeDefined();
  });

  it('hands out the stored calendar years', async () => {
    const years = await calendars.years();
    expect(years.map((year) => year.year)).toEqual((await prisma.calendarYear.findMany({ orderBy: { year: 'asc' } })).map((row) => row.year));
  });
});
