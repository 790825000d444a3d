import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig } from '../src/config/app-config';
import { ReviewSeeder } from './helpers/review-seed';

/** Moves one minute on before each test, so that each starts in a fresh window of the per-address limit. */
class SteppingClock extends Clock {
  minutes = 0;
  override now(): Date {
    return new Date(new Date('2026-12-07T10:00:00+08:00').getTime() + this.minutes * 60_000);
  }
}

const LIMIT_PER_MINUTE = 20;
const REVIEWERS = [
  { name: '张三丰', phone: '13900000001' },
  { name: '李四光', phone: '13900000002' },
];
const STAFF = { name: '赵六一', employeeNumber: 'JT-9001' };
const COMMENTS = ['窗口人员王五态度恶劣', '排队两个小时没人管', '材料被要求交了三次'];

/**
 * The public results (issue 14, "Public pages") on a hand-computed fixture; now is Monday 2026-12-07 10:00 Shanghai.
 *
 * 金屯镇, December (this month):
 *   L5 rates case D1 (completed 12-02) · L5 · L4 · ●L2 real-name 张三丰 with a comment: its case 满意 办结, result
 *   recorded 12-02 (rectified, on time) · ●L1 anonymous with a comment: its case overdue (late, not rectified) ·
 *   L1 real-name 李四光 不予采纳 · case D2 completed 12-03, never rated
 *   → reviews 6, adopted 5 (5:2 4:1 3:0 2:1 1:1): 好评率 3/5 = 0.6, 差评率 2/5 = 0.4, 整改率 1/2 = 0.5,
 *     按时办结率 1/2 = 0.5, 参评率 1/2 = 0.5
 * 金屯镇, November: L4, L4, L3 → 3 adopted: 好评率 1, 差评率 0, no bad review (整改率, 按时办结率 none), no case (参评率 none)
 * 金屯镇, March: L5, L5 → 2 adopted: below the minimum of 3
 * 纸坊镇, December: L5 · ●L1 real-name 张三丰 with a comment (no case) → 2 adopted: below the minimum, withheld
 * County, December: reviews 8, adopted 7 (5:3 4:1 3:0 2:1 1:2): 好评率 4/7 = 0.5714, 差评率 3/7 = 0.4286,
 *   整改率 1/3 = 0.3333, 按时办结率 0.5, 参评率 0.5
 * 金屯镇, 2026: adopted 10 (5:4 4:3 3:1 2:1 1:1): 好评率 0.8, 差评率 0.2, 整改率 0.5
 */
