import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { FIGURE_KEYS } from '@haochaping/contracts';
import { createPrismaClient, hallWorkingTimes, settleFigureDays, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig } from '../src/config/app-config';
import { ReviewSeeder } from './helpers/review-seed';

const NOW = '2026-12-07T10:00:00+08:00';
class FixedClock extends Clock {
  override now(): Date {
    return new Date(NOW);
  }
}

const REAL_NAME = { name: '张三', phone: '13900000001' };

/**
 * A hand-computed November 2026 (office hours 09:00–12:00, 13:00–17:00; no holidays in November). Every row below
 * was written from the table in the comment, and every expected figure worked out from it by hand.
 *
 * 金屯镇 reviews given in November (● = bad, with its rectification case R#):
 *  #1  L5 窗口二维码, rates case C1 (completed 11-03)
 *  #2  L5 评价邀请, rates case C2 (completed 11-04)                     ← the only one not unprompted
 *  #3  L4 公开意见表   #4  L3 公开意见表
 *  ●5  L2 real-name, Mon 11-09 10:00. R5: 满意 办结; callback REACHED; result Tue 11-10 10:00 → 7 h
 *  ●6  L1 anonymous, Wed 11-11 10:00. R6: 待群众确认; result Thu 11-12 15:00 → 6 + 5 = 11 h; on time: pending
 *  ●7  L1 热线 real-name, Fri 11-13 10:00. R7: 整改中, overdue, level 1; callback UNREACHABLE (无法联系) → late
 *  ●8  L2 窗口二维码 real-name, rates case C3 (completed 11-19), Fri 11-20 10:00. R8: 不予采纳, approved Wed 12-02 10:00
 *      (after November: the review still leaves November's rates) → not adopted; on time; 6 + 35 + 7 + 7 + 1 = 56 h
 *  ●9  L2 real-name, Mon 11-16 10:00. R9: 不满意 reopened (owner COUNTY, level 2) → late; callback REACHED; result
 *      Tue 11-17 10:00 → 7 h
 *  ●10 L1 real-name, Mon 11-02 10:00. R10: 无异议 办结; no callback recorded; extended: original due Fri 11-06 17:00,
 *      result Mon 11-09 10:00 → late; 35 h
 *  outside: L2 on 10-31 23:59:59, and L4 on 12-01 00:00 rating case C6 (completed 11-27: a November case rated later)
 *  cases completed in November: C1, C2, C3, C4 (never rated), C6 → 5 completed, 4 rated
 *
 *  adopted 9 (#8 not): L5 2, L4 1, L3 1, L2 2, L1 3 → good 4, bad 5 (#5 #6 #7 #9 #10)
 *  好评率 4/9 = 0.4444   差评率 5/9 = 0.5556   主动评价好评率 3/8 = 0.375   参评率 4/5 = 0.8   未评率 0.2
 *  差评回复率 (#5 #6 #9 #10) 4/5 = 0.8    实名差评回访率 (#5 #7 #9 of #5 #7 #9 #10) 3/4 = 0.75
 *  整改率 (#5 #6 #9 #10) 4/5 = 0.8        回访整改率 (#5, #6 anonymous, #9; not #10) 3/5 = 0.6
 *  回访整改满意率 (R5 满意, R10 无异议 of R5 R10) 2/2 = 1   群众确认满意率 (R5 满意; R9 不满意) 1/2 = 0.5
 *  按时办结率 (R5 R8 on time; R7 R9 R10 late) 2/5 = 0.4    重办率 (R9 of R5 R6 R9 R10) 1/4 = 0.25
 *  handling [7, 7, 11, 35, 56] → average 23.2, p90 56    不予采纳 1    reviews 10
 *
 * 纸坊镇 in November: #11 L4 公开意见表; ●12 L1 anonymous, R12 待核实.
 */
