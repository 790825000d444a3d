import { randomUUID } from 'node:crypto';
import { createPrismaClient, loadWorkingCalendar, type PrismaClient } from '@haochaping/db';
import { localDateOf, WorkingTime } from '@haochaping/working-time';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

/** An asymmetric matcher typed as what it stands for. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

/**
 * The working-time calendar as admins keep it (issue 6): a year's days off and 调休 make-up days, one day at a time
 * or from the State Council's notice; every change counts for the next deadline, in the API at once and in the worker
 * within its 5 s calendar cache, without a restart.
 */
describe('calendar administration', () => {
  let stack: E2eStack;
  let prisma: PrismaClient;

  const actor = (role: string) => ({ 'x-dev-actor': JSON.stringify({ userId: `${role.toLowerCase()}-calendar`, role, hallCodes: role === 'HANDLER' ? ['jintun'] : [] }) });
  const asAdmin = actor('ADMIN');
  const asCounty = actor('COUNTY_SUPERVISOR');
  const asHandler = actor('HANDLER');

  beforeAll(async () => {
    stack = await startE2eStack();
    prisma = createPrismaClient({ databaseUrl: stack.db.url, poolSize: 2 });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.close();
  });

  const get = (path: string, headers: Record<string, string> = asAdmin) => fetch(`${stack.baseUrl}${path}`, { headers });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = asAdmin) =>
    fetch(`${stack.baseUrl}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = (await response.json()) as T;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };

  interface CalendarYear {
    id: number;
    year: number;
    source: string;
    provisional: boolean;
    stored: boolean;
    holidays: string[];
    makeUpWorkdays: string[];
    notice: string | null;
  }
  interface ApiErrorBody {
    statusCode: number;
    code: string;
    message: string;
    errors?: Array<{ field: string; message: string }>;
    path: string;
    requestId: string;
  }

  async function dueAt(from: string, params: { workingDays?: number; workingHours?: number }): Promise<string> {
    const query = new URLSearchParams({ hallCode: 'jintun', from, ...Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])) });
    return (await json<{ dueAt: string }>(await get(`/calendar/deadline?${query.toString()}`, asHandler), 200)).dueAt;
  }
  const yearRow = (year: number) => prisma.calendarYear.findUnique({ where: { year } });
  const auditOf = (year: number) => prisma.auditLog.findMany({ where: { entityType: 'calendar-year', entityId: String(year) }, orderBy: { id: 'asc' } });

  it('shows the stored years and the statutory fallback of a year without a notice, flagged provisional', async () => {
    const list = await json<CalendarYear[]>(await get(`/calendar-years?filter=${encodeURIComponent(JSON.stringify({ id: [2025, 2026, 2030] }))}`, asHandler), 200);
    expect(list.map(({ year, source, provisional, stored }) => ({ year, source, provisional, stored }))).toEqual([
      { year: 2025, source: 'OFFICIAL', provisional: false, stored: true },
      { year: 2026, source: 'OFFICIAL', provisional: false, stored: true },
      { year: 2030, source: 'PROVISIONAL', provisional: true, stored: false },
    ]);
    const y2030 = await json<CalendarYear>(await get('/calendar-years/2030'), 200);
    expect(y2030.holidays).toEqual(expect.arrayContaining(['2030-01-01', '2030-05-01', '2030-10-01']));
    expect(y2030.makeUpWorkdays).toEqual([]);
    expect((await get('/calendar-years/2040')).status).toBe(404);
  });

  it('moves /api/calendar/deadline when an admin adds a holiday, and back when it is removed', async () => {
    // Wednesday 10:00 + 1 working day → Thursday 10:00; with that Thursday off → Friday 10:00.
    const from = '2030-03-06T10:00:00+08:00';
    expect(await dueAt(from, { workingDays: 1 })).toBe('2030-03-07T10:00:00+08:00');

    const added = await json<CalendarYear>(await send('POST', '/calendar-years/2030/days', { date: '2030-03-07', kind: 'HOLIDAY' }), 200);
    expect(added).toMatchObject({ year: 2030, stored: true, provisional: true, source: 'PROVISIONAL' });
    expect(added.holidays).toContain('2030-03-07');
    expect(await dueAt(from, { workingDays: 1 })).toBe('2030-03-08T10:00:00+08:00');

    // Saturday 2030-03-09 worked (调休): Friday 16:30 + 1 working hour → Saturday 09:30.
    await json<CalendarYear>(await send('POST', '/calendar-years/2030/days', { date: '2030-03-09', kind: 'MAKE_UP_WORKDAY' }), 200);
    expect(await dueAt('2030-03-08T16:30:00+08:00', { workingHours: 1 })).toBe('2030-03-09T09:30:00+08:00');

    const removed = await json<CalendarYear>(await send('DELETE', '/calendar-years/2030/days/2030-03-07'), 200);
    expect(removed.holidays).not.toContain('2030-03-07');
    expect(await dueAt(from, { workingDays: 1 })).toBe('2030-03-07T10:00:00+08:00');

    expect((await auditOf(2030)).map(({ action, actorRole, details }) => ({ action, actorRole, details }))).toEqual([
      { action: 'calendar.add-day', actorRole: 'ADMIN', details: { year: 2030, storedFromFallback: true, date: '2030-03-07', kind: 'HOLIDAY' } },
      { action: 'calendar.add-day', actorRole: 'ADMIN', details: { year: 2030, date: '2030-03-09', kind: 'MAKE_UP_WORKDAY' } },
      { action: 'calendar.remove-day', actorRole: 'ADMIN', details: { year: 2030, date: '2030-03-07', kind: 'HOLIDAY' } },
    ]);
  });

  it.each([
    ['a make-up day on a weekday', { date: '2031-03-05', kind: 'MAKE_UP_WORKDAY' }, 'kind'],
    ['a holiday on a Sunday', { date: '2031-03-09', kind: 'HOLIDAY' }, 'date'],
    ['a date of another year', { date: '2032-03-05', kind: 'HOLIDAY' }, 'date'],
    ['a date that does not exist', { date: '2031-02-30', kind: 'HOLIDAY' }, 'date'],
    ['a date in another format', { date: '2031/3/5', kind: 'HOLIDAY' }, 'date'],
    ['an unknown kind', { date: '2031-03-05', kind: 'HALF_DAY' }, 'kind'],
  ])('refuses %s with 422 in the error shape, and stores nothing', async (_name, body, field) => {
    const answer = await json<ApiErrorBody>(await send('POST', '/calendar-years/2031/days', body), 422);
    expect(answer).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', path: '/api/calendar-years/2031/days' });
    expect(answer.errors?.map((error) => error.field)).toContain(field);
    expect(await yearRow(2031)).toBeNull();
    expect(await auditOf(2031)).toEqual([]);
  });

  it('answers 404 for removing a day that is neither a holiday nor a make-up day', async () => {
    expect((await json<ApiErrorBody>(await send('DELETE', '/calendar-years/2031/days/2031-03-05'), 404)).code).toBe('CALENDAR_DAY_NOT_FOUND');
    expect(await yearRow(2031)).toBeNull();
  });

  describe("a year's notice", () => {
    const notice = [
      '# 国务院办公厅关于2032年部分节假日安排的通知',
      '2032-01-01~2032-01-03 休 元旦',
      '2032-02-10~2032-02-17 休 春节',
      '2032-02-08 班',
      '2032-02-21 班',
      '2032-04-04~2032-04-06 休 清明节',
      '2032-05-01~2032-05-05 休 劳动节',
      '2032-06-12~2032-06-14 休 端午节',
      '2032-09-19~2032-09-21 休 中秋节',
      '2032-10-01~2032-10-07 休 国庆节',
      '2032-10-09 班',
    ].join('\n');

    it('checks a notice without storing it (dry run)', async () => {
      const answer = await json<{ dryRun: boolean; calendar: CalendarYear; spans: unknown[] }>(await send('POST', '/calendar-years/2032/notice', { text: notice, dryRun: true }), 200);
      expect(answer.dryRun).toBe(true);
      expect(answer.calendar).toMatchObject({ year: 2032, source: 'OFFICIAL', stored: false });
      expect(answer.spans).toHaveLength(10);
      expect(await yearRow(2032)).toBeNull();
    });

    it('refuses a notice with bad lines, every one reported by its number, and keeps the year as it was', async () => {
      const bad = notice.replace('2032-02-21 班', '2032-02-23 班').replace('2032-05-01~2032-05-05 休 劳动节', '2032-05-01~05-05 休').concat('\n2033-01-01 休');
      const answer = await json<ApiErrorBody>(await send('POST', '/calendar-years/2032/notice', { text: bad, notice: '测试' }), 422);
      expect(answer).toMatchObject({ statusCode: 422, code: 'NOTICE_INVALID', path: '/api/calendar-years/2032/notice' });
      expect(answer.errors).toEqual([
        { field: 'text.line.5', message: matching(/^第 5 行“2032-02-23 班”：.*不是周六或周日/) },
        { field: 'text.line.7', message: matching(/^第 7 行.*无法识别/) },
        { field: 'text.line.12', message: matching(/^第 12 行.*须在 2032 年内/) },
      ]);
      expect(await yearRow(2032)).toBeNull();
      expect(await auditOf(2032)).toEqual([]);
    });

    it('replaces the year with the notice, marks it official, and deadlines follow it', async () => {
      // Before: only the statutory days; Friday 2032-02-20 16:30 + 1 working hour → Monday 02-23 09:30.
      expect(await dueAt('2032-02-20T16:30:00+08:00', { workingHours: 1 })).toBe('2032-02-23T09:30:00+08:00');
      const answer = await json<{ dryRun: boolean; calendar: CalendarYear; warnings: string[] }>(
        await send('POST', '/calendar-years/2032/notice', { text: notice, notice: '国办发明电〔2031〕X号' }),
        200,
      );
      expect(answer.dryRun).toBe(false);
      expect(answer.calendar).toMatchObject({ year: 2032, source: 'OFFICIAL', provisional: false, stored: true, notice: '国办发明电〔2031〕X号' });
      expect(answer.calendar.makeUpWorkdays).toEqual(['2032-02-08', '2032-02-21', '2032-10-09']);
      // Saturday 02-21 is worked now.
      expect(await dueAt('2032-02-20T16:30:00+08:00', { workingHours: 1 })).toBe('2032-02-21T09:30:00+08:00');
      const warnings = await json<{ missingOfficialYears: number[] }>(await get('/calendar/warnings', asHandler), 200);
      expect(warnings.missingOfficialYears).not.toContain(2032);
      const [audit] = await auditOf(2032);
      expect(audit).toMatchObject({ action: 'calendar.import-notice', actorRole: 'ADMIN', details: { year: 2032, storedFromFallback: true, notice: '国办发明电〔2031〕X号' } });
    });
  });

  it('refuses changes by anyone but an admin, while everyone signed in reads', async () => {
    for (const headers of [asCounty, asHandler]) {
      expect((await json<ApiErrorBody>(await send('POST', '/calendar-years/2033/days', { date: '2033-03-07', kind: 'HOLIDAY' }, headers), 403)).code).toBe('FORBIDDEN');
      expect((await send('DELETE', '/calendar-years/2026/days/2026-10-01', undefined, headers)).status).toBe(403);
      expect((await send('POST', '/calendar-years/2033/notice', { text: '2033-01-01 休' }, headers)).status).toBe(403);
      expect((await get('/calendar-years/2026', headers)).status).toBe(200);
    }
    expect((await fetch(`${stack.baseUrl}/calendar-years/2026`)).status).toBe(401);
    expect(await yearRow(2033)).toBeNull();
  });

  it("reaches the worker's deadlines without a restart: a case started after the change is due later", async () => {
    const review = async () => {
      const response = await send('POST', '/public/reviews', { hallCode: 'jintun', level: 2, optionCodes: ['B3'], comment: '办理太慢', clientKey: randomUUID() }, {});
      const { id } = await json<{ id: string }>(response, 201);
      const row = await eventually(async () => {
        const found = await get(`/rectifications/${id}`, asCounty);
        return found.status === 200 ? ((await found.json()) as { resultDueAt: string }) : undefined;
      }, 30_000);
      const { createdAt } = await prisma.review.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
      return { resultDueAt: row.resultDueAt, createdAt: createdAt.toISOString() };
    };
    // 限时整改 under policy version 1: the result is due 3 working days after the review.
    const before = await review();
    expect(before.resultDueAt).toBe(await dueAt(before.createdAt, { workingDays: 3 }));

    // The next two working days from today become holidays: whatever the hour, the clock now starts later.
    const calendar = await loadWorkingCalendar(prisma, 'jintun');
    if (!calendar) throw new Error('no jintun');
    const workingTime = new WorkingTime(calendar);
    const days: string[] = [];
    for (let day = new Date(); days.length < 2; day = new Date(day.getTime() + 86_400_000)) {
      const date = localDateOf(day);
      if (workingTime.isWorkingDay(date)) days.push(date);
    }
    for (const date of days) await json(await send('POST', `/calendar-years/${date.slice(0, 4)}/days`, { date, kind: 'HOLIDAY' }), 200);

    // The worker may hold the hall's calendar for 5 s: keep starting cases until one is computed on the new calendar.
    const after = await eventually(async () => {
      const started = await review();
      return started.resultDueAt === (await dueAt(started.createdAt, { workingDays: 3 })) ? started : undefined;
    }, 30_000);
    // On the calendar before the change the same clock ends at least a day earlier: the holidays moved it.
    const dueBefore = workingTime.addWorkingDays(new Date(after.createdAt), 3).dueAt;
    expect(Date.parse(after.resultDueAt) - dueBefore.getTime()).toBeGreaterThanOrEqual(86_400_000);
  });
});