describe('GET /api/public/results (结果公开: no sign-in, no personal data)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const clock = new SteppingClock();

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'public-results-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY), {
      publicRequestsPerMinute: LIMIT_PER_MINUTE,
    });
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);
    const jintun = (level: number, createdAt: string, more: Partial<Parameters<ReviewSeeder['review']>[0]> = {}) => seed.review({ hallCode: 'jintun', level, createdAt, ...more });

    await jintun(5, '2026-12-02T11:00:00+08:00', { channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: 'D1', caseCompletedAt: '2026-12-02T10:00:00+08:00' });
    await jintun(5, '2026-12-03T10:00:00+08:00');
    const served = await jintun(4, '2026-12-04T10:00:00+08:00');
    // A member of staff named by a review (the public answers name no one).
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
    const member = await prisma.staff.create({ data: { employeeNumber: STAFF.employeeNumber, name: STAFF.name, hallId: hall.id } });
    await prisma.review.update({ where: { id: served }, data: { staffId: member.id } });
    const rectified = await jintun(2, '2026-12-01T10:00:00+08:00', { reviewer: REVIEWERS[0], comment: COMMENTS[0] });
    await seed.rectification(rectified, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: '2026-12-01T10:00:01+08:00', closedAt: '2026-12-03T10:00:00+08:00', callbackOutcome: 'REACHED', resultRecordedAt: '2026-12-02T10:00:00+08:00' });
    const late = await jintun(1, '2026-12-01T11:00:00+08:00', { comment: COMMENTS[1] });
    await seed.rectification(late, { state: 'RECTIFYING', openedAt: '2026-12-01T11:00:01+08:00', overdue: true, escalationLevel: 1 });
    await jintun(1, '2026-12-05T10:00:00+08:00', { reviewer: REVIEWERS[1], comment: COMMENTS[2], adoption: 'NOT_ADOPTED' });
    await seed.serviceCase({ hallCode: 'jintun', serviceItemCode: 'RS-001', caseNumber: 'D2', completedAt: '2026-12-03T10:00:00+08:00' });

    await jintun(4, '2026-11-03T10:00:00+08:00');
    await jintun(4, '2026-11-10T10:00:00+08:00');
    await jintun(3, '2026-11-30T23:59:59+08:00');
    await jintun(5, '2026-03-03T10:00:00+08:00');
    await jintun(5, '2026-03-04T10:00:00+08:00');

    await seed.review({ hallCode: 'zhifang', level: 5, createdAt: '2026-12-02T10:00:00+08:00' });
    await seed.review({ hallCode: 'zhifang', level: 1, createdAt: '2026-12-03T10:00:00+08:00', reviewer: REVIEWERS[0], comment: COMMENTS[0] });
  });

  beforeEach(() => {
    clock.minutes += 1;
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  type Result = { published: boolean; notice: string | null; figures: Record<string, number | null> | null; levels: Record<string, number> | null };
  type Hall = Result & { code: string; name: string };
  type Point = Result & { key: string; label: string };
  type Body = { period: Record<string, string>; minimumReviews: number; county: Result; halls: Hall[]; hall: Hall; trend: Point[]; notes: Array<{ key: string; label: string }> };

  /** Without any credential: the public pages have none. */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: (text ? JSON.parse(text) : undefined) as Body };
  };

  const JINTUN_DECEMBER = {
    published: true,
    notice: null,
    figures: { reviews: 6, goodRate: 0.6, badRate: 0.4, rectificationRate: 0.5, onTimeRate: 0.5, ratedRate: 0.5 },
    levels: { level5: 2, level4: 1, level3: 0, level2: 1, level1: 1 },
  };
  const WITHHELD = { published: false, notice: '评价数不足3条，暂不公布', figures: null, levels: null };

  it('this month: the county and every hall, 金屯镇 with the hand-computed figures, 纸坊镇 and the empty halls withheld', async () => {
    const { status, body } = await get('/public/results');
    expect(status).toBe(200);
    expect(body.period).toEqual({ key: 'month', label: '2026年12月', from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' });
    expect(body.minimumReviews).toBe(3);
    expect(body.county).toEqual({
      published: true,
      notice: null,
      figures: { reviews: 8, goodRate: 0.5714, badRate: 0.4286, rectificationRate: 0.3333, onTimeRate: 0.5, ratedRate: 0.5 },
      levels: { level5: 3, level4: 1, level3: 0, level2: 1, level1: 2 },
    });
    expect(body.halls.find((hall) => hall.code === 'jintun')).toEqual({ code: 'jintun', name: '金屯镇', ...JINTUN_DECEMBER });
    expect(body.halls.find((hall) => hall.code === 'zhifang')).toEqual({ code: 'zhifang', name: '纸坊镇', ...WITHHELD });
    const halls = await prisma.hall.findMany({ select: { code: true } });
    expect(body.halls.map((hall) => hall.code).sort()).toEqual(halls.map((hall) => hall.code).sort());
    expect(body.halls.filter((hall) => hall.published).map((hall) => hall.code)).toEqual(['jintun']);
    expect(body.notes.map((note) => note.label)).toEqual(['评价总数', '好评率', '差评率', '整改率', '按时办结率', '参评率']);
  });

  it('last month and this year', async () => {
    const november = await get('/public/results/halls/jintun?period=lastMonth');
    expect(november.body.period).toMatchObject({ key: 'lastMonth', label: '2026年11月' });
    expect(november.body.hall).toEqual({
      code: 'jintun',
      name: '金屯镇',
      published: true,
      notice: null,
      figures: { reviews: 3, goodRate: 1, badRate: 0, rectificationRate: null, onTimeRate: null, ratedRate: null },
      levels: { level5: 0, level4: 2, level3: 1, level2: 0, level1: 0 },
    });
    const year = await get('/public/results/halls/jintun?period=year');
    expect(year.body.period).toMatchObject({ key: 'year', label: '2026年', from: '2026-01-01T00:00:00+08:00' });
    expect(year.body.hall.figures).toEqual({ reviews: 11, goodRate: 0.8, badRate: 0.2, rectificationRate: 0.5, onTimeRate: 0.5, ratedRate: 0.5 });
    expect(year.body.hall.levels).toEqual({ level5: 4, level4: 3, level3: 1, level2: 1, level1: 1 });
  });

  it('the figures are the console’s (ResultsService), the public subset of them', async () => {
    const staff = await fetch(`${baseUrl}/results/figures?dimension=hall&period=month&date=2026-12-07`, {
      headers: { 'x-dev-actor': JSON.stringify({ userId: 'county-1', role: 'COUNTY_SUPERVISOR', hallCodes: [] }) },
    });
    const console = (await staff.json()) as { rows: Array<{ code: string; figures: Record<string, number | null> }> };
    const jintun = console.rows.find((row) => row.code === 'jintun')!.figures;
    const { body } = await get('/public/results/halls/jintun');
    for (const [key, value] of Object.entries(body.hall.figures!)) expect([key, value]).toEqual([key, jintun[key]]);
  });

  it('one hall: its figures and a twelve-month trend, each month withheld below the minimum on its own', async () => {
    const { status, body } = await get('/public/results/halls/jintun');
    expect(status).toBe(200);
    expect(body.hall).toEqual({ code: 'jintun', name: '金屯镇', ...JINTUN_DECEMBER });
    expect(body.trend.map((point) => point.key)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-01`));
    expect(body.trend.filter((point) => point.published).map((point) => [point.label, point.figures?.goodRate])).toEqual([
      ['2026年11月', 1],
      ['2026年12月', 0.6],
    ]);
    // March has two reviews: below the minimum, so not even their number is given.
    expect(body.trend.find((point) => point.key === '2026-03-01')).toMatchObject(WITHHELD);
    const zhifang = await get('/public/results/halls/zhifang');
    expect(zhifang.body.hall).toEqual({ code: 'zhifang', name: '纸坊镇', ...WITHHELD });
    expect(zhifang.body.trend.every((point) => !point.published)).toBe(true);
  });

  it('withholds by the admin’s minimum, the rankings’ setting: at 6, 金屯镇’s five adopted reviews are not enough', async () => {
    const setMinimum = (minReviewsToRank: number) =>
      fetch(`${baseUrl}/admin/results-settings`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-dev-actor': JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] }) },
        body: JSON.stringify({ minReviewsToRank }),
      });
    expect((await setMinimum(6)).status).toBe(200);
    try {
      const { body } = await get('/public/results/halls/jintun');
      expect(body.minimumReviews).toBe(6);
      expect(body.hall).toMatchObject({ published: false, notice: '评价数不足6条，暂不公布', figures: null, levels: null });
      const county = await get('/public/results');
      expect(county.body.county.published).toBe(true); // seven adopted county-wide
      expect((await setMinimum(2)).status).toBe(200);
      const two = await get('/public/results/halls/zhifang');
      expect(two.body.hall).toMatchObject({ published: true, figures: { reviews: 2, goodRate: 0.5, badRate: 0.5 } });
    } finally {
      expect((await setMinimum(3)).status).toBe(200);
    }
  });

  it('no personal data anywhere: no reviewer’s name, phone or comment, no member of staff, no internal id', async () => {
    const staff = await prisma.staff.findMany({ select: { name: true, employeeNumber: true } });
    expect(staff.map((member) => member.name)).toContain(STAFF.name);
    const answers = await Promise.all(
      ['', '?period=lastMonth', '?period=year', '/halls/jintun', '/halls/zhifang', '/halls/jintun?period=year'].map(async (path) => (await get(`/public/results${path}`)).text),
    );
    for (const text of answers) {
      for (const reviewer of REVIEWERS) {
        expect(text).not.toContain(reviewer.name);
        expect(text).not.toContain(reviewer.phone);
      }
      for (const comment of COMMENTS) expect(text).not.toContain(comment);
      for (const member of staff) {
        expect(text).not.toContain(member.name);
        expect(text).not.toContain(member.employeeNumber);
      }
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
  });

  it('is cacheable: Cache-Control public, a strong ETag over the body, 304 to If-None-Match, a new one once a review arrives', async () => {
    const first = await get('/public/results/halls/jintun');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(`"${createHash('sha256').update(first.text).digest('base64url')}"`);

    const again = await get('/public/results/halls/jintun', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');
    expect((await get('/public/results/halls/jintun', { 'if-none-match': '"something-else"' })).status).toBe(200);
    // Another period is another body.
    expect((await get('/public/results/halls/jintun?period=year', { 'if-none-match': etag })).status).toBe(200);

    await new ReviewSeeder(prisma).review({ hallCode: 'jintun', level: 5, createdAt: '2026-12-06T10:00:00+08:00' });
    const changed = await get('/public/results/halls/jintun', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.body.hall.figures).toMatchObject({ reviews: 7, goodRate: 0.6667 });
  });

  it('an unknown hall: 404 UNKNOWN_HALL in the one error shape, in Chinese; a wrong period: 422 naming it', async () => {
    for (const code of ['nowhere', '../jintun', 'x'.repeat(80)]) {
      const { status, body } = await get(`/public/results/halls/${encodeURIComponent(code)}`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ statusCode: 404, code: 'UNKNOWN_HALL', path: expect.stringContaining('/api/public/results/halls/') as unknown });
      expect((body as unknown as { message: string }).message).toMatch(/服务大厅/);
    }
    const wrong = await get('/public/results?period=decade');
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'period' }] });
    expect(JSON.stringify(wrong.body)).toMatch(/统计周期/);
  });

  it('is limited per client address like the public intake (429 with Retry-After), in a window of its own', async () => {
    for (let i = 0; i < LIMIT_PER_MINUTE; i += 1) expect((await get('/public/results/halls/jintun')).status).toBe(200);
    const refused = await get('/public/results');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    clock.minutes += 1;
    expect((await get('/public/results')).status).toBe(200);
  });
});
