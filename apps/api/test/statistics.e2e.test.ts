import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig } from '../src/config/app-config';
import { ReviewSeeder, type SeedCase } from './helpers/review-seed';

/** "Now" for every answer: figures that depend on it (overdue extensions, the default period) stay fixed. */
const NOW = '2026-05-10T10:00:00+08:00';
class FixedClock extends Clock {
  override now(): Date {
    return new Date(NOW);
  }
}

interface HallRow {
  hallCode: string;
  hallName: string;
  reviews: number;
  badReviews: number;
  notAdoptedReviews: number;
  adoptedReviews: number;
  goodReviews: number;
  goodRate: number | null;
  casesOpened: number;
  casesOpen: number;
  casesClosed: number;
  onTimeCases: number;
  lateCases: number;
  onTimeRate: number | null;
  openNow: number;
  overdueNow: number;
  escalatedLevel1: number;
  escalatedLevel2: number;
  inTroubleNow: number;
}

type OnTime = 'on time' | 'late' | 'pending';

/**
 * The on-time rate's definition as a table: one case per hall, opened in March 2026, each hall's on-time and late
 * counts telling how that case was classified. Extension cases: the original result due time was 2026-03-10 17:00.
 */
const ORIGINAL_DUE = '2026-03-10T17:00:00+08:00';
const ON_TIME_TABLE: Array<[hallCode: string, what: string, expected: OnTime, serviceItemCode: string, seed: Omit<SeedCase, 'openedAt'>]> = [
  ['jiaxiang', 'closed 满意, never escalated', 'on time', 'RS-001', { state: 'CLOSED', outcome: 'SATISFIED', closedAt: '2026-03-05T10:00:00+08:00' }],
  ['wolongshan', 'closed, but a clock ran out once (level 1)', 'late', 'RS-001', { state: 'CLOSED', outcome: 'NO_OBJECTION', escalationLevel: 1, closedAt: '2026-03-20T10:00:00+08:00' }],
  ['wanzhang', 'open and overdue now (level 1)', 'late', 'YB-001', { state: 'RECTIFYING', escalationLevel: 1, overdue: true }],
  ['jintun', 'open, nothing due yet', 'pending', 'RS-002', { state: 'RECTIFYING' }],
  ['mandong', 'closed 不予采纳, never escalated', 'on time', 'RS-001', { state: 'CLOSED', outcome: 'REJECTED', closedAt: '2026-03-04T10:00:00+08:00' }],
  ['zhifang', 'extended, result recorded before the original due time', 'on time', 'RS-001', { state: 'CLOSED', outcome: 'SATISFIED', originalResultDueAt: ORIGINAL_DUE, resultRecordedAt: '2026-03-10T16:00:00+08:00', closedAt: '2026-03-11T09:00:00+08:00' }],
  ['zhongshan', 'extended, result recorded after the original due time (within the extension)', 'late', 'RS-001', { state: 'CLOSED', outcome: 'SATISFIED', originalResultDueAt: ORIGINAL_DUE, resultRecordedAt: '2026-03-12T10:00:00+08:00', closedAt: '2026-03-13T09:00:00+08:00' }],
  ['menggujie', 'extended, still no result and the original due time has passed', 'late', 'RS-001', { state: 'RECTIFYING', originalResultDueAt: ORIGINAL_DUE, resultDueAt: '2026-06-01T17:00:00+08:00' }],
  ['liangbaosi', 'extended, no result yet and the original due time still ahead', 'pending', 'RS-001', { state: 'RECTIFYING', originalResultDueAt: '2026-05-20T17:00:00+08:00', resultDueAt: '2026-06-01T17:00:00+08:00' }],
  ['laosengtang', 'result recorded, awaiting the citizen, after reaching the county (level 2)', 'late', 'YB-002', { state: 'AWAITING_CONFIRMATION', escalationLevel: 2 }],
  ['huanggai', 'closed after reaching the county (level 2)', 'late', 'RS-001', { state: 'CLOSED', outcome: 'SATISFIED', escalationLevel: 2, closedAt: '2026-03-30T10:00:00+08:00' }],
];

