import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { FIGURES } from '@haochaping/contracts';
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
 * 刷好评 end to end (issue 14, "Coerced-praise detection"). 金屯镇 in November:
 *  - a burst at window 01: five 非常满意 on Tue 11-10, 09:00–09:20, each rating a case completed 2 minutes before;
 *  - three other reviews: 满意 (11-05), 不满意 and 非常不满意 (11-12, 11-13), on the public form.
 * Before: adopted 8, good 6 → 好评率 6/8 = 0.75; 5 cases completed and rated → 参评率 1.
 * After the county confirms the burst: its 5 reviews leave the figures → 好评率 1/3 = 0.3333, 参评率 0/5 = 0,
 * 评价总数 still 8, 确认刷好评排除数 5.
 */
describe('刷好评: a burst is flagged, confirmed, and the hall’s 好评率 changes accordingly', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const burstIds: string[] = [];

  const as = (role: string, hallCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes, departmentCodes: [] });
  const county = as('COUNTY_SUPERVISOR');
  const admin = as('ADMIN');
  const others = [as('HANDLER', ['jintun']), as('TOWN_LEADER', ['jintun']), as('DEPT_GUIDE'), admin];

  const call = async (actor: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-dev-actor': actor, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & Array<Record<string, unknown>> };
  };
  const jintunNovember = async () => {
    const { status, body } = await call(county, 'GET', '/results/figures?dimension=hall&period=month&date=2026-11-15');
    expect(status).toBe(200);
    const row = (body.rows as Array<{ code: string; figures: Record<string, number | null> }>).find((candidate) => candidate.code === 'jintun')!;
    return { figures: row.figures, notes: body.notes as Array<{ key: string; label: string; note: string }> };
  };
  const detectNovember = () => call(county, 'POST', '/praise-integrity/detections', { from: '2026-11-01', to: '2026-11-30' });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'praise-integrity-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock: new FixedClock() });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);
    const window = await prisma.serviceWindow.findFirstOrThrow({ where: { hall: { code: 'jintun' } }, orderBy: { code: 'asc' } });
    for (let i = 0; i < 5; i++) {
      const rated = new Date(Date.parse('2026-11-10T09:00:00+08:00') + i * 5 * 60_000);
      const completed = new Date(rated.getTime() - 2 * 60_000);
      burstIds.push(
        await seed.review({ hallCode: 'jintun', level: 5, createdAt: rated.toISOString(), channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: `BURST-${i}`, caseCompletedAt: completed.toISOString() }),
      );
    }
    await prisma.review.updateMany({ where: { id: { in: burstIds } }, data: { windowId: window.id } });
    await seed.review({ hallCode: 'jintun', level: 4, createdAt: '2026-11-05T10:00:00+08:00' });
    await seed.review({ hallCode: 'jintun', level: 2, createdAt: '2026-11-12T10:00:00+08:00' });
    await seed.review({ hallCode: 'jintun', level: 1, createdAt: '2026-11-13T10:00:00+08:00' });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  let flagId: string;

  it('before: 金屯镇’s November 好评率 is 6/8 with the burst in it', async () => {
    const { figures } = await jintunNovember();
    expect(figures).toMatchObject({ reviews: 8, goodRate: 0.75, ratedRate: 1, excludedAsCoerced: 0 });
  });

  it('detection flags the burst at the window, once, with its evidence', async () => {
    const { status, body } = await detectNovember();
    expect(status).toBe(200);
    expect(body).toEqual({ from: '2026-11-01', to: '2026-11-30', reviewsRead: 8, findings: 1, created: 1, updated: 0 });

    const list = await call(county, 'GET', '/praise-integrity/flags');
    expect(list.status).toBe(200);
    expect(list.headers.get('content-range')).toBe('praise-integrity/flags 0-0/1');
    const [flag] = list.body as unknown as Array<Record<string, unknown>>;
    expect(flag).toMatchObject({ rule: 'PRAISE_BURST', subjectKind: 'WINDOW', day: '2026-11-10', hallCode: 'jintun', hallName: '金屯镇', reviewCount: 5, status: 'OPEN' });
    expect(flag.subjectLabel).toMatch(/^金屯镇 /);
    flagId = flag.id as string;

    const detail = await call(county, 'GET', `/praise-integrity/flags/${flagId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.evidence).toMatchObject({
      config: { minReviews: 5, withinMinutes: 30, afterCompletionMinutes: 10 },
      from: '2026-11-10T01:00:00.000Z',
      to: '2026-11-10T01:20:00.000Z',
    });
    const reviews = detail.body.reviews as Array<Record<string, unknown>>;
    expect(reviews.map((review) => review.id)).toEqual(burstIds);
    expect(reviews[0]).toMatchObject({ level: 5, channel: 'WINDOW_QR', createdAt: '2026-11-10T09:00:00+08:00', caseCompletedAt: '2026-11-10T08:58:00+08:00', secondsAfterCompletion: 120, excludedFromFiguresAt: null });
  });

  it('detecting again creates no second flag', async () => {
    const { body } = await detectNovember();
    expect(body).toMatchObject({ findings: 1, created: 0, updated: 0 });
    expect(await prisma.praiseIntegrityFlag.count()).toBe(1);
  });

  it('refuses everyone but the county supervisor (403): handlers, town leaders, guides, admins', async () => {
    for (const actor of others) {
      expect((await call(actor, 'POST', '/praise-integrity/detections', {})).status).toBe(403);
      expect((await call(actor, 'GET', '/praise-integrity/flags')).status).toBe(403);
      expect((await call(actor, 'GET', `/praise-integrity/flags/${flagId}`)).status).toBe(403);
      expect((await call(actor, 'POST', `/praise-integrity/flags/${flagId}/decision`, { decision: 'CONFIRMED' })).status).toBe(403);
    }
    expect((await prisma.praiseIntegrityFlag.findUniqueOrThrow({ where: { id: flagId } })).status).toBe('OPEN');
  });

  it('refuses an unknown decision (422) and an unknown flag (404)', async () => {
    const unknown = await call(county, 'POST', `/praise-integrity/flags/${flagId}/decision`, { decision: 'MAYBE' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'decision' })]);
    expect((await call(county, 'GET', '/praise-integrity/flags/00000000-0000-4000-8000-000000000000')).body.code).toBe('FLAG_NOT_FOUND');
    expect((await call(county, 'GET', '/praise-integrity/flags/not-a-uuid')).status).toBe(404);
  });

  it('confirming excludes the burst: 好评率 drops to 1/3, the exclusion is counted apart and noted, with the audit line', async () => {
    const { status, body } = await call(county, 'POST', `/praise-integrity/flags/${flagId}/decision`, { decision: 'CONFIRMED', note: '窗口人员代扫码评价' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'CONFIRMED', decidedBy: 'county_supervisor-1', decisionNote: '窗口人员代扫码评价', decidedAt: '2026-12-07T10:00:00+08:00' });
    expect((body.reviews as Array<{ excludedFromFiguresAt: string | null }>).every((review) => review.excludedFromFiguresAt === '2026-12-07T10:00:00+08:00')).toBe(true);

    const { figures, notes } = await jintunNovember();
    expect(figures).toMatchObject({ reviews: 8, goodRate: 0.3333, badRate: 0.6667, ratedRate: 0, excludedAsCoerced: 5 });
    expect(notes).toContainEqual({ key: 'excludedAsCoerced', label: '确认刷好评排除数', unit: 'count', note: FIGURES.excludedAsCoerced.note });

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'praise-integrity.confirm', entityId: flagId } });
    expect(audit).toMatchObject({ actorId: 'county_supervisor-1', actorRole: 'COUNTY_SUPERVISOR', entityType: 'praise_integrity_flag' });
    expect(audit.details).toMatchObject({ rule: 'PRAISE_BURST', subjectKind: 'WINDOW', day: '2026-11-10', note: '窗口人员代扫码评价' });
    expect([...((audit.details as { excludedReviewIds: string[] }).excludedReviewIds)].sort()).toEqual([...burstIds].sort());
    const excluded = await prisma.review.findMany({ where: { excludedByFlagId: flagId }, select: { id: true } });
    expect(excluded.map((review) => review.id).sort()).toEqual([...burstIds].sort());
  });

  it('a decided flag is not decided again (409), and detecting again leaves it confirmed', async () => {
    const again = await call(county, 'POST', `/praise-integrity/flags/${flagId}/decision`, { decision: 'CLEARED' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FLAG_ALREADY_DECIDED');
    expect((await detectNovember()).body).toMatchObject({ findings: 1, created: 0, updated: 0 });
    expect(await prisma.praiseIntegrityFlag.findMany({ select: { status: true } })).toEqual([{ status: 'CONFIRMED' }]);
    expect((await jintunNovember()).figures.goodRate).toBe(0.3333);
  });

  it('a public rating keeps its client address and the page’s device key (rule b’s source)', async () => {
    const response = await fetch(`${baseUrl}/public/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-key': 'device-0001-abcd' },
      body: JSON.stringify({ channel: 'PUBLIC_FORM', hallCode: 'jintun', level: 4, clientKey: 'praise-integrity-source-1' }),
    });
    expect(response.status).toBe(201);
    const { trackingCode } = (await response.json()) as { trackingCode: string };
    expect(await prisma.review.findUniqueOrThrow({ where: { trackingCode }, select: { clientIp: true, clientDevice: true } })).toEqual({ clientIp: '127.0.0.1', clientDevice: 'device-0001-abcd' });
  });

  describe('settings (admins change them; the county reads them)', () => {
    const valid = {
      burst: { minReviews: 4, withinMinutes: 20, afterCompletionMinutes: 5 },
      oneSource: { minCases: 4 },
      hallNetworks: [{ hallCode: 'jintun', cidrs: ['10.20.0.0/16'] }],
      tooFast: { maxSecondsAfterCompletion: 10, minReviews: 2 },
    };

    it('the county reads the defaults; only an admin changes them, with the audit line', async () => {
      expect((await call(county, 'GET', '/praise-integrity/settings')).body).toMatchObject({ burst: { minReviews: 5 }, hallNetworks: [], updatedBy: null });
      expect((await call(county, 'PUT', '/admin/praise-integrity-settings', valid)).status).toBe(403);
      const saved = await call(admin, 'PUT', '/admin/praise-integrity-settings', valid);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ ...valid, updatedBy: 'admin-1' });
      const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'praise-integrity-settings.update' } });
      expect(audit.details).toMatchObject({ before: null, after: valid });
    });

    it.each([
      ['a network that is no CIDR', { hallNetworks: [{ hallCode: 'jintun', cidrs: ['10.20.0.0/40'] }] }, 'hallNetworks.0.cidrs.0'],
      ['an unknown hall', { hallNetworks: [{ hallCode: 'nowhere', cidrs: ['10.0.0.0/8'] }] }, 'hallNetworks.0.hallCode'],
      ['a threshold out of range', { burst: { minReviews: 1, withinMinutes: 20, afterCompletionMinutes: 5 } }, 'burst.minReviews'],
    ])('refuses %s (422 naming the field)', async (_case, change, field) => {
      const { status, body } = await call(admin, 'PUT', '/admin/praise-integrity-settings', { ...valid, ...change });
      expect(status).toBe(422);
      expect((body.errors as Array<{ field: string }>).map((error) => error.field)).toContain(field);
    });
  });

  it('documents every status of the new operations in OpenAPI', async () => {
    type Operation = { responses: Record<string, unknown> };
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const statuses = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses('/api/praise-integrity/detections', 'post')).toEqual(['200', '400', '401', '403', '422', '429', '503']);
    expect(statuses('/api/praise-integrity/flags', 'get')).toEqual(['200', '401', '403', '422', '503']);
    expect(statuses('/api/praise-integrity/flags/{id}', 'get')).toEqual(['200', '401', '403', '404', '422', '503']);
    expect(statuses('/api/praise-integrity/flags/{id}/decision', 'post')).toEqual(['200', '400', '401', '403', '404', '409', '422', '429', '503']);
    expect(statuses('/api/praise-integrity/settings', 'get')).toEqual(['200', '401', '403', '503']);
    expect(statuses('/api/admin/praise-integrity-settings', 'put')).toEqual(['200', '400', '401', '403', '422', '429', '503']);
  });
});
