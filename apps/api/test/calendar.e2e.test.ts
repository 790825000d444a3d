import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { heardOfMasterDataChanges } from './helpers/master-data-version';

/** Master data and deadlines are for signed-in staff: any role will do (development identity header). */
const signedIn = { headers: { 'x-dev-actor': JSON.stringify({ userId: 'handler-1', role: 'HANDLER', hallCodes: ['jintun'] }) } };

/**
 * The working-time calendar over HTTP: deadlines from a hall's office hours and the calendar years in
 * PostgreSQL (DOMAIN.md, "How clocks count"), and the warning about years whose notice is missing.
 */
describe('calendar API', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let now = new Date('2026-11-28T10:00:00+08:00');

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'calendar-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: { now: () => now } });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
  });

  afterAll(async () => {
    await app?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  /** The test writes the database as another process would: the API hears of it by its LISTEN connection. */
  const heard = () => heardOfMasterDataChanges(app, prisma);

  const deadline = (params: Record<string, string | number>) =>
    fetch(`${baseUrl}/calendar/deadline?${new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)])).toString()}`, signedIn);

  async function dueAt(params: Record<string, string | number>): Promise<{ dueAt: string; provisional: boolean; provisionalYears: number[] }> {
    const response = await deadline(params);
    expect(response.status).toBe(200);
    return (await response.json()) as { dueAt: string; provisional: boolean; provisionalYears: number[] };
  }

  describe('counts working time with the default office hours (Mon–Fri 09:00–12:00, 13:00–17:00)', () => {
    // [rule, from, amount, due]
    const cases: Array<[string, string, { workingHours: number } | { workingDays: number }, string]> = [
      ['Friday 16:30 + 1 working hour → Monday 09:30', '2026-03-06T16:30:00+08:00', { workingHours: 1 }, '2026-03-09T09:30:00+08:00'],
      ['11:30 + 1 working hour → 13:30 (lunch does not count)', '2026-03-04T11:30:00+08:00', { workingHours: 1 }, '2026-03-04T13:30:00+08:00'],
      ['16:00 + 1 working hour → 17:00 the same day', '2026-03-04T16:00:00+08:00', { workingHours: 1 }, '2026-03-04T17:00:00+08:00'],
      ['Saturday 10:00 + 1 working hour → Monday 10:00', '2026-03-07T10:00:00+08:00', { workingHours: 1 }, '2026-03-09T10:00:00+08:00'],
      ['2026-09-30 10:00 + 1 working day → 2026-10-08 10:00 (国庆 1–7 October is off)', '2026-09-30T10:00:00+08:00', { workingDays: 1 }, '2026-10-08T10:00:00+08:00'],
      ['Friday 16:30 + 1 working hour → the 调休 Saturday 2026-10-10 09:30', '2026-10-09T16:30:00+08:00', { workingHours: 1 }, '2026-10-10T09:30:00+08:00'],
      ['Saturday 10:00 + 1 working hour → the 调休 Sunday 2026-09-20 10:00', '2026-09-19T10:00:00+08:00', { workingHours: 1 }, '2026-09-20T10:00:00+08:00'],
      ['Friday before 春节 + 1 working day → the 调休 Saturday 2026-02-14', '2026-02-13T10:00:00+08:00', { workingDays: 1 }, '2026-02-14T10:00:00+08:00'],
      ['Wednesday 10:00 + 3 working days → Monday 10:00', '2026-03-04T10:00:00+08:00', { workingDays: 3 }, '2026-03-09T10:00:00+08:00'],
      ['16:30 + 0.5 working hours → 17:00', '2026-03-04T16:30:00+08:00', { workingHours: 0.5 }, '2026-03-04T17:00:00+08:00'],
      ['an instant in UTC (Z): 08:30Z is Friday 16:30 in Shanghai', '2026-03-06T08:30:00Z', { workingHours: 1 }, '2026-03-09T09:30:00+08:00'],
      ['an instant at another offset: 09:30+01:00 is Friday 16:30 in Shanghai', '2026-03-06T09:30:00+01:00', { workingHours: 1 }, '2026-03-09T09:30:00+08:00'],
      ['a start at night starts with the next office time', '2026-03-04T22:15:00+08:00', { workingHours: 2 }, '2026-03-05T11:00:00+08:00'],
    ];

    it.each(cases)('%s', async (_rule, from, amount, due) => {
      expect(await dueAt({ hallCode: 'jintun', from, ...amount })).toEqual({ dueAt: due, provisional: false, provisionalYears: [] });
    });
  });

  describe('a year without an entered notice falls back to the statutory holidays and says so', () => {
    it.each([
      ['Friday 2027-03-05 16:30 + 1 working hour → Monday 09:30', '2027-03-05T16:30:00+08:00', '2027-03-08T09:30:00+08:00', [2027]],
      ['2026-12-31 16:30 + 1 working hour → 2027-01-04 09:30 (元旦 2027 from the statutory fallback)', '2026-12-31T16:30:00+08:00', '2027-01-04T09:30:00+08:00', [2027]],
    ])('%s', async (_rule, from, due, years) => {
      expect(await dueAt({ hallCode: 'jintun', from, workingHours: 1 })).toEqual({ dueAt: due, provisional: true, provisionalYears: years });
    });
  });

  describe('refuses bad requests with 422 and the field at fault', () => {
    const valid = { hallCode: 'jintun', from: '2026-03-06T16:30:00+08:00', workingHours: '1' };
    const without = (key: keyof typeof valid) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== key));
    // [label, query string, code, field]
    const cases: Array<[string, string, string, string]> = [
      ['no hall', new URLSearchParams(without('hallCode')).toString(), 'VALIDATION_FAILED', 'hallCode'],
      ['an unknown hall', new URLSearchParams({ ...valid, hallCode: 'atlantis' }).toString(), 'UNKNOWN_HALL', 'hallCode'],
      ['no start', new URLSearchParams(without('from')).toString(), 'VALIDATION_FAILED', 'from'],
      ['a start without offset', new URLSearchParams({ ...valid, from: '2026-03-06T16:30:00' }).toString(), 'VALIDATION_FAILED', 'from'],
      ['a date without time', new URLSearchParams({ ...valid, from: '2026-03-06' }).toString(), 'VALIDATION_FAILED', 'from'],
      ['a date that does not exist', new URLSearchParams({ ...valid, from: '2026-02-30T10:00:00+08:00' }).toString(), 'VALIDATION_FAILED', 'from'],
      ['an hour of 24', new URLSearchParams({ ...valid, from: '2026-03-06T24:00:00+08:00' }).toString(), 'VALIDATION_FAILED', 'from'],
      ['a start that is not a time', new URLSearchParams({ ...valid, from: 'yesterday' }).toString(), 'VALIDATION_FAILED', 'from'],
      ['two starts', `${new URLSearchParams(valid).toString()}&from=2026-03-07T10:00:00%2B08:00`, 'VALIDATION_FAILED', 'from'],
      ['neither hours nor days', new URLSearchParams(without('workingHours')).toString(), 'VALIDATION_FAILED', 'workingHours'],
      ['both hours and days', new URLSearchParams({ ...valid, workingDays: '1' }).toString(), 'VALIDATION_FAILED', 'workingDays'],
      ['0 working hours', new URLSearchParams({ ...valid, workingHours: '0' }).toString(), 'VALIDATION_FAILED', 'workingHours'],
      ['negative working hours', new URLSearchParams({ ...valid, workingHours: '-1' }).toString(), 'VALIDATION_FAILED', 'workingHours'],
      ['working hours as text', new URLSearchParams({ ...valid, workingHours: 'abc' }).toString(), 'VALIDATION_FAILED', 'workingHours'],
      ['1001 working hours', new URLSearchParams({ ...valid, workingHours: '1001' }).toString(), 'VALIDATION_FAILED', 'workingHours'],
      ['working days in exponent notation', new URLSearchParams({ ...without('workingHours'), workingDays: '1e3' }).toString(), 'VALIDATION_FAILED', 'workingDays'],
      ['1001 working days', new URLSearchParams({ ...without('workingHours'), workingDays: '1001' }).toString(), 'VALIDATION_FAILED', 'workingDays'],
      ['an unknown parameter', new URLSearchParams({ ...valid, timezone: 'UTC' }).toString(), 'VALIDATION_FAILED', 'timezone'],
      ['a year with neither data nor statutory fallback (2024)', new URLSearchParams({ ...valid, from: '2024-06-03T10:00:00+08:00' }).toString(), 'CALENDAR_YEAR_UNAVAILABLE', 'from'],
    ];

    it.each(cases)('%s', async (_label, query, code, field) => {
      const response = await fetch(`${baseUrl}/calendar/deadline?${query}`, signedIn);
      expect(response.status).toBe(422);
      const error = (await response.json()) as { code: string; message: string; path: string; errors?: Array<{ field: string; message: string }> };
      expect(error).toMatchObject({ code, path: '/api/calendar/deadline' });
      expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(error.errors?.map((e) => e.field)).toContain(field);
      error.errors?.forEach((e) => expect(e.message).toMatch(/[\u4e00-\u9fa5]/));
    });
  });

  it("follows a hall's own office hours", async () => {
    await prisma.hall.update({
      where: { code: 'macun' },
      data: {
        officeHours: Object.fromEntries(
          [1, 2, 3, 4, 5, 6].map((weekday) => [weekday, [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '18:00' }]]),
        ),
      },
    });
    await heard();
    const friday = { from: '2026-03-06T16:30:00+08:00', workingHours: 1 };
    expect((await dueAt({ hallCode: 'macun', ...friday })).dueAt).toBe('2026-03-06T17:30:00+08:00');
    expect((await dueAt({ hallCode: 'macun', from: '2026-03-07T10:00:00+08:00', workingHours: 1 })).dueAt).toBe('2026-03-07T11:00:00+08:00');
    expect((await dueAt({ hallCode: 'macun', from: '2026-03-04T11:30:00+08:00', workingHours: 1 })).dueAt).toBe('2026-03-04T14:30:00+08:00');
    expect((await dueAt({ hallCode: 'jintun', ...friday })).dueAt).toBe('2026-03-09T09:30:00+08:00');
  });

  it('answers 500 in the error shape when a hall’s stored office hours are unusable', async () => {
    await prisma.hall.update({ where: { code: 'huanggai' }, data: { officeHours: { 1: [{ start: '17:00', end: '09:00' }] } } });
    await heard();
    const response = await deadline({ hallCode: 'huanggai', from: '2026-03-06T16:30:00+08:00', workingHours: 1 });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: 'CALENDAR_DATA_INVALID' });
  });

  it('moves the deadline when an admin adds a holiday to the year in the database', async () => {
    const friday = { hallCode: 'jintun', from: '2026-03-13T16:30:00+08:00', workingHours: 1 };
    expect((await dueAt(friday)).dueAt).toBe('2026-03-16T09:30:00+08:00');
    const year = await prisma.calendarYear.findUniqueOrThrow({ where: { year: 2026 } });
    await prisma.calendarYear.update({ where: { year: 2026 }, data: { holidays: [...year.holidays, new Date('2026-03-16T00:00:00Z')] } });
    await heard();
    expect((await dueAt(friday)).dueAt).toBe('2026-03-17T09:30:00+08:00');
  });

  describe('warnings about missing State Council notices', () => {
    it.each([
      ['in June 2026 nothing is missing (2026 is official, 2027 not due yet)', '2026-06-01T10:00:00+08:00', []],
      ['from November 2026 the 2027 notice is due', '2026-11-28T10:00:00+08:00', [2027]],
      ['in November 2027 both 2027 and 2028 are missing', '2027-11-15T10:00:00+08:00', [2027, 2028]],
    ])('%s', async (_label, at, years) => {
      now = new Date(at);
      const response = await fetch(`${baseUrl}/calendar/warnings`, signedIn);
      expect(response.status).toBe(200);
      const warnings = (await response.json()) as { missingOfficialYears: number[]; message: string | null };
      expect(warnings.missingOfficialYears).toEqual(years);
      if (years.length === 0) expect(warnings.message).toBeNull();
      else years.forEach((year) => expect(warnings.message).toContain(`${year}年`));
    });

    it('stops warning, and stops calling 2027 provisional, once the 2027 notice is entered', async () => {
      now = new Date('2026-11-28T10:00:00+08:00');
      await prisma.calendarYear.create({
        data: { year: 2027, holidays: [new Date('2027-01-01T00:00:00Z')], makeUpWorkdays: [], source: 'OFFICIAL', notice: '测试：2027年通知' },
      });
      await heard();
      expect(await (await fetch(`${baseUrl}/calendar/warnings`, signedIn)).json()).toEqual({ missingOfficialYears: [], message: null });
      expect(await dueAt({ hallCode: 'jintun', from: '2027-03-05T16:30:00+08:00', workingHours: 1 })).toEqual({
        dueAt: '2027-03-08T09:30:00+08:00',
        provisional: false,
        provisionalYears: [],
      });
    });
  });
});
