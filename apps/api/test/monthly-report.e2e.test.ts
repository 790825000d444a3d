import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
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

/** Reviewers whose names and phones must appear nowhere in a 通报. */
const WANG = { name: '王小明', phone: '13912345678' };
const LIU = { name: '刘芳', phone: '13800001111' };
const SUN = { name: '孙丽', phone: '13700002222' };
const COMMENT = '窗口人员态度差，王小明很生气';

/**
 * A hand-computed November 2026 (office hours 09:00–12:00, 13:00–17:00; 11-02 is a Monday; no holidays), ranking
 * minimum 3 (the default):
 *
 * 金屯镇, window 综合受理窗口 / staff 李建国: #1 L5 11-02 · #2 L4 11-03 · #3 L5 11-04 · ●#4 L2 Thu 11-05 10:00 real-name 王小明,
 *   reason B3, comment (never printed); R4 closed 满意, callback REACHED, result Fri 11-06 10:00 → 7 working hours,
 *   on time; its measures name 王小明 and his phone (masked in the report)
 * 金屯镇, window 社保窗口 / staff 赵敏: #5 L5 11-10 · ●#6 L1 11-11 anonymous, reason A1; R6 整改中, overdue, level 1 → late
 * 金屯镇, no window: ●#7 L2 Thu 11-12 10:00 real-name 刘芳, reason B3, 不予采纳: found 不属实, approved Mon 11-16 10:00
 *   (R7 closed REJECTED → on time; 6 + 7 + 1 = 14 working hours), the reason names 刘芳 and her phone · #8 L3 11-20
 * 纸坊镇: #9 L5 11-03 · #10 L4 11-04 · ●#11 L1 11-05 real-name 孙丽; R11 待核实 (pending: neither side)
 * Outside November: 金屯镇 L1 10-31 23:59:59, L1 12-01 00:00.
 *
 * 金屯镇: reviews 8, adopted 7 (#7 not), good 5 (#1 #2 #3 #5 #8), bad 2 (#4 #6) → 好评率 5/7 = 0.7143, 差评率 0.2857;
 *   实名差评回访率 (#4 of #4) 1; 整改率 (#4 of #4 #6) 0.5; 按时办结率 (R4 R7 of R4 R6 R7) 0.6667; handling [7, 14] →
 *   average 10.5, p90 14; 不予采纳 1. Windows: 综合受理窗口 4 reviews 好评率 0.75 (ranked 1); 社保窗口 2 reviews 0.5 and
 *   the no-window row 2 reviews (unranked: fewer than 3). Staff: 李建国 4 reviews 0.75 ranked, 赵敏 2 unranked.
 * 纸坊镇: reviews 3, good 2 → 0.6667, 差评率 0.3333, 实名差评回访率 0/1 = 0, 整改率 0, 按时办结率 none.
 * County: reviews 11, adopted 10, good 7 → 好评率 0.7, 差评率 0.3, 实名差评回访率 (#4 of #4 #11) 0.5, 整改率 1/3 = 0.3333,
 *   按时办结率 2/3 = 0.6667, average 10.5 h, p90 14 h, 不予采纳 1. Halls by 好评率: 金屯镇 1 (0.7143), 纸坊镇 2 (0.6667);
 *   by 按时办结率: 金屯镇 1, 纸坊镇 unranked (no value). Bad-review reasons (adopted): B3 1 (#4; #7 is not adopted), A1 1.
 */
