import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { localDateOf } from '@haochaping/working-time';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { heardOfMasterDataChanges } from './helpers/master-data-version';

const admin = { 'x-dev-actor': JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] }) };
const handler = { 'x-dev-actor': JSON.stringify({ userId: 'handler-1', role: 'HANDLER', hallCodes: ['jintun'] }) };

/**
 * An admin's change to the calendar, a window or an option set counts from the next request: at once on the API
 * instance that made it, on every other instance and in the worker as soon as their LISTEN connection hears the
 * master_data_changed NOTIFY (no 30 s or 5 s cache to wait out). Two API instances and the real worker module on one
 * private database, as the production topology runs them.
 */
describe('master-data changes reach the next request in every process', () => {
  let stack: E2eStack;
  let second: { app: NestFastifyApplication; url: string };
  let prisma: PrismaClient;

  beforeAll(async () => {
    stack = await startE2eStack();
    second = await stack.listen(stack.config());
    prisma = createPrismaClient({ databaseUrl: stack.db.url, poolSize: 2 });
  });

  afterAll(async () => {
    await second?.app.close();
    await prisma?.$disconnect();
    await stack?.close();
  });

  const send = (baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  /** The body of a response that must have this status (a failure names the status and body it got). */
  async function json<T>(response: Response, status: number): Promise<T> {
    const body = (await response.json()) as T;
    if (response.status !== status) throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  /** Friday 16:30 + 1 working hour at 金屯镇, as an instance answers it. */
  const friday = new URLSearchParams({ hallCode: 'jintun', from: '2026-03-13T16:30:00+08:00', workingHours: '1' }).toString();
  const deadlineAt = async (baseUrl: string) => (await json<{ dueAt: string }>(await send(baseUrl, 'GET', `/calendar/deadline?${friday}`, undefined, handler), 200)).dueAt;

  it('a holiday an admin adds moves the very next deadline: on the instance that saved it at once, on another once it hears the NOTIFY', async () => {
    // Both instances have read (and cached) the calendar.
    expect(await deadlineAt(stack.baseUrl)).toBe('2026-03-16T09:30:00+08:00');
    expect(await deadlineAt(second.url)).toBe('2026-03-16T09:30:00+08:00');

    const saved = await send(stack.baseUrl, 'POST', '/calendar-years/2026/days', { date: '2026-03-16', kind: 'HOLIDAY' }, admin);
    expect(saved.ok).toBe(true);

    expect(await deadlineAt(stack.baseUrl)).toBe('2026-03-17T09:30:00+08:00');
    await heardOfMasterDataChanges(second.app, prisma);
    expect(await deadlineAt(second.url)).toBe('2026-03-17T09:30:00+08:00');
  });

  it('a window an admin closes refuses the very next rating that names it, on both instances', async () => {
    const rateAtW03 = (baseUrl: string) => send(baseUrl, 'POST', '/public/reviews', { hallCode: 'jintun', windowCode: 'W03', level: 5, clientKey: randomUUID() });
    expect((await rateAtW03(stack.baseUrl)).status).toBe(201);
    expect((await rateAtW03(second.url)).status).toBe(201);

    await json(await send(stack.baseUrl, 'POST', '/windows/jintun-W03/disable', undefined, admin), 200);

    expect(await json(await rateAtW03(stack.baseUrl), 422)).toMatchObject({ code: 'UNKNOWN_WINDOW' });
    await heardOfMasterDataChanges(second.app, prisma);
    expect(await json(await rateAtW03(second.url), 422)).toMatchObject({ code: 'UNKNOWN_WINDOW' });
  });

  it('a new option set version is offered and accepted from the very next request, on both instances', async () => {
    const current = async (baseUrl: string) => (await json<{ version: number }>(await send(baseUrl, 'GET', '/public/option-sets/current?nature=OFFLINE'), 200)).version;
    const rateWithA4 = (baseUrl: string) => send(baseUrl, 'POST', '/public/reviews', { hallCode: 'jintun', level: 2, optionCodes: ['A4'], clientKey: randomUUID() });
    expect(await current(stack.baseUrl)).toBe(1);
    expect(await json(await rateWithA4(second.url), 422)).toMatchObject({ code: 'UNKNOWN_OPTION' });

    // Saved through the second instance this time: the main one learns of it by the NOTIFY.
    const v1 = await prisma.optionSet.findFirstOrThrow({ where: { nature: 'OFFLINE', version: 1 }, include: { options: { orderBy: { position: 'asc' } } } });
    const a1 = v1.options.find((option) => option.code === 'A1');
    // At most 10 options a set: the last one of version 1 makes way for A4.
    const kept = v1.options.slice(0, -1).map(({ code, label, suggestedCategory }) => ({ code, label, suggestedCategory }));
    const options = [...kept, { code: 'A4', label: '窗口工作人员离岗', suggestedCategory: a1?.suggestedCategory }];
    await json(await send(second.url, 'POST', '/admin/option-sets', { nature: 'OFFLINE', options }, admin), 201);

    expect(await current(second.url)).toBe(2);
    await heardOfMasterDataChanges(stack.app, prisma);
    expect(await current(stack.baseUrl)).toBe(2);
    const { id } = await json<{ id: string }>(await rateWithA4(stack.baseUrl), 201);
    expect(await prisma.review.findUniqueOrThrow({ where: { id } })).toMatchObject({ optionCodes: ['A4'], optionSetVersion: 2 });
  });

  describe('the worker', () => {
    const DAY_MS = 86_400_000;
    const addDays = (localDate: string, days: number) => localDateOf(new Date(Date.parse(`${localDate}T12:00:00+08:00`) + days * DAY_MS));
    const isWeekend = (localDate: string) => [0, 6].includes(new Date(`${localDate}T12:00:00+08:00`).getUTCDay());

    /**
     * A bad review at 金屯镇 (no reason chosen: the 立整立改 clocks run until verification) and the due time of its
     * result, computed by the worker's activities when the case opened: 1 working day.
     */
    async function badReviewCase(): Promise<{ openedAt: Date; resultDueAt: Date }> {
      const { id } = await json<{ id: string }>(await send(stack.baseUrl, 'POST', '/public/reviews', { hallCode: 'jintun', level: 2, comment: '排队时间太长', clientKey: randomUUID() }), 201);
      const opened = await eventually(() => prisma.rectificationCase.findFirst({ where: { reviewId: id, resultDueAt: { not: null } } }));
      return { openedAt: opened.openedAt, resultDueAt: opened.resultDueAt as Date };
    }

    /** Every day from today on (Shanghai) for three weeks becomes a day off, through the admin API. */
    async function closeTheNextThreeWeeks(): Promise<string> {
      const first = localDateOf(new Date());
      const days = Array.from({ length: 21 }, (_day, index) => addDays(first, index));
      for (const year of new Set(days.map((day) => day.slice(0, 4)))) {
        const stored = await json<{ holidays: string[]; makeUpWorkdays: string[] }>(await send(stack.baseUrl, 'GET', `/calendar-years/${year}`, undefined, handler), 200);
        for (const day of days.filter((date) => date.startsWith(year))) {
          const change = isWeekend(day)
            ? stored.makeUpWorkdays.includes(day) && send(stack.baseUrl, 'DELETE', `/calendar-years/${year}/days/${day}`, undefined, admin)
            : !stored.holidays.includes(day) && send(stack.baseUrl, 'POST', `/calendar-years/${year}/days`, { date: day, kind: 'HOLIDAY' }, admin);
          if (change) expect([day, (await change).ok]).toEqual([day, true]);
        }
      }
      return days[days.length - 1] ?? first;
    }

    it('computes the next case’s deadlines with the calendar an admin just changed', async () => {
      // The worker has read (and cached) the calendar for a first case.
      const before = await badReviewCase();
      const lastDayOff = await closeTheNextThreeWeeks();
      const afterTheDaysOff = new Date(`${addDays(lastDayOff, 1)}T00:00:00+08:00`);
      expect(before.resultDueAt.getTime()).toBeLessThan(afterTheDaysOff.getTime());

      await heardOfMasterDataChanges(stack.worker, prisma);
      const after = await badReviewCase();
      expect(after.resultDueAt.getTime()).toBeGreaterThan(afterTheDaysOff.getTime());
      // The worker and the API count with the same calendar (any instant of the days off gives the same due time).
      const query = new URLSearchParams({ hallCode: 'jintun', from: after.openedAt.toISOString(), workingDays: '1' }).toString();
      const api = await json<{ dueAt: string }>(await send(stack.baseUrl, 'GET', `/calendar/deadline?${query}`, undefined, handler), 200);
      expect(after.resultDueAt).toEqual(new Date(api.dueAt));
    });
  });
});