/** 超期督办 figures over HTTP from rows seeded in PostgreSQL, each expected number worked out here. */
describe('GET /api/statistics (超期督办, 工作台)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;

  const as = (role: string, hallCodes: string[] = [], departmentCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes, departmentCodes });
  const county = as('COUNTY_SUPERVISOR');
  const jintunLeader = as('TOWN_LEADER', ['jintun']);
  const jintunHandler = as('HANDLER', ['jintun']);
  const guide = as('DEPT_GUIDE', [], ['yibao']);

  const MARCH = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };
  const APRIL = { from: '2026-04-01T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00' };

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'statistics-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: new FixedClock() });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);

    // March: the table, one bad review and its case per hall.
    for (const [hallCode, , , serviceItemCode, caseSeed] of ON_TIME_TABLE) {
      const id = await seed.review({ hallCode, level: 1, serviceItemCode, createdAt: '2026-03-02T10:00:00+08:00' });
      await seed.rectification(id, { ...caseSeed, openedAt: '2026-03-02T10:00:01+08:00' });
    }

    // April at 金屯镇: 7 reviews in the period, one just before it and one at its (exclusive) end.
    for (const [level, createdAt] of [
      [5, '2026-04-01T00:00:00+08:00'],
      [5, '2026-04-03T10:00:00+08:00'],
      [4, '2026-04-08T10:00:00+08:00'],
      [3, '2026-04-15T10:00:00+08:00'],
      [2, '2026-03-31T23:59:59+08:00'],
      [1, '2026-05-01T00:00:00+08:00'],
    ] as const) {
      await seed.review({ hallCode: 'jintun', level, createdAt });
    }
    const settled = await seed.review({ hallCode: 'jintun', level: 2, serviceItemCode: 'RS-001', createdAt: '2026-04-20T10:00:00+08:00' });
    await seed.rectification(settled, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: '2026-04-20T10:00:01+08:00', closedAt: '2026-04-22T10:00:00+08:00' });
    const rejected = await seed.review({ hallCode: 'jintun', level: 1, adoption: 'NOT_ADOPTED', createdAt: '2026-04-21T10:00:00+08:00' });
    await seed.rectification(rejected, { state: 'CLOSED', outcome: 'REJECTED', openedAt: '2026-04-21T10:00:01+08:00', closedAt: '2026-04-23T10:00:00+08:00' });
    const overdue = await seed.review({ hallCode: 'jintun', level: 1, serviceItemCode: 'RS-004', createdAt: '2026-04-28T10:00:00+08:00' });
    await seed.rectification(overdue, { state: 'RECTIFYING', openedAt: '2026-04-28T10:00:01+08:00', escalationLevel: 1, overdue: true });
    // April at 纸坊镇: two good reviews.
    await seed.review({ hallCode: 'zhifang', level: 4, createdAt: '2026-04-10T10:00:00+08:00' });
    await seed.review({ hallCode: 'zhifang', level: 4, createdAt: '2026-04-11T10:00:00+08:00' });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const statistics = async (path: string, actor: string, params: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/statistics/${path}?${new URLSearchParams(params).toString()}`, { headers: { 'x-dev-actor': actor } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const hallsOf = async (actor: string, period: Record<string, string>) => {
    const { status, body } = await statistics('halls', actor, period);
    expect(status).toBe(200);
    return body.halls as HallRow[];
  };

  describe('the on-time rate, case by case (opened in March)', () => {
    it.each(ON_TIME_TABLE)('%s: %s → %s', async (hallCode, _what, expected) => {
      const row = (await hallsOf(county, MARCH)).find((hall) => hall.hallCode === hallCode);
      const counts = { 'on time': [1, 0, 1], late: [0, 1, 0], pending: [0, 0, null] }[expected];
      expect([row?.onTimeCases, row?.lateCases, row?.onTimeRate]).toEqual(counts);
    });

    it('adds up over the county to the table: every March case opened in March, each on time, late or pending', async () => {
      const halls = await hallsOf(county, MARCH);
      const sum = (field: keyof HallRow) => halls.reduce((total, hall) => total + (hall[field] as number), 0);
      const expected = (kind: OnTime) => ON_TIME_TABLE.filter((row) => row[2] === kind).length;
      expect({ onTime: sum('onTimeCases'), late: sum('lateCases'), opened: sum('casesOpened') }).toEqual({ onTime: expected('on time'), late: expected('late'), opened: ON_TIME_TABLE.length });
    });
  });

  describe('per hall over a period (April)', () => {
    it.each<[string, Partial<HallRow>]>([
      [
        'jintun',
        {
          // 5, 5, 4, 3, 2 (→ case closed 满意), 1 不予采纳 (→ case closed 不予采纳), 1 (→ case open, overdue, level 1); the
          // 2 of 31 March and the 1 of 1 May fall outside.
          reviews: 7, badReviews: 3, notAdoptedReviews: 1, adoptedReviews: 6, goodReviews: 4,
          goodRate: 0.6667, // 4 / 6: the 不予采纳 review counts on neither side
          casesOpened: 3, casesOpen: 1, casesClosed: 2, onTimeCases: 2, lateCases: 1,
          onTimeRate: 0.6667, // 2 / (2 + 1)
          // Now: April's overdue case and March's pending one.
          openNow: 2, overdueNow: 1, escalatedLevel1: 1, escalatedLevel2: 0, inTroubleNow: 1,
        },
      ],
      ['zhifang', { reviews: 2, badReviews: 0, adoptedReviews: 2, goodReviews: 2, goodRate: 1, casesOpened: 0, onTimeRate: null, openNow: 0 }],
      ['macun', { reviews: 0, adoptedReviews: 0, goodRate: null, casesOpened: 0, onTimeRate: null, openNow: 0, overdueNow: 0, inTroubleNow: 0 }],
      ['laosengtang', { reviews: 0, casesOpened: 0, openNow: 1, overdueNow: 0, escalatedLevel1: 0, escalatedLevel2: 1, inTroubleNow: 1 }],
      ['wanzhang', { openNow: 1, overdueNow: 1, escalatedLevel1: 1, escalatedLevel2: 0 }],
    ])('%s', async (hallCode, expected) => {
      const row = (await hallsOf(county, APRIL)).find((hall) => hall.hallCode === hallCode);
      expect(row).toMatchObject(expected);
    });

    it('lists every hall for the county, by code, with the period it counted', async () => {
      const { body } = await statistics('halls', county, APRIL);
      expect(body.from).toBe(APRIL.from);
      expect(body.to).toBe(APRIL.to);
      expect((body.halls as HallRow[]).map((hall) => hall.hallCode)).toHaveLength(13);
      expect((body.halls as HallRow[])[0]?.hallCode).toBe('dazhanglou');
    });

    it('counts the 30 days before now when no period is given', async () => {
      const { body } = await statistics('halls', county);
      expect([body.from, body.to]).toEqual(['2026-04-10T10:00:00+08:00', NOW]);
      const jintun = (body.halls as HallRow[]).find((hall) => hall.hallCode === 'jintun');
      // [10 April 10:00, 10 May 10:00): 15 April (3), 20 April (2), 21 April (1, 不予采纳), 28 April (1), 1 May (1).
      expect(jintun).toMatchObject({ reviews: 5, adoptedReviews: 4, goodReviews: 1, goodRate: 0.25, casesOpened: 3 });
    });

    it('refuses a period that is not an ISO instant with offset (422)', async () => {
      const { status, body } = await statistics('halls', county, { from: '2026-04-01' });
      expect(status).toBe(422);
      expect(body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('scope', () => {
    it.each([
      ['a town leader', jintunLeader],
      ['a handler', jintunHandler],
    ])('gives %s of 金屯镇 their hall only', async (_who, actor) => {
      const halls = await hallsOf(actor, APRIL);
      expect(halls.map((hall) => hall.hallCode)).toEqual(['jintun']);
      expect(halls[0]).toMatchObject({ reviews: 7, onTimeRate: 0.6667 });
    });

    it("refuses a department's guide (403): they co-handle cases, they have no hall to measure", async () => {
      expect((await statistics('halls', guide)).status).toBe(403);
      expect((await statistics('supervision', guide)).status).toBe(403);
    });
  });

  describe('open cases in trouble now, by department and level', () => {
    it('counts the county: 医保局 (level 1 at 万张, level 2 at 老僧堂) before 人社局 (level 1 at 金屯)', async () => {
      const { status, body } = await statistics('supervision', county);
      expect(status).toBe(200);
      expect(body).toEqual({
        byDepartment: [
          { departmentCode: 'yibao', departmentName: '医保局', overdue: 1, escalatedLevel1: 1, escalatedLevel2: 1, total: 2 },
          { departmentCode: 'renshe', departmentName: '人社局', overdue: 1, escalatedLevel1: 1, escalatedLevel2: 0, total: 1 },
        ],
        byLevel: [
          { escalationLevel: 1, cases: 2, overdue: 2 },
          { escalationLevel: 2, cases: 1, overdue: 0 },
        ],
        overdueNow: 2,
      });
    });

    it("counts a town leader's hall only", async () => {
      const { body } = await statistics('supervision', jintunLeader);
      expect(body).toEqual({
        byDepartment: [{ departmentCode: 'renshe', departmentName: '人社局', overdue: 1, escalatedLevel1: 1, escalatedLevel2: 0, total: 1 }],
        byLevel: [
          { escalationLevel: 1, cases: 1, overdue: 1 },
          { escalationLevel: 2, cases: 0, overdue: 0 },
        ],
        overdueNow: 1,
      });
    });
  });
});