describe('GET /api/results/figures (统计分析: every figure on a hand-computed month)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;

  const as = (role: string, hallCodes: string[] = [], departmentCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes, departmentCodes });
  const county = as('COUNTY_SUPERVISOR');

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'results-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: new FixedClock() });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);
    const jintun = (level: number, createdAt: string, more: Partial<Parameters<ReviewSeeder['review']>[0]> = {}) => seed.review({ hallCode: 'jintun', level, createdAt, ...more });

    await jintun(5, '2026-11-03T10:00:00+08:00', { channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: 'C1' });
    await jintun(5, '2026-11-04T11:00:00+08:00', { channel: 'CASE_INVITATION', serviceItemCode: 'RS-001', caseNumber: 'C2' });
    await jintun(4, '2026-11-05T10:00:00+08:00');
    await jintun(3, '2026-11-06T10:00:00+08:00');
    const r5 = await jintun(2, '2026-11-09T10:00:00+08:00', { reviewer: REAL_NAME });
    await seed.rectification(r5, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: '2026-11-09T10:00:01+08:00', closedAt: '2026-11-11T10:00:00+08:00', callbackOutcome: 'REACHED', resultRecordedAt: '2026-11-10T10:00:00+08:00' });
    const r6 = await jintun(1, '2026-11-11T10:00:00+08:00');
    await seed.rectification(r6, { state: 'AWAITING_CONFIRMATION', openedAt: '2026-11-11T10:00:01+08:00', resultRecordedAt: '2026-11-12T15:00:00+08:00' });
    const r7 = await jintun(1, '2026-11-13T10:00:00+08:00', { channel: 'HOTLINE', reviewer: REAL_NAME });
    await seed.rectification(r7, { state: 'RECTIFYING', openedAt: '2026-11-13T10:00:01+08:00', overdue: true, escalationLevel: 1, callbackOutcome: 'UNREACHABLE' });
    const r8 = await jintun(2, '2026-11-20T10:00:00+08:00', { channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: 'C3', caseCompletedAt: '2026-11-19T10:00:00+08:00', reviewer: REAL_NAME, adoption: 'NOT_ADOPTED' });
    await seed.rectification(r8, { state: 'CLOSED', outcome: 'REJECTED', openedAt: '2026-11-20T10:00:01+08:00', closedAt: '2026-12-02T10:00:00+08:00', callbackOutcome: 'REACHED' });
    const r9 = await jintun(2, '2026-11-16T10:00:00+08:00', { reviewer: REAL_NAME });
    await seed.rectification(r9, { state: 'REOPENED', openedAt: '2026-11-16T10:00:01+08:00', owner: 'COUNTY', escalationLevel: 2, callbackOutcome: 'REACHED', resultRecordedAt: '2026-11-17T10:00:00+08:00' });
    const r10 = await jintun(1, '2026-11-02T10:00:00+08:00', { reviewer: REAL_NAME });
    await seed.rectification(r10, {
      state: 'CLOSED',
      outcome: 'NO_OBJECTION',
      openedAt: '2026-11-02T10:00:01+08:00',
      closedAt: '2026-11-16T10:00:00+08:00',
      originalResultDueAt: '2026-11-06T17:00:00+08:00',
      resultRecordedAt: '2026-11-09T10:00:00+08:00',
    });
    await jintun(2, '2026-10-31T23:59:59+08:00');
    await seed.serviceCase({ hallCode: 'jintun', serviceItemCode: 'RS-001', caseNumber: 'C4', completedAt: '2026-11-25T10:00:00+08:00' });
    await jintun(4, '2026-12-01T00:00:00+08:00', { channel: 'CASE_INVITATION', serviceItemCode: 'RS-001', caseNumber: 'C6', caseCompletedAt: '2026-11-27T10:00:00+08:00' });

    await seed.review({ hallCode: 'zhifang', level: 4, createdAt: '2026-11-10T10:00:00+08:00' });
    const r12 = await seed.review({ hallCode: 'zhifang', level: 1, createdAt: '2026-11-05T10:00:00+08:00' });
    await seed.rectification(r12, { state: 'PENDING_VERIFICATION', openedAt: '2026-11-05T10:00:01+08:00' });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const get = async (actor: string, params: Record<string, string>) => {
    const response = await fetch(`${baseUrl}/results/figures?${new URLSearchParams(params).toString()}`, { headers: { 'x-dev-actor': actor } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  type Row = { key: string | null; code: string | null; name: string; figures: Record<string, number | null> };
  const rows = (body: Record<string, unknown>) => body.rows as Row[];

  const JINTUN_NOVEMBER = {
    reviews: 10,
    goodRate: 0.4444,
    badRate: 0.5556,
    unpromptedGoodRate: 0.375,
    ratedRate: 0.8,
    unratedRate: 0.2,
    badReplyRate: 0.8,
    realNameCallbackRate: 0.75,
    rectificationRate: 0.8,
    callbackRectificationRate: 0.6,
    rectificationSatisfactionRate: 1,
    confirmationSatisfactionRate: 0.5,
    onTimeRate: 0.4,
    averageHandlingHours: 23.2,
    p90HandlingHours: 56,
    reopenRate: 0.25,
    notAdopted: 1,
    excludedAsCoerced: 0,
  };

  it('per hall over November: 金屯镇 has every figure of the hand-computed table', async () => {
    const { status, body } = await get(county, { dimension: 'hall', period: 'month', date: '2026-11-20' });
    expect(status).toBe(200);
    expect(body.period).toEqual({ kind: 'month', from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00', label: '2026年11月' });
    const jintun = rows(body).find((row) => row.code === 'jintun');
    expect(jintun).toMatchObject({ code: 'jintun', name: '金屯镇' });
    expect(jintun?.figures).toEqual(JINTUN_NOVEMBER);
  });

  it('纸坊镇: rates over what it has; none where it has nothing to divide (no real-name bad review, no case settled)', async () => {
    const { body } = await get(county, { dimension: 'hall', period: 'month', date: '2026-11-01' });
    expect(rows(body).find((row) => row.code === 'zhifang')?.figures).toEqual({
      reviews: 2,
      goodRate: 0.5,
      badRate: 0.5,
      unpromptedGoodRate: 0.5,
      ratedRate: null,
      unratedRate: null,
      badReplyRate: 0,
      realNameCallbackRate: null,
      rectificationRate: 0,
      callbackRectificationRate: 0,
      rectificationSatisfactionRate: null,
      confirmationSatisfactionRate: null,
      onTimeRate: null,
      averageHandlingHours: null,
      p90HandlingHours: null,
      reopenRate: null,
      notAdopted: 0,
      excludedAsCoerced: 0,
    });
  });

  it('the county total adds the halls: 好评率 5/11, 差评率 6/11, 主动评价好评率 4/10', async () => {
    const { body } = await get(county, { period: 'month', date: '2026-11-30' });
    expect(body.dimension).toBe('county');
    expect(rows(body)).toEqual([{ key: 'county', code: null, name: '全县', levels: body.totalLevels, figures: body.total }]);
    expect(body.total).toMatchObject({ reviews: 12, goodRate: 0.4545, badRate: 0.5455, unpromptedGoodRate: 0.4, ratedRate: 0.8, onTimeRate: 0.4, notAdopted: 1 });
  });

  it('per channel: the review figures of each channel (热线: one real-name bad review, called back, not rectified)', async () => {
    const { body } = await get(county, { dimension: 'channel', period: 'month', date: '2026-11-15' });
    const hotline = rows(body).find((row) => row.key === 'HOTLINE');
    expect(hotline).toMatchObject({ code: 'HOTLINE', name: '服务热线' });
    expect(hotline?.figures).toMatchObject({ reviews: 1, badRate: 1, realNameCallbackRate: 1, rectificationRate: 0, ratedRate: null, onTimeRate: 0 });
    expect(rows(body).map((row) => row.key).sort()).toEqual(['CASE_INVITATION', 'HOTLINE', 'PUBLIC_FORM', 'WINDOW_QR']);
  });

  it('a town handler sees only its own hall; a department guide is refused', async () => {
    const own = await get(as('HANDLER', ['zhifang']), { dimension: 'hall', period: 'month', date: '2026-11-15' });
    expect(rows(own.body).map((row) => row.code)).toEqual(['zhifang']);
    expect(own.body.total).toMatchObject({ reviews: 2 });
    const guide = await get(as('DEPT_GUIDE', [], ['yibao']), { period: 'month', date: '2026-11-15' });
    expect(guide.status).toBe(403);
  });

  it('the OpenAPI document describes every figure, from its definition', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> } };
    const figures = document.components.schemas.FiguresDto.properties;
    expect(Object.keys(figures).sort()).toEqual([...FIGURE_KEYS].sort());
    expect(figures.goodRate.description).toMatch(/^好评率: /);
  });

  it.each([
    [{ dimension: 'town' }, 'dimension'],
    [{ period: 'fortnight' }, 'period'],
    [{ date: '2026-13-01' }, 'date'],
    [{ period: 'custom', from: '2026-11-01' }, 'to'],
    [{ period: 'custom', from: '2026-11-30', to: '2026-11-01' }, 'to'],
  ])('refuses %j with 422 naming %s, in Chinese', async (params, field) => {
    const { status, body } = await get(county, params);
    expect(status).toBe(422);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect((body.errors as Array<{ field: string; message: string }>).map((detail) => detail.field)).toContain(field);
    expect(JSON.stringify(body.errors)).toMatch(/[\u4e00-\u9fa5]/);
  });
  /**
   * The daily aggregates (@haochaping/db figures/figure-days.ts) give the same answers as counting live: November's
   * days are settled (with a `now` long after every rating period), except the days with a bad review not closed —
   * 10-31 (its L2 has no case yet), 11-05 (R12 待核实), 11-11 (R6 待群众确认), 11-13 (R7 整改中), 11-16 (R9 reopened) —
   * which keep their good reviews alone (partial), the rest of them counted live.
   */
  describe('the same figures from the daily aggregates', () => {
    const DIMENSIONS = ['county', 'hall', 'window', 'staff', 'department', 'item', 'channel', 'reason'];
    const settle = (fromDay = '2026-10-01', toDay = '2026-12-31') => settleFigureDays(prisma, hallWorkingTimes(prisma), { now: new Date('2027-03-01T00:00:00+08:00'), fromDay, toDay });
    const answers = async () => {
      const byDimension: Record<string, unknown> = {};
      for (const dimension of DIMENSIONS) byDimension[dimension] = (await get(county, { dimension, period: 'month', date: '2026-11-15' })).body;
      byDimension.quarter = (await get(county, { dimension: 'hall', period: 'quarter', date: '2026-11-15' })).body;
      byDimension.zhifang = (await get(as('HANDLER', ['zhifang']), { dimension: 'window', period: 'month', date: '2026-11-15' })).body;
      for (const bucket of ['day', 'week', 'month']) {
        byDimension[`trend-${bucket}`] = await (await fetch(`${baseUrl}/results/trend?${new URLSearchParams({ bucket, from: '2026-10-26', to: '2026-12-06' }).toString()}`, { headers: { 'x-dev-actor': county } })).json();
      }
      return byDimension;
    };
    const statusOf = async () => {
      const rows = await prisma.$queryRaw<Array<{ day: string; settled: boolean; partial: boolean; dirty: boolean }>>`SELECT to_char("day", 'YYYY-MM-DD') AS "day", "settled", "partial", "dirty" FROM "figure_day_status" ORDER BY 1`;
      return {
        unsettled: rows.filter((row) => !row.settled).map((row) => row.day),
        partial: rows.filter((row) => row.partial && !row.dirty).map((row) => row.day),
        dirty: rows.filter((row) => (row.settled || row.partial) && row.dirty).map((row) => row.day),
        settled: rows.filter((row) => row.settled).length,
      };
    };

    it('settles every day of October to December but the five with a bad review not closed, and answers every dimension, period and trend as live', async () => {
      const live = await answers();
      const report = await settle();
      const open = ['2026-10-31', '2026-11-05', '2026-11-11', '2026-11-13', '2026-11-16'];
      expect(report.unsettled).toBe(5);
      expect(report.partial).toEqual(open);
      expect(report.conflicts).toBe(0);
      expect(await statusOf()).toEqual({ unsettled: open, partial: open, dirty: [], settled: 92 - 5 });
      // A partial day holds its good reviews alone: 11-05 has 金屯镇's level 4 and R12 (芝芳镇, level 1, 待核实).
      const nov05 = await prisma.$queryRaw<Array<{ hall: string; counters: Record<string, number> }>>`
        SELECT h."code" AS "hall", f."counters" FROM "figure_day" f JOIN "hall" h ON h."id" = f."hall_id" WHERE f."day" = '2026-11-05' AND f."dimension" = 'hall'`;
      expect(nov05.map(({ hall, counters }) => ({ hall, reviews: counters.reviews, level4: counters.level4, level1: counters.level1 }))).toEqual([{ hall: 'jintun', reviews: 1, level4: 1, level1: 0 }]);
      const stored = await prisma.figureDay.count();
      expect(stored).toBeGreaterThan(0);
      expect(await answers()).toEqual(live);
      // Idempotent: a second run finds nothing to do and changes no row.
      const again = await settle();
      expect(again.settled).toEqual([]);
      expect(again.partial).toEqual([]);
      expect(await prisma.figureDay.count()).toBe(stored);
    });

    it('a settled day changed by a repair or a late arrival is dirty at once (counted live), and settled again by the next run', async () => {
      // R5 (closed, settled 11-09): its callback repaired away → 实名差评回访率 3/4 → 2/4 at once.
      const r5 = await prisma.rectificationCase.findFirstOrThrow({ where: { openedAt: new Date('2026-11-09T10:00:01+08:00') } });
      await prisma.rectificationCase.update({ where: { reviewId: r5.reviewId }, data: { callbackOutcome: null } });
      // An online review of 11-24 (a settled day) arrives late: 11 reviews in 金屯镇.
      const seed = new ReviewSeeder(prisma);
      await seed.review({ hallCode: 'jintun', level: 5, createdAt: '2026-11-24T09:00:00+08:00' });
      // And one of 11-13 (a partial day: R7 still 整改中): 12 reviews, 6 of the 11 adopted good.
      await seed.review({ hallCode: 'jintun', level: 4, createdAt: '2026-11-13T15:00:00+08:00' });
      expect((await statusOf()).dirty).toEqual(['2026-11-09', '2026-11-13', '2026-11-24']);
      const jintun = () => get(county, { dimension: 'hall', period: 'month', date: '2026-11-15' }).then(({ body }) => rows(body).find((row) => row.code === 'jintun')!.figures);
      const expected = { reviews: 12, realNameCallbackRate: 0.5, goodRate: 0.5455 };
      expect(await jintun()).toMatchObject(expected);
      const report = await settle();
      expect(report.settled).toEqual(['2026-11-09', '2026-11-24']);
      expect(report.partial).toEqual(['2026-11-13']);
      expect((await statusOf()).dirty).toEqual([]);
      expect(await jintun()).toMatchObject(expected);
    });
  });
});
