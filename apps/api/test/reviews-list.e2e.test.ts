import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { ReviewSeeder } from './helpers/review-seed';

interface ReviewRow {
  id: string;
  hallCode: string;
  level: number;
  levelLabel: string;
  channelLabel: string;
  caseNumber: string | null;
  departmentName: string | null;
  options: Array<{ code: string; label: string }>;
  reviewerName: string | null;
  reviewerPhone: string | null;
  trackingCode: string;
  rectification: { state: string; stateLabel: string } | null;
}

/** 评价记录 over HTTP: filters, the caller's scope, the masked reviewer and the CSV export. */
describe('GET /api/reviews (评价记录)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const ids: Record<string, string> = {};

  const as = (role: string, scope: { hallCodes?: string[]; departmentCodes?: string[] } = {}) =>
    JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes: scope.hallCodes ?? [], departmentCodes: scope.departmentCodes ?? [] });
  const county = as('COUNTY_SUPERVISOR');
  const jintunHandler = as('HANDLER', { hallCodes: ['jintun'] });
  const yibaoGuide = as('DEPT_GUIDE', { departmentCodes: ['yibao'] });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'reviews-list-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);

    ids.slowWindow = await seed.review({
      hallCode: 'jintun', level: 2, channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: 'JT-2026-0001', optionCodes: ['B3'],
      comment: '等候时间太长', reviewer: { name: '张三丰', phone: '13812345678' }, createdAt: '2026-11-02T10:00:00+08:00',
    });
    await seed.rectification(ids.slowWindow, { state: 'RECTIFYING', openedAt: '2026-11-02T10:00:01+08:00' });
    ids.onlinePraise = await seed.review({ hallCode: 'jintun', level: 5, channel: 'ONLINE_PORTAL', serviceItemCode: 'YB-003', comment: '网上办很方便', createdAt: '2026-11-03T09:00:00+08:00' });
    ids.rejected = await seed.review({ hallCode: 'jintun', level: 1, channel: 'HOTLINE', comment: '无理要求', adoption: 'NOT_ADOPTED', createdAt: '2026-11-04T15:00:00+08:00' });
    await seed.rectification(ids.rejected, { state: 'CLOSED', outcome: 'REJECTED', openedAt: '2026-11-04T15:00:01+08:00', closedAt: '2026-11-05T10:00:00+08:00' });
    ids.octoberFair = await seed.review({ hallCode: 'jintun', level: 3, channel: 'PUBLIC_FORM', createdAt: '2026-10-20T11:00:00+08:00' });
    ids.zhifangWindow = await seed.review({ hallCode: 'zhifang', level: 4, channel: 'WINDOW_QR', serviceItemCode: 'RS-001', createdAt: '2026-11-02T11:00:00+08:00' });
    ids.zhifangCoordinated = await seed.review({
      hallCode: 'zhifang', level: 1, channel: 'PUBLIC_FORM', comment: '医保报销跑了三趟', reviewer: { name: '李四', phone: '13900001111' }, createdAt: '2026-11-05T09:30:00+08:00',
    });
    await seed.rectification(ids.zhifangCoordinated, { state: 'RECTIFYING', openedAt: '2026-11-05T09:30:01+08:00', invitedDepartmentCodes: ['yibao'] });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const query = (params: Record<string, unknown>) => new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)])).toString();
  const list = (params: Record<string, unknown>, actor = county) => fetch(`${baseUrl}/reviews?${query(params)}`, { headers: { 'x-dev-actor': actor } });
  const get = (id: string, actor = county) => fetch(`${baseUrl}/reviews/${id}`, { headers: { 'x-dev-actor': actor } });
  const exportCsv = (params: Record<string, unknown>, actor = county) => fetch(`${baseUrl}/reviews/export.csv?${query(params)}`, { headers: { 'x-dev-actor': actor } });

  async function listedNames(params: Record<string, unknown>, actor = county): Promise<string[]> {
    const response = await list(params, actor);
    expect(response.status).toBe(200);
    const rows = (await response.json()) as ReviewRow[];
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return rows.map((row) => names[row.id] ?? row.id).sort();
  }

  describe('filters (the county sees every hall)', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      ['no filter: every review', {}, ['octoberFair', 'onlinePraise', 'rejected', 'slowWindow', 'zhifangCoordinated', 'zhifangWindow']],
      ['hall', { hallCode: ['jintun'] }, ['octoberFair', 'onlinePraise', 'rejected', 'slowWindow']],
      ['channel', { channel: 'WINDOW_QR' }, ['slowWindow', 'zhifangWindow']],
      ['several channels', { channel: ['HOTLINE', 'ONLINE_PORTAL'] }, ['onlinePraise', 'rejected']],
      ['level (差评)', { level: [1, 2] }, ['rejected', 'slowWindow', 'zhifangCoordinated']],
      ['date range, the end exclusive', { createdFrom: '2026-11-02T00:00:00+08:00', createdTo: '2026-11-04T15:00:00+08:00' }, ['onlinePraise', 'slowWindow', 'zhifangWindow']],
      ['adoption', { adoption: 'NOT_ADOPTED' }, ['rejected']],
      ['has a rectification case', { hasRectification: true }, ['rejected', 'slowWindow', 'zhifangCoordinated']],
      ['has no rectification case', { hasRectification: false }, ['octoberFair', 'onlinePraise', 'zhifangWindow']],
      ['service item', { serviceItemCode: ['RS-001'] }, ['slowWindow', 'zhifangWindow']],
      ['department of the item', { departmentCode: ['yibao'] }, ['onlinePraise']],
      ['text in the comment', { q: '等候' }, ['slowWindow']],
      ['text in the case number', { q: 'jt-2026' }, ['slowWindow']],
      ['hall and level together', { hallCode: ['zhifang'], level: [1] }, ['zhifangCoordinated']],
    ])('%s', async (_what, filter, expected) => {
      expect(await listedNames({ filter })).toEqual(expected);
    });

    it('finds a review by its whole tracking code, typed in lower case', async () => {
      const { trackingCode } = (await (await get(ids.onlinePraise)).json()) as ReviewRow;
      expect(await listedNames({ filter: { q: trackingCode.toLowerCase() } })).toEqual(['onlinePraise']);
    });

    it('sorts and pages as react-admin asks, with the total in Content-Range', async () => {
      const response = await list({ sort: ['level', 'ASC'], range: [0, 1], filter: { hallCode: ['jintun'] } });
      expect(response.headers.get('content-range')).toBe('reviews 0-1/4');
      expect(((await response.json()) as ReviewRow[]).map((row) => row.level)).toEqual([1, 2]);
      const newestFirst = (await (await list({ filter: { hallCode: ['zhifang'] } })).json()) as ReviewRow[];
      expect(newestFirst.map((row) => row.id)).toEqual([ids.zhifangCoordinated, ids.zhifangWindow]);
    });

    it('refuses an unknown filter or a level out of 1–5 (422 naming the parameter)', async () => {
      for (const filter of [{ stars: 5 }, { level: [6] }]) {
        const response = await list({ filter });
        expect(response.status).toBe(422);
        const body = (await response.json()) as { errors: Array<{ field: string }> };
        expect(body.errors[0]?.field).toBe(`filter.${Object.keys(filter)[0]}`);
      }
    });

    it('labels a row in Chinese: level, channel, reasons of the option set version used, department, the case', async () => {
      const response = await get(ids.slowWindow);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        levelLabel: '不满意',
        channelLabel: '窗口二维码',
        options: [{ code: 'B3', label: '办理效率低、等候时间长' }],
        departmentName: '人社局',
        caseNumber: 'JT-2026-0001',
        adoptionLabel: '已采纳',
        rectification: { state: 'RECTIFYING', stateLabel: '整改中', overdue: false, escalationLevel: 0 },
      });
      expect(await (await get(ids.slowWindow)).json()).toMatchObject({ ratesCase: true });
    });

    it('shows the case a staff entry is about, marked as not its rating, and finds the entry by that case number', async () => {
      const aboutCase = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JT-2026-0001' } });
      const entry = await prisma.review.create({
        data: { hallId: aboutCase.hallId, aboutCaseId: aboutCase.id, level: 4, channel: 'MAILBOX', enteredBy: 'handler-1', trackingCode: 'TESTMAILBX', clientKey: 'reviews-list-about-case', createdAt: new Date('2026-11-06T09:00:00+08:00') },
      });
      try {
        expect(await (await get(entry.id)).json()).toMatchObject({ caseId: aboutCase.id, caseNumber: 'JT-2026-0001', ratesCase: false, channelLabel: '意见箱' });
        expect((await listedNames({ filter: { q: 'jt-2026' } })).sort()).toEqual([entry.id, 'slowWindow'].sort());
      } finally {
        await prisma.review.delete({ where: { id: entry.id } });
      }
    });
  });

  describe('scope', () => {
    it("lists a handler only their hall's reviews, whatever the filter asks", async () => {
      expect(await listedNames({}, jintunHandler)).toEqual(['octoberFair', 'onlinePraise', 'rejected', 'slowWindow']);
      const response = await list({ filter: { hallCode: ['zhifang'] } }, jintunHandler);
      expect(response.headers.get('content-range')).toBe('reviews */0');
      expect(await response.json()).toEqual([]);
      expect(await listedNames({ filter: { id: [ids.zhifangWindow] } }, jintunHandler)).toEqual([]);
    });

    it("refuses a handler another hall's review (403) and answers 404 for an unknown id", async () => {
      expect((await get(ids.slowWindow, jintunHandler)).status).toBe(200);
      const refused = await get(ids.zhifangWindow, jintunHandler);
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { message: string }).message).toBe('无权查看其他镇街的评价');
      expect((await get('00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('not-a-uuid')).status).toBe(404);
    });

    it("shows a department's guide exactly the bad reviews of the cases their department was invited to", async () => {
      expect(await listedNames({}, yibaoGuide)).toEqual(['zhifangCoordinated']);
      expect((await get(ids.zhifangCoordinated, yibaoGuide)).status).toBe(200);
      // A review of one of the department's items is the hall's business until the department is invited.
      expect((await get(ids.onlinePraise, yibaoGuide)).status).toBe(403);
    });
  });

  describe('the reviewer stays masked', () => {
    it('in the list and the detail, for the county and the hall alike', async () => {
      for (const actor of [county, jintunHandler]) {
        const listed = (await (await list({ filter: { id: [ids.slowWindow] } }, actor)).json()) as ReviewRow[];
        const detail = (await (await get(ids.slowWindow, actor)).json()) as ReviewRow;
        for (const row of [listed[0], detail]) expect(row).toMatchObject({ reviewerName: '张**', reviewerPhone: '138****5678' });
        expect(JSON.stringify([listed, detail])).not.toMatch(/张三丰|13812345678/);
      }
      const anonymous = (await (await get(ids.onlinePraise)).json()) as ReviewRow;
      expect(anonymous).toMatchObject({ reviewerName: null, reviewerPhone: null });
    });
  });

  describe('CSV export of the current filter', () => {
    it('is UTF-8 with a BOM and Chinese headers, one line per review the filter matches, the reviewer masked', async () => {
      const response = await exportCsv({ filter: { level: [1, 2] }, sort: ['createdAt', 'ASC'] });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('评价记录.csv'));
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
      expect(lines[0]).toBe('评价时间,服务大厅,窗口,工作人员,评价渠道,评价等级,评价原因,评价内容,办件编号,服务事项,主管部门,评价人类型,评价人,联系电话,采纳情况,整改状态,查询码');
      expect(lines).toHaveLength(4);
      expect(lines[1]).toMatch(/^2026-11-02 10:00:00,金屯镇,,,窗口二维码,不满意,办理效率低、等候时间长,等候时间太长,JT-2026-0001,城乡居民基本养老保险参保登记,人社局,实名,张\*\*,138\*\*\*\*5678,已采纳,整改中,[0-9A-F]{10}$/);
      expect(lines[2]).toMatch(/^2026-11-04 15:00:00,金屯镇,,,服务热线,非常不满意,,无理要求,,,,匿名,,,不予采纳,已办结,/);
      expect(lines[3]).toMatch(/^2026-11-05 09:30:00,纸坊镇,/);
    });

    it("exports only the caller's scope: a handler asking for another hall gets the header alone", async () => {
      const own = (await (await exportCsv({}, jintunHandler)).text()).trimEnd().split('\r\n');
      expect(own).toHaveLength(5);
      expect(own.slice(1).every((line) => line.includes(',金屯镇,'))).toBe(true);
      const other = (await (await exportCsv({ filter: { hallCode: ['zhifang'] } }, jintunHandler)).text()).trimEnd().split('\r\n');
      expect(other).toHaveLength(1);
    });
  });
});
