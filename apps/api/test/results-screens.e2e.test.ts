import ExcelJS from 'exceljs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { FIGURE_KEYS, FIGURES } from '@haochaping/contracts';
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

/**
 * A hand-computed first half of November 2026 for the 统计分析 screens: trends, rankings and exports.
 *
 * Week 1, Mon 11-02 to Sun 11-08:
 *   金屯镇 L5 11-02 10:00 · L4 11-03 23:30 (still the 3rd in Shanghai) · ●L1 11-04 10:00 real-name, its case closed
 *   满意 on time (result 11-05)
 *   纸坊镇 ●L2 11-08 23:59:59 (no case)
 *   → reviews 4, levels 5:1 4:1 3:0 2:1 1:1, 好评率 2/4 = 0.5, 差评率 0.5, 按时办结率 1/1 = 1
 * Week 2, Mon 11-09 to Sun 11-15 (all 金屯镇):
 *   L3 11-09 00:00 · ●L1 11-10 10:00, its case overdue (late) · L4 11-12 不予采纳 · L5 11-15 23:59:59
 *   → reviews 4, levels 5:1 4:0 3:1 2:0 1:1, 好评率 2/3 = 0.6667, 差评率 0.3333, 按时办结率 0/1 = 0, 不予采纳 1
 * Then 金屯镇 L5 11-16 00:00 (week 3).
 *
 * November per hall: 金屯镇 8 reviews, 7 adopted, good 5 → 好评率 0.7143, 差评率 0.2857; 纸坊镇 1 review, 好评率 0,
 * 差评率 1; every other hall nothing.
 */