describe('GET /api/reports/monthly (月度通报 on a hand-computed month)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  let labels: Map<string, string>;
  let itemName: string;

  const as = (role: string, hallCodes: string[] = [], departmentCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes, departmentCodes });
  const county = as('COUNTY_SUPERVISOR');

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'monthly-report-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: new FixedClock() });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);

    const jintunHall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const general = await prisma.serviceWindow.create({ data: { hallId: jintunHall.id, code: 'T81', name: '综合受理窗口' } });
    const social = await prisma.serviceWindow.create({ data: { hallId: jintunHall.id, code: 'T82', name: '社保窗口' } });
    const li = await prisma.staff.create({ data: { employeeNumber: 'T-JT-81', name: '李建国', hallId: jintunHall.id, windowId: general.id } });
    const zhao = await prisma.staff.create({ data: { employeeNumber: 'T-JT-82', name: '赵敏', hallId: jintunHall.id, windowId: social.id } });
    const at = (reviewId: string, windowId: string, staffId: string) => prisma.review.update({ where: { id: reviewId }, data: { windowId, staffId } });
    const jintun = (level: number, createdAt: string, more: Partial<Parameters<ReviewSeeder['review']>[0]> = {}) => seed.review({ hallCode: 'jintun', level, createdAt, ...more });
    const entry = (reviewId: string, seq: number, when: string, action: string, details: Record<string, string>) =>
      prisma.rectificationTimelineEntry.create({ data: { reviewId, seq, at: new Date(when), actor: 'handler-1', action, details } });

    for (const [level, day] of [
      [5, '02'],
      [4, '03'],
      [5, '04'],
    ] as const) {
      await at(await jintun(level, `2026-11-${day}T10:00:00+08:00`), general.id, li.id);
    }
    const r4 = await jintun(2, '2026-11-05T10:00:00+08:00', { reviewer: WANG, serviceItemCode: 'RS-001', optionCodes: ['B3'], comment: COMMENT });
    await at(r4, general.id, li.id);
    await seed.rectification(r4, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: '2026-11-05T10:00:01+08:00', closedAt: '2026-11-09T10:00:00+08:00', callbackOutcome: 'REACHED' });
    await entry(r4, 1, '2026-11-06T10:00:00+08:00', '已登记整改结果并反馈评价人，待群众确认', {
      state: 'AWAITING_CONFIRMATION',
      measures: `已电话联系${WANG.name}（${WANG.phone}）当面致歉，窗口人员批评教育`,
      result: '窗口增设导办员1名，2026年11月6日起执行',
    });

    await at(await jintun(5, '2026-11-10T10:00:00+08:00'), social.id, zhao.id);
    const r6 = await jintun(1, '2026-11-11T10:00:00+08:00', { serviceItemCode: 'RS-001', optionCodes: ['A1'] });
    await at(r6, social.id, zhao.id);
    await seed.rectification(r6, { state: 'RECTIFYING', openedAt: '2026-11-11T10:00:01+08:00', overdue: true, escalationLevel: 1 });

    const r7 = await jintun(2, '2026-11-12T10:00:00+08:00', { reviewer: LIU, serviceItemCode: 'RS-001', optionCodes: ['B3'], adoption: 'NOT_ADOPTED' });
    await seed.rectification(r7, { state: 'CLOSED', outcome: 'REJECTED', openedAt: '2026-11-12T10:00:01+08:00', closedAt: '2026-11-16T10:00:00+08:00' });
    await entry(r7, 1, '2026-11-13T10:00:00+08:00', '核实不属实，提请不予采纳', { state: 'REJECTION_PENDING', finding: 'UNTRUE', evidenceNotes: `监控显示${LIU.name}当日未到窗口` });
    await entry(r7, 2, '2026-11-16T10:00:00+08:00', '同意不予采纳，差评保留备查、不计入好评率', {
      state: 'CLOSED',
      decision: 'APPROVE',
      reason: `经调取监控，${LIU.name}（${LIU.phone}）当日未到本窗口办理业务`,
    });
    await jintun(3, '2026-11-20T10:00:00+08:00');
    await jintun(1, '2026-10-31T23:59:59+08:00');
    await jintun(1, '2026-12-01T00:00:00+08:00');

    await seed.review({ hallCode: 'zhifang', level: 5, createdAt: '2026-11-03T10:00:00+08:00' });
    await seed.review({ hallCode: 'zhifang', level: 4, createdAt: '2026-11-04T10:00:00+08:00' });
    const r11 = await seed.review({ hallCode: 'zhifang', level: 1, createdAt: '2026-11-05T10:00:00+08:00', reviewer: SUN });
    await seed.rectification(r11, { state: 'PENDING_VERIFICATION', openedAt: '2026-11-05T10:00:01+08:00' });

    // 优化清单: accepted in November (金屯镇, 整改中), accepted in October and still open (纸坊镇, owned by 金屯镇 as
    // the hall that handles its 社保 cases), done in October (not November's), accepted in December (not yet).
    const zhifangHall = await prisma.hall.findUniqueOrThrow({ where: { code: 'zhifang' } });
    const rs001 = await prisma.serviceItem.findUniqueOrThrow({ where: { code: 'RS-001' } });
    const improvement = (title: string, hallId: string, ownerHallId: string, createdAt: string, status: string, doneAt?: string) =>
      prisma.improvementItem.create({
        data: {
          id: randomUUID(), recurrenceKey: `test:${title}`, hallId, serviceItemId: rs001.id, reasonKind: 'OPTION', reasonCode: 'B3', reasonLabel: 'B3', title,
          ownerKind: 'HALL', ownerHallId, dueDate: new Date('2026-12-31T00:00:00Z'), status, acceptedBy: 'county-1', createdAt: new Date(createdAt), doneAt: doneAt ? new Date(doneAt) : null,
        },
      });
    await improvement('社保登记材料反复补正', jintunHall.id, jintunHall.id, '2026-11-10T10:00:00+08:00', 'IN_PROGRESS');
    await improvement('纸坊镇排队等候时间长', zhifangHall.id, jintunHall.id, '2026-10-05T10:00:00+08:00', 'PENDING');
    await improvement('十月已完成的事项', jintunHall.id, jintunHall.id, '2026-10-01T10:00:00+08:00', 'DONE', '2026-10-20T10:00:00+08:00');
    await improvement('十二月的事项', jintunHall.id, jintunHall.id, '2026-12-02T10:00:00+08:00', 'PENDING');

    const options = await prisma.reviewOption.findMany({ where: { code: { in: ['A1', 'B3'] } }, include: { optionSet: true }, orderBy: { optionSet: { version: 'asc' } } });
    labels = new Map(options.map((option) => [option.code, option.label]));
    itemName = (await prisma.serviceItem.findUniqueOrThrow({ where: { code: 'RS-001' } })).name;
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const get = async (actor: string, params: Record<string, string>) => {
    const response = await fetch(`${baseUrl}/reports/monthly?${new URLSearchParams(params).toString()}`, { headers: { 'x-dev-actor': actor } });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as Report };
  };
  type Entry = { rank: number | null; name: string; reviews: number; value: number | null };
  type Ranking = { dimension: string; figure: string; minimumReviews: number; ranked: Entry[]; unranked: Entry[] };
  type Report = {
    scope: string;
    title: string;
    hall: { code: string; name: string } | null;
    period: Record<string, string>;
    figures: Record<string, number | null>;
    breakdown: Array<{ code: string | null; name: string; figures: Record<string, number | null> }>;
    rankings: Ranking[];
    badReasons: Array<{ code: string; label: string; badReviews: number }>;
    notAdopted: Array<Record<string, unknown>>;
    lateCases: Array<Record<string, unknown>>;
    lateCaseCount: number;
    typicalCases: Array<Record<string, unknown>>;
    improvements?: unknown[];
    code?: string;
    message?: string;
  };
  const ranking = (report: Report, dimension: string, figure: string) => report.rankings.find((entry) => entry.dimension === dimension && entry.figure === figure)!;
  const places = (entries: Entry[]) => entries.map((entry) => [entry.rank, entry.name, entry.reviews, entry.value]);

  describe('the county’s 通报 for November', () => {
    let report: Report;
    let text: string;
    beforeAll(async () => {
      const response = await get(county, { month: '2026-11' });
      expect(response.status).toBe(200);
      ({ body: report, text } = response);
    });

    it('is titled for the county and the month', () => {
      expect(report).toMatchObject({ scope: 'county', hall: null, title: '嘉祥县政务服务“好差评”情况通报（2026年11月）' });
      expect(report.period).toEqual({ kind: 'month', from: '2026-11-01T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00', label: '2026年11月' });
    });

    it('has the headline figures of the hand-computed table', () => {
      expect(report.figures).toMatchObject({
        reviews: 11,
        goodRate: 0.7,
        badRate: 0.3,
        realNameCallbackRate: 0.5,
        rectificationRate: 0.3333,
        onTimeRate: 0.6667,
        ratedRate: null,
        averageHandlingHours: 10.5,
        p90HandlingHours: 14,
        notAdopted: 1,
      });
    });

    it('gives every hall’s row, and ranks the halls by 好评率 and by 按时办结率 (a hall without a value unranked)', () => {
      const jintun = report.breakdown.find((row) => row.code === 'jintun')!;
      expect(jintun.figures).toMatchObject({ reviews: 8, goodRate: 0.7143, badRate: 0.2857, realNameCallbackRate: 1, rectificationRate: 0.5, onTimeRate: 0.6667, notAdopted: 1 });
      expect(report.breakdown.find((row) => row.code === 'zhifang')!.figures).toMatchObject({ reviews: 3, goodRate: 0.6667, realNameCallbackRate: 0, onTimeRate: null });
      const good = ranking(report, 'hall', 'goodRate');
      expect(good.minimumReviews).toBe(3);
      expect(places(good.ranked)).toEqual([
        [1, '金屯镇', 8, 0.7143],
        [2, '纸坊镇', 3, 0.6667],
      ]);
      const onTime = ranking(report, 'hall', 'onTimeRate');
      expect(places(onTime.ranked)).toEqual([[1, '金屯镇', 8, 0.6667]]);
      expect(onTime.unranked.find((entry) => entry.name === '纸坊镇')).toMatchObject({ rank: null, reviews: 3, value: null });
    });

    it('counts the reasons of adopted bad reviews only', () => {
      expect(report.badReasons.map((reason) => [reason.code, reason.label, reason.badReviews]).sort()).toEqual([
        ['A1', labels.get('A1'), 1],
        ['B3', labels.get('B3'), 1],
      ]);
    });

    it('lists the 不予采纳 review with the finding and the county’s reason, the reviewer masked', () => {
      expect(report.notAdopted).toEqual([
        {
          reviewedOn: '2026-11-12',
          hallName: '金屯镇',
          windowName: null,
          serviceItemName: itemName,
          levelLabel: '不满意',
          reasons: [labels.get('B3')],
          finding: '核实不属实',
          reason: '经调取监控，刘某（＊＊＊＊＊＊＊＊＊＊＊）当日未到本窗口办理业务',
          decidedOn: '2026-11-16',
        },
      ]);
    });

    it('lists the late case with why it is late', () => {
      expect(report.lateCaseCount).toBe(1);
      expect(report.lateCases).toEqual([
        { reviewedOn: '2026-11-11', hallName: '金屯镇', serviceItemName: itemName, levelLabel: '非常不满意', stateLabel: '整改中', lateReasons: ['当前逾期未办', '超期已告知镇街分管领导'] },
      ]);
    });

    it('tells the typical case with its rectification, anonymised', () => {
      expect(report.typicalCases).toEqual([
        {
          reviewedOn: '2026-11-05',
          hallName: '金屯镇',
          windowName: '综合受理窗口',
          serviceItemName: itemName,
          levelLabel: '不满意',
          reasons: [labels.get('B3')],
          categoryLabel: null,
          measures: '已电话联系王某（＊＊＊＊＊＊＊＊＊＊＊）当面致歉，窗口人员批评教育',
          result: '窗口增设导办员1名，2026年11月6日起执行',
          stateLabel: '已办结',
          outcomeLabel: '满意',
        },
      ]);
    });

    it('lists the 优化清单 items accepted in November or open at its end, oldest first (not one done in October, not one of December)', () => {
      const item = { serviceItemName: itemName, ownerName: '金屯镇', dueDate: '2026-12-31' };
      expect(report.improvements).toEqual([
        { title: '纸坊镇排队等候时间长', hallName: '纸坊镇', statusLabel: '待整改', reviewCount: 0, ...item },
        { title: '社保登记材料反复补正', hallName: '金屯镇', statusLabel: '整改中', reviewCount: 0, ...item },
      ]);
    });

    it('carries no reviewer’s name, phone or comment anywhere', () => {
      for (const secret of [WANG.name, '小明', WANG.phone, LIU.name, LIU.phone, SUN.name, SUN.phone, COMMENT, '态度差']) {
        expect([secret, text.includes(secret)]).toEqual([secret, false]);
      }
    });
  });

  describe('a hall’s 通报', () => {
    it('金屯镇 for the county: its figures, its windows and staff ranked with the minimum of 3 reviews', async () => {
      const { status, body } = await get(county, { month: '2026-11', hallCode: 'jintun' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ scope: 'hall', hall: { code: 'jintun', name: '金屯镇' }, title: '金屯镇为民服务大厅政务服务“好差评”情况通报（2026年11月）' });
      expect(body.figures).toMatchObject({ reviews: 8, goodRate: 0.7143, onTimeRate: 0.6667, averageHandlingHours: 10.5, notAdopted: 1 });
      const windows = ranking(body, 'window', 'goodRate');
      expect(places(windows.ranked)).toEqual([[1, '金屯镇 综合受理窗口', 4, 0.75]]);
      expect(places(windows.unranked)).toEqual([
        [null, '金屯镇 社保窗口', 2, 0.5],
        [null, '未登记', 2, 1],
      ]);
      const staff = ranking(body, 'staff', 'goodRate');
      expect(places(staff.ranked)).toEqual([[1, '李建国', 4, 0.75]]);
      expect(staff.unranked.map((entry) => entry.name)).toEqual(expect.arrayContaining(['赵敏']));
      expect(body.lateCases.map((item) => item.hallName)).toEqual(['金屯镇']);
      // Its 优化清单: the items about it and the one it owns.
      expect(body.improvements?.map((item) => (item as { title: string }).title)).toEqual(['纸坊镇排队等候时间长', '社保登记材料反复补正']);
    });

    it('纸坊镇 for its own handler: its month only, nothing of 金屯镇’s lists', async () => {
      const { status, body } = await get(as('HANDLER', ['zhifang']), { month: '2026-11', hallCode: 'zhifang' });
      expect(status).toBe(200);
      expect(body.figures).toMatchObject({ reviews: 3, goodRate: 0.6667, badRate: 0.3333, notAdopted: 0 });
      expect([body.notAdopted, body.lateCases, body.typicalCases]).toEqual([[], [], []]);
      expect(body.improvements?.map((item) => (item as { title: string }).title)).toEqual(['纸坊镇排队等候时间长']);
    });

    it('a lower minimum ranks what had too few reviews (admin setting)', async () => {
      const admin = as('ADMIN');
      const put = (value: number) =>
        fetch(`${baseUrl}/admin/results-settings`, { method: 'PUT', headers: { 'x-dev-actor': admin, 'content-type': 'application/json' }, body: JSON.stringify({ minReviewsToRank: value }) });
      expect((await put(2)).status).toBe(200);
      try {
        const { body } = await get(county, { month: '2026-11', hallCode: 'jintun' });
        const windows = ranking(body, 'window', 'goodRate');
        expect(windows.minimumReviews).toBe(2);
        expect(places(windows.ranked)).toEqual([
          [1, '未登记', 2, 1],
          [2, '金屯镇 综合受理窗口', 4, 0.75],
          [3, '金屯镇 社保窗口', 2, 0.5],
        ]);
      } finally {
        expect((await put(3)).status).toBe(200);
      }
    });
  });

  describe('access and bad input (the one error shape, in Chinese)', () => {
    it.each([
      ['a town handler asking for another hall', as('HANDLER', ['zhifang']), { hallCode: 'jintun' }, 403, 'HALL_OUT_OF_SCOPE'],
      ['a town leader asking for the county’s report', as('TOWN_LEADER', ['zhifang']), {}, 403, 'COUNTY_REPORT_OUT_OF_SCOPE'],
      ['a department’s guide', as('DEPT_GUIDE', [], ['yibao']), { hallCode: 'jintun' }, 403, undefined],
      ['the county naming no hall that exists', county, { hallCode: 'nowhere' }, 404, 'HALL_NOT_FOUND'],
    ])('%s: %i', async (_, actor, params, status, code) => {
      const { status: got, body } = await get(actor, { month: '2026-11', ...params });
      expect(got).toBe(status);
      if (code) expect(body.code).toBe(code);
      expect(body.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it.each([[{ month: '2026-13' }], [{ month: '2026-1' }], [{}], [{ month: '2026-11', hallCode: 'x y' }]])('refuses %j with 422', async (params) => {
      const { status, body } = await get(county, params);
      expect(status).toBe(422);
      expect(body.code).toBe('VALIDATION_FAILED');
    });
  });

  it('documents every status of the operation in OpenAPI', async () => {
    type Operation = { responses: Record<string, unknown> };
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    expect(Object.keys(document.paths['/api/reports/monthly']?.get?.responses ?? {}).sort()).toEqual(['200', '401', '403', '404', '422', '503']);
  });
});