describe('统计分析 screens: trend, rankings with a minimum, xlsx and CSV exports', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;

  const as = (role: string, hallCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes, departmentCodes: [] });
  const county = as('COUNTY_SUPERVISOR');
  const admin = as('ADMIN');

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'results-screens-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: new FixedClock() });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);

    await seed.review({ hallCode: 'jintun', level: 5, createdAt: '2026-11-02T10:00:00+08:00' });
    await seed.review({ hallCode: 'jintun', level: 4, createdAt: '2026-11-03T23:30:00+08:00' });
    const onTime = await seed.review({ hallCode: 'jintun', level: 1, createdAt: '2026-11-04T10:00:00+08:00', reviewer: { name: '张三', phone: '13900000001' } });
    await seed.rectification(onTime, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: '2026-11-04T10:00:01+08:00', closedAt: '2026-11-06T10:00:00+08:00', callbackOutcome: 'REACHED', resultRecordedAt: '2026-11-05T10:00:00+08:00' });
    await seed.review({ hallCode: 'zhifang', level: 2, createdAt: '2026-11-08T23:59:59+08:00' });

    await seed.review({ hallCode: 'jintun', level: 3, createdAt: '2026-11-09T00:00:00+08:00' });
    const late = await seed.review({ hallCode: 'jintun', level: 1, createdAt: '2026-11-10T10:00:00+08:00' });
    await seed.rectification(late, { state: 'RECTIFYING', openedAt: '2026-11-10T10:00:01+08:00', overdue: true, escalationLevel: 1 });
    await seed.review({ hallCode: 'jintun', level: 4, createdAt: '2026-11-12T10:00:00+08:00', adoption: 'NOT_ADOPTED' });
    await seed.review({ hallCode: 'jintun', level: 5, createdAt: '2026-11-15T23:59:59+08:00' });

    await seed.review({ hallCode: 'jintun', level: 5, createdAt: '2026-11-16T00:00:00+08:00' });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const request = async (actor: string, path: string, params: Record<string, string> = {}, init: RequestInit = {}) => {
    const query = new URLSearchParams(params).toString();
    return fetch(`${baseUrl}${path}${query ? `?${query}` : ''}`, { ...init, headers: { 'x-dev-actor': actor, ...(init.body ? { 'content-type': 'application/json' } : {}) } });
  };
  type Figures = Record<string, number | null>;
  type Bucket = { key: string; label: string; levels: Record<string, number>; figures: Figures };
  type Entry = { rank: number | null; key: string | null; code: string | null; name: string; reviews: number; value: number | null };
  /** Every body these endpoints answer, as far as the tests read it (an error has statusCode, code, errors). */
  type Body = Record<string, unknown> & {
    buckets: Bucket[];
    ranked: Entry[];
    unranked: Entry[];
    errors: Array<{ field: string; message: string }>;
    minReviewsToRank?: number;
    order?: string;
  };
  const json = async (actor: string, path: string, params: Record<string, string> = {}, init: RequestInit = {}) => {
    const response = await request(actor, path, params, init);
    return { status: response.status, body: (await response.json()) as Body };
  };

  describe('GET /api/results/trend', () => {
    it('per ISO week: the levels and rates of each week, with the Monday 00:00 and Sunday 23:59:59 edges in their own week', async () => {
      const { status, body } = await json(county, '/results/trend', { bucket: 'week', from: '2026-11-02', to: '2026-11-15' });
      expect(status).toBe(200);
      expect(body).toMatchObject({ bucket: 'week', from: '2026-11-02T00:00:00+08:00', to: '2026-11-16T00:00:00+08:00', hallCode: null });
      expect(body.buckets.map((bucket) => ({ key: bucket.key, label: bucket.label, levels: bucket.levels, reviews: bucket.figures.reviews, goodRate: bucket.figures.goodRate, badRate: bucket.figures.badRate, onTimeRate: bucket.figures.onTimeRate, notAdopted: bucket.figures.notAdopted }))).toEqual([
        { key: '2026-11-02', label: '2026-11-02 至 2026-11-08', levels: { level5: 1, level4: 1, level3: 0, level2: 1, level1: 1 }, reviews: 4, goodRate: 0.5, badRate: 0.5, onTimeRate: 1, notAdopted: 0 },
        { key: '2026-11-09', label: '2026-11-09 至 2026-11-15', levels: { level5: 1, level4: 0, level3: 1, level2: 0, level1: 1 }, reviews: 4, goodRate: 0.6667, badRate: 0.3333, onTimeRate: 0, notAdopted: 1 },
      ]);
    });

    it('per day: 23:30 on the 3rd is the 3rd in Shanghai; a day with nothing has its bucket and no rates', async () => {
      const { body } = await json(county, '/results/trend', { bucket: 'day', from: '2026-11-02', to: '2026-11-05' });
      expect(body.buckets.map((bucket) => [bucket.key, bucket.figures.reviews, bucket.figures.goodRate, bucket.figures.onTimeRate])).toEqual([
        ['2026-11-02', 1, 1, null],
        ['2026-11-03', 1, 1, null],
        ['2026-11-04', 1, 0, 1],
        ['2026-11-05', 0, null, null],
      ]);
    });

    it('per month from mid-October: October empty, November 9 reviews, 好评率 5/8', async () => {
      const { body } = await json(county, '/results/trend', { bucket: 'month', from: '2026-10-15', to: '2026-11-30' });
      expect(body.buckets.map((bucket) => [bucket.key, bucket.label, bucket.figures.reviews, bucket.figures.goodRate])).toEqual([
        ['2026-10-01', '2026年10月', 0, null],
        ['2026-11-01', '2026年11月', 9, 0.625],
      ]);
    });

    it('one hall: 金屯镇 in week 1 without 纸坊镇’s bad review (好评率 2/3)', async () => {
      const { body } = await json(county, '/results/trend', { bucket: 'week', from: '2026-11-02', to: '2026-11-08', hallCode: 'jintun' });
      expect(body.hallCode).toBe('jintun');
      expect(body.buckets).toHaveLength(1);
      expect(body.buckets[0].figures).toMatchObject({ reviews: 3, goodRate: 0.6667, badRate: 0.3333, onTimeRate: 1 });
    });

    it('a town handler gets its own hall’s trend and is refused another hall (403, Chinese)', async () => {
      const own = await json(as('HANDLER', ['zhifang']), '/results/trend', { bucket: 'week', from: '2026-11-02', to: '2026-11-08' });
      expect(own.body.buckets[0].figures).toMatchObject({ reviews: 1, badRate: 1 });
      const other = await json(as('HANDLER', ['zhifang']), '/results/trend', { bucket: 'week', from: '2026-11-02', to: '2026-11-08', hallCode: 'jintun' });
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ statusCode: 403, code: 'HALL_OUT_OF_SCOPE', message: '无权查看该服务大厅的统计' });
    });

    it.each([
      [{ bucket: 'hour', from: '2026-11-01', to: '2026-11-02' }, 'bucket'],
      [{ bucket: 'day', to: '2026-11-02' }, 'from'],
      [{ bucket: 'day', from: '2026-11-01', to: '2026-11-31x' }, 'to'],
      [{ bucket: 'day', from: '2026-11-05', to: '2026-11-01' }, 'to'],
      [{ bucket: 'day', from: '2025-01-01', to: '2026-12-31' }, 'to'],
    ])('refuses %j with 422 naming %s, in Chinese', async (params, field) => {
      const { status, body } = await json(county, '/results/trend', params);
      expect(status).toBe(422);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors.map((error) => error.field)).toContain(field);
      expect(JSON.stringify(body.errors)).toMatch(/[\u4e00-\u9fa5]/);
    });
  });

  describe('GET /api/results/rankings and the admin’s minimum number of reviews', () => {
    const novemberHalls = (figure: string) => json(county, '/results/rankings', { dimension: 'hall', period: 'month', date: '2026-11-15', figure });

    it('ranks only what has the minimum (3 by default): 纸坊镇 with one review is listed unranked', async () => {
      const { status, body } = await novemberHalls('goodRate');
      expect(status).toBe(200);
      expect(body).toMatchObject({ figure: 'goodRate', figureLabel: '好评率', order: 'desc', minimumReviews: 3 });
      expect(body.ranked).toEqual([{ rank: 1, key: expect.any(String) as string, code: 'jintun', name: '金屯镇', reviews: 8, value: 0.7143 }]);
      expect(body.unranked[0]).toMatchObject({ rank: null, code: 'zhifang', reviews: 1, value: 0 });
      expect(body.unranked.every((entry) => entry.rank === null)).toBe(true);
    });

    it('only an admin changes the minimum; out-of-range values are refused in Chinese', async () => {
      const supervisor = await json(county, '/admin/results-settings', {}, { method: 'PUT', body: JSON.stringify({ minReviewsToRank: 1 }) });
      expect(supervisor.status).toBe(403);
      for (const minReviewsToRank of [0, 1.5, '3']) {
        const refused = await json(admin, '/admin/results-settings', {}, { method: 'PUT', body: JSON.stringify({ minReviewsToRank }) });
        expect(refused.status).toBe(422);
        expect(refused.body.errors[0]?.field).toBe('minReviewsToRank');
        expect(refused.body.errors[0]?.message).toMatch(/排名最少评价数/);
      }
      expect((await json(county, '/results/settings')).body.minReviewsToRank).toBe(3);
    });

    it('an admin lowers it to 1: 纸坊镇 is ranked too, and the change is in the audit trail with before and after', async () => {
      const saved = await json(admin, '/admin/results-settings', {}, { method: 'PUT', body: JSON.stringify({ minReviewsToRank: 1 }) });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ minReviewsToRank: 1, updatedBy: 'admin-1' });
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'results-settings.update' } });
      expect(audit).toMatchObject({ actorId: 'admin-1', actorRole: 'ADMIN', entityType: 'app_setting', entityId: 'results.minReviewsToRank', details: { before: 3, after: 1 } });

      const good = await novemberHalls('goodRate');
      expect(good.body.ranked.map((entry) => [entry.rank, entry.code, entry.value])).toEqual([
        [1, 'jintun', 0.7143],
        [2, 'zhifang', 0],
      ]);
      // 差评率: less is better, the lowest first
      const bad = await novemberHalls('badRate');
      expect(bad.body.order).toBe('asc');
      expect(bad.body.ranked.map((entry) => [entry.rank, entry.code, entry.value])).toEqual([
        [1, 'jintun', 0.2857],
        [2, 'zhifang', 1],
      ]);
    });

    it('refuses a count as the ranking figure (422)', async () => {
      const { status, body } = await novemberHalls('reviews');
      expect(status).toBe(422);
      expect(body.errors[0].field).toBe('figure');
    });
  });

  it('GET /api/results/figures gives each row’s level distribution, and the whole’s', async () => {
    const { body } = await json(county, '/results/figures', { dimension: 'hall', period: 'month', date: '2026-11-15' });
    const jintun = (body.rows as Array<{ code: string; levels: Record<string, number> }>).find((row) => row.code === 'jintun');
    expect(jintun?.levels).toEqual({ level5: 3, level4: 1, level3: 1, level2: 0, level1: 2 });
    expect(body.totalLevels).toEqual({ level5: 3, level4: 1, level3: 1, level2: 1, level1: 2 });
  });

  it('documents every status of the new operations in OpenAPI, the exports with their file types', async () => {
    type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const statuses = (path: string, method = 'get') => Object.keys(document.paths[path]?.[method]?.responses ?? {}).sort();
    for (const path of ['/api/results/trend', '/api/results/rankings', '/api/results/figures.xlsx', '/api/results/figures.csv']) {
      expect([path, statuses(path)]).toEqual([path, ['200', '401', '403', '422', '503']]);
    }
    expect(statuses('/api/results/settings')).toEqual(['200', '401', '403', '503']);
    expect(statuses('/api/admin/results-settings', 'put')).toEqual(['200', '400', '401', '403', '422', '429', '503']);
    expect(Object.keys(document.paths['/api/results/figures.xlsx']?.['get']?.responses['200']?.content ?? {})).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(Object.keys(document.paths['/api/results/figures.csv']?.['get']?.responses['200']?.content ?? {})).toEqual(['text/csv']);
  });

  describe('exports of the figures table', () => {
    const november = { dimension: 'hall', period: 'month', date: '2026-11-15' };
    const headers = ['大厅（镇街）', '编码', ...FIGURE_KEYS.map((key) => FIGURES[key].label)];

    it('figures.xlsx: sheet 统计指标 with the figures’ labels as headers, 金屯镇’s row with rates in percent format, and the notes sheet', async () => {
      const response = await request(county, '/results/figures.xlsx', november);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('统计分析-大厅（镇街）-2026年11月.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['统计指标', '指标说明']);
      const sheet = workbook.getWorksheet('统计指标')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
      const jintunRow = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(2).value === 'jintun')!;
      expect(jintunRow.getCell(1).value).toBe('金屯镇');
      expect(jintunRow.getCell(3).value).toBe(8);
      expect(jintunRow.getCell(4).value).toBe(0.7143);
      expect(jintunRow.getCell(4).numFmt).toBe('0.0%');
      expect(jintunRow.getCell(2 + FIGURE_KEYS.indexOf('ratedRate') + 1).value).toBe('—');
      expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe('合计');
      const notes = workbook.getWorksheet('指标说明')!;
      expect(notes.getRow(1).values).toEqual([undefined, '统计期间', '2026年11月']);
      const goodRateNote = notes.getRows(1, notes.rowCount)!.find((row) => row.getCell(1).value === '好评率');
      expect(goodRateNote?.getCell(2).value).toBe(FIGURES.goodRate.note);
    });

    it('figures.csv: UTF-8 with a BOM, the same headers, rates as shown (71.4%), — for no figure', async () => {
      const response = await request(county, '/results/figures.csv', november);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1).split('\r\n');
      expect(lines[0]).toBe(headers.join(','));
      const jintun = lines.find((line) => line.startsWith('金屯镇,'))!.split(',');
      expect(jintun.slice(0, 6)).toEqual(['金屯镇', 'jintun', '8', '71.4%', '28.6%', '71.4%']);
      expect(jintun[2 + FIGURE_KEYS.indexOf('ratedRate')]).toBe('—');
      expect(lines.at(-1)).toBe('');
      expect(lines.at(-2)?.startsWith('合计,,9,')).toBe(true);
    });

    it('an export refuses a bad query with the JSON error shape (422)', async () => {
      const { status, body } = await json(county, '/results/figures.xlsx', { period: 'fortnight' });
      expect(status).toBe(422);
      expect(body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED' });
    });
  });
});
