import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { Clock } from '../src/common/clock';
import { AppConfig } from '../src/config/app-config';
import { DEFAULT_RECURRENCE_SETTINGS } from '../src/improvements/improvement-settings.service';
import { ImprovementsService } from '../src/improvements/improvements.service';
import { ReviewSeeder } from './helpers/review-seed';

/** A clock the test moves: the proposals' period and the items' overdue flag read it. */
class SettableClock extends Clock {
  current = new Date('2026-12-07T10:00:00+08:00');
  override now(): Date {
    return new Date(this.current);
  }
}

/** The fields of the answers this suite reads (an item, a proposal list, a dismissal, the settings, a refusal). */
interface Answer {
  code?: string;
  message?: string;
  errors?: Array<{ field: string; message: string }>;
  id?: string;
  key?: string;
  status?: string;
  statusLabel?: string;
  doneAt?: string | null;
  completionNote?: string | null;
  ownerName?: string;
  overdue?: boolean;
  reviewCount?: number;
  allowedActions?: string[];
  reviews?: Array<{ id: string }>;
  history?: Array<{ action: string; fromStatus: string | null; toStatus: string | null; note: string | null }>;
  reviewIds?: string[];
  minCount?: number;
  periodDays?: number;
  periodFrom?: string;
  updatedBy?: string | null;
  proposals?: Array<{ key: string; reviews: Array<Record<string, unknown>> }>;
}

const B3 = 'jintun|RS-001|OPTION:B3';
const THEME = 'zhifang|-|THEME:排队等候时间长';

/**
 * 优化清单 end to end on a real PostgreSQL: reviews written straight into the database, the API's proposals computed
 * from them (the migration's default settings: 3 bad reviews in 30 days), the county's decisions, the owner's reports,
 * and the month's list for the 通报.
 *
 * Seeded (now is 2026-12-07 10:00 Shanghai):
 *  金屯镇 RS-001, reason B3: three bad reviews (11-20, 11-25, 12-01; one real-name) → a proposal; a fourth B3 review
 *    not adopted (不予采纳) and a level 3 review with B3 do not count.
 *  纸坊镇 RS-001, reason B3: two bad reviews → below the count (until an admin lowers it to 2).
 *  纸坊镇 without an item: three comments about 排队/等候 → a free-text theme proposal.
 *  金屯镇, 10-01: a B3 review outside the 30 days.
 */
describe('优化清单 (improvement items from recurring reasons of bad reviews)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  const clock = new SettableClock();
  const jintunB3: string[] = [];

  const as = (role: string, hallCodes: string[] = [], departmentCodes: string[] = []) => JSON.stringify({ userId: `${role.toLowerCase()}-${hallCodes.join('-') || 'x'}`, role, hallCodes, departmentCodes });
  const county = as('COUNTY_SUPERVISOR');
  const admin = as('ADMIN');
  const jintunHandler = as('HANDLER', ['jintun']);
  const zhifangLeader = as('TOWN_LEADER', ['zhifang']);
  const guide = as('DEPT_GUIDE', [], ['yibao']);

  const call = async (actor: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Answer }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'x-dev-actor': actor, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer };
  };
  /** A list's rows (simple-rest: a JSON array). */
  const rows = async (actor: string, path: string) => (await call(actor, 'GET', path)).body as unknown as Array<{ id: string; overdue: boolean }>;
  const proposalKeys = async () => ((await call(county, 'GET', '/improvements/proposals')).body.proposals ?? []).map((proposal) => proposal.key);
  const accept = (actor: string, body: Record<string, unknown>) => call(actor, 'POST', '/improvements/proposals/accept', { key: B3, ownerKind: 'HALL', ownerCode: 'jintun', dueDate: '2026-12-31', ...body });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'improvements-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
    const seed = new ReviewSeeder(prisma);
    const bad = (hallCode: string, createdAt: string, more: Partial<Parameters<ReviewSeeder['review']>[0]> = {}) =>
      seed.review({ hallCode, level: 2, createdAt, serviceItemCode: 'RS-001', optionCodes: ['B3'], comment: '等了很久才办完', ...more });

    jintunB3.push(await bad('jintun', '2026-11-20T10:00:00+08:00', { level: 1, reviewer: { name: '张三', phone: '13900000001' } }));
    jintunB3.push(await bad('jintun', '2026-11-25T10:00:00+08:00'));
    jintunB3.push(await bad('jintun', '2026-12-01T10:00:00+08:00'));
    await bad('jintun', '2026-12-02T10:00:00+08:00', { adoption: 'NOT_ADOPTED' });
    await bad('jintun', '2026-12-03T10:00:00+08:00', { level: 3 });
    await bad('jintun', '2026-10-01T10:00:00+08:00');
    await bad('zhifang', '2026-11-28T10:00:00+08:00', { comment: undefined });
    await bad('zhifang', '2026-11-29T10:00:00+08:00', { comment: undefined });
    for (const [day, comment] of [['11-30', '排队排了一上午'], ['12-02', '等候时间太长'], ['12-04', '又是排队']] as const) {
      await seed.review({ hallCode: 'zhifang', level: 1, createdAt: `2026-${day}T15:00:00+08:00`, comment });
    }
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  describe('proposals', () => {
    it('proposes the reason that recurred at least 3 times in 30 days per hall and item, and the recurring free-text theme, with the reviews behind them', async () => {
      const { status, body } = await call(county, 'GET', '/improvements/proposals');
      expect(status).toBe(200);
      expect({ minCount: body.minCount, periodDays: body.periodDays, periodFrom: body.periodFrom }).toEqual({ minCount: 3, periodDays: 30, periodFrom: '2026-11-07T02:00:00.000Z' });
      const byKey = new Map((body.proposals ?? []).map((proposal) => [proposal.key, proposal]));
      expect([...byKey.keys()].sort()).toEqual([B3, 'jintun|RS-001|THEME:排队等候时间长', THEME].sort());
      expect(byKey.get(B3)).toMatchObject({ hallName: '金屯镇', serviceItemCode: 'RS-001', reasonKind: 'OPTION', reasonCode: 'B3', reasonLabel: 'B3 办理效率低、等候时间长', count: 3, firstAt: '2026-11-20T02:00:00.000Z' });
      const reviews = byKey.get(B3)?.reviews ?? [];
      expect(reviews.map((review) => review.id)).toEqual(jintunB3);
      // What the reviews say, never who said it (the first is a real-name review).
      expect(Object.keys(reviews[0] ?? {}).sort()).toEqual(['channel', 'comment', 'createdAt', 'id', 'level', 'optionCodes']);
      expect(JSON.stringify(body)).not.toMatch(/张三|13900000001|reviewer/);
      expect(byKey.get(THEME)).toMatchObject({ hallName: '纸坊镇', serviceItemCode: null, reasonKind: 'THEME', reasonLabel: '留言主题：排队等候时间长', count: 3 });
    });

    it.each([
      ['a handler', jintunHandler],
      ['a town leader', zhifangLeader],
      ['a department guide', guide],
    ])('refuses the proposals to %s (403 in the one error shape)', async (_who, actor) => {
      const { status, body } = await call(actor, 'GET', '/improvements/proposals');
      expect(status).toBe(403);
      expect(body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' });
    });
  });

  describe('accepting a proposal', () => {
    it.each<[string, string, Record<string, unknown>, number, string]>([
      ['a handler may not accept', jintunHandler, {}, 403, 'FORBIDDEN'],
      ['an admin reads but does not decide', admin, {}, 403, 'FORBIDDEN'],
      ['a due date in the past', county, { dueDate: '2026-12-06' }, 422, 'VALIDATION_FAILED'],
      ['a date that does not exist', county, { dueDate: '2026-02-30' }, 422, 'VALIDATION_FAILED'],
      ['an owner kind that is neither hall nor department', county, { ownerKind: 'PERSON' }, 422, 'VALIDATION_FAILED'],
      ['an unknown hall', county, { ownerCode: 'atlantis' }, 422, 'VALIDATION_FAILED'],
      ['a proposal that does not exist', county, { key: 'jintun|RS-001|OPTION:Z9' }, 404, 'PROPOSAL_NOT_FOUND'],
      ['a recurrence below the count', county, { key: 'zhifang|RS-001|OPTION:B3' }, 404, 'PROPOSAL_NOT_FOUND'],
    ])('refuses: %s', async (_name, actor, body, status, code) => {
      const answer = await accept(actor, body);
      expect([answer.status, answer.body.code]).toEqual([status, code]);
      expect(answer.body.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('writes nothing for a refusal', async () => {
      expect(await prisma.improvementItem.count()).toBe(0);
    });

    it('accepts with an owner hall and a due date: 待整改, linked to the reviews, audited; accepting again is a 409, and the proposal is gone', async () => {
      const { status, body } = await accept(county, {});
      expect(status).toBe(201);
      expect(body).toMatchObject({ key: B3, status: 'PENDING', statusLabel: '待整改', ownerKind: 'HALL', ownerCode: 'jintun', ownerName: '金屯镇', dueDate: '2026-12-31', overdue: false, reviewCount: 3, title: '金屯镇·城乡居民基本养老保险参保登记：B3 办理效率低、等候时间长' });
      expect(body.reviews?.map((review) => review.id)).toEqual(jintunB3);
      expect(body.history?.map((entry) => entry.action)).toEqual(['improvement.accept']);
      expect(body.allowedActions).toEqual(['progress', 'complete']);
      const audit = await prisma.auditLog.findMany({ where: { entityType: 'improvement_item', entityId: body.id ?? '' } });
      expect(audit.map((entry) => [entry.action, entry.actorRole])).toEqual([['improvement.accept', 'COUNTY_SUPERVISOR']]);

      const again = await accept(county, {});
      expect([again.status, again.body.code]).toEqual([409, 'IMPROVEMENT_ALREADY_OPEN']);
      expect(await proposalKeys()).not.toContain(B3);
      expect(await prisma.improvementItem.count({ where: { recurrenceKey: B3 } })).toBe(1);
    });
  });

  describe('the owner reports; the county reopens', () => {
    let itemId: string;
    const act = (actor: string, action: string, body: unknown = { note: '已增设自助取号机' }) => call(actor, 'POST', `/improvement-items/${itemId}/${action}`, body);

    beforeAll(async () => {
      itemId = (await prisma.improvementItem.findFirstOrThrow({ where: { recurrenceKey: B3 } })).id;
    });

    it('shows the item to its owner hall and the county, not to another hall or a department (list and detail)', async () => {
      const listed = async (actor: string) => (await rows(actor, '/improvement-items')).map((row) => row.id);
      expect(await listed(jintunHandler)).toEqual([itemId]);
      expect(await listed(county)).toEqual([itemId]);
      expect(await listed(zhifangLeader)).toEqual([]);
      expect(await listed(guide)).toEqual([]);
      expect((await call(zhifangLeader, 'GET', `/improvement-items/${itemId}`)).status).toBe(404);
      expect((await call(jintunHandler, 'GET', `/improvement-items/${itemId}`)).status).toBe(200);
    });

    it.each<[string, string, string, unknown, number, string]>([
      ['another hall may not report', 'zhifang', 'progress', { note: '已整改' }, 404, 'IMPROVEMENT_NOT_FOUND'],
      ['the owner may not reopen', 'owner', 'reopen', { note: '重新整改' }, 403, 'FORBIDDEN'],
      ['a report needs a note', 'owner', 'progress', {}, 422, 'VALIDATION_FAILED'],
      ['a blank note is no note', 'owner', 'complete', { note: '   ' }, 422, 'VALIDATION_FAILED'],
      ['reopening an item that is not done', 'county', 'reopen', { note: '重新整改' }, 409, 'IMPROVEMENT_STATE_CONFLICT'],
    ])('refuses before it is done: %s', async (_name, who, action, body, status, code) => {
      const actor = who === 'owner' ? jintunHandler : who === 'county' ? county : zhifangLeader;
      const answer = await act(actor, action, body);
      expect([answer.status, answer.body.code]).toEqual([status, code]);
    });

    it('goes 待整改 → 整改中 → 已完成 by the owner’s reports, refuses reports on a done item (409), and the county reopens it; every step is in the history', async () => {
      const progress = await act(jintunHandler, 'progress', { note: '已调整窗口排班' });
      expect([progress.status, progress.body.status, progress.body.statusLabel]).toEqual([200, 'IN_PROGRESS', '整改中']);
      const done = await act(jintunHandler, 'complete', { note: '高峰期增开两个窗口，平均等候由40分钟降至10分钟' });
      expect([done.status, done.body.status, done.body.completionNote]).toEqual([200, 'DONE', '高峰期增开两个窗口，平均等候由40分钟降至10分钟']);
      expect(done.body.allowedActions).toEqual([]);
      for (const action of ['progress', 'complete']) {
        const refused = await act(jintunHandler, action);
        expect([refused.status, refused.body.code, refused.body.message]).toEqual([409, 'IMPROVEMENT_STATE_CONFLICT', expect.stringContaining('已完成')]);
      }
      const reopened = await act(county, 'reopen', { note: '群众仍反映排队时间长' });
      expect([reopened.status, reopened.body.status, reopened.body.doneAt]).toEqual([200, 'IN_PROGRESS', null]);
      expect(reopened.body.history?.map((entry) => [entry.action, entry.fromStatus, entry.toStatus, entry.note])).toEqual([
        ['improvement.accept', null, 'PENDING', null],
        ['improvement.progress', 'PENDING', 'IN_PROGRESS', '已调整窗口排班'],
        ['improvement.complete', 'IN_PROGRESS', 'DONE', '高峰期增开两个窗口，平均等候由40分钟降至10分钟'],
        ['improvement.reopen', 'DONE', 'IN_PROGRESS', '群众仍反映排队时间长'],
      ]);
      expect((await act(jintunHandler, 'complete', { note: '再次整改完成' })).body.status).toBe('DONE');
    });

    it('lists the item for the monthly 通报: opened and done in December, nothing in November, only for the halls concerned', async () => {
      const improvements = app.get(ImprovementsService);
      const december = await improvements.listForReport('2026-12');
      expect(december.label).toBe('2026年12月');
      expect([december.opened.map((item) => item.id), december.open.map((item) => item.id), december.done.map((item) => item.id)]).toEqual([[itemId], [], [itemId]]);
      const november = await improvements.listForReport('2026-11');
      expect([november.opened, november.open, november.done]).toEqual([[], [], []]);
      const jintun = await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } });
      const zhifang = await prisma.hall.findUniqueOrThrow({ where: { code: 'zhifang' } });
      expect((await improvements.listForReport('2026-12', jintun.id)).done.map((item) => item.id)).toEqual([itemId]);
      expect((await improvements.listForReport('2026-12', zhifang.id)).done).toEqual([]);
      await expect(improvements.listForReport('2026-13')).rejects.toMatchObject({ status: 422 });
    });

    it('proposes the reason again only from reviews after the item was done', async () => {
      expect(await proposalKeys()).not.toContain(B3);
      const seed = new ReviewSeeder(prisma);
      for (const hours of [1, 2, 3]) {
        await seed.review({ hallCode: 'jintun', level: 2, serviceItemCode: 'RS-001', optionCodes: ['B3'], createdAt: new Date(clock.current.getTime() + hours * 3_600_000).toISOString() });
      }
      clock.current = new Date(clock.current.getTime() + 4 * 3_600_000);
      const proposal = ((await call(county, 'GET', '/improvements/proposals')).body.proposals ?? []).find((candidate) => candidate.key === B3);
      expect(proposal?.reviews.some((review) => jintunB3.includes(String(review.id)))).toBe(false);
      expect(proposal?.reviews).toHaveLength(3);
    });
  });

  describe('dismissing a proposal', () => {
    it('needs a reason (422), then dismisses with it (audited), and the same reviews are not proposed again (404 on a second dismissal)', async () => {
      const noReason = await call(county, 'POST', '/improvements/proposals/dismiss', { key: THEME, reason: ' ' });
      expect([noReason.status, noReason.body.errors?.[0]?.message]).toEqual([422, '请填写不予采纳的理由']);
      expect((await call(jintunHandler, 'POST', '/improvements/proposals/dismiss', { key: THEME, reason: '个别现象' })).status).toBe(403);

      const dismissed = await call(county, 'POST', '/improvements/proposals/dismiss', { key: THEME, reason: '节假日前集中办理，属个别时段现象' });
      expect(dismissed.status).toBe(201);
      expect(dismissed.body).toMatchObject({ key: THEME, reason: '节假日前集中办理，属个别时段现象' });
      expect(dismissed.body.reviewIds).toHaveLength(3);
      expect((await prisma.auditLog.findMany({ where: { entityType: 'improvement_dismissal', entityId: dismissed.body.id ?? '' } })).map((entry) => entry.action)).toEqual(['improvement.dismiss']);
      expect(await proposalKeys()).not.toContain(THEME);
      const again = await call(county, 'POST', '/improvements/proposals/dismiss', { key: THEME, reason: '重复' });
      expect([again.status, again.body.code]).toEqual([404, 'PROPOSAL_NOT_FOUND']);
    });
  });

  describe('an item owned by a department, and overdue', () => {
    it('a department’s guide sees and completes the item owned by their department; it is overdue after its due date until done', async () => {
      await call(admin, 'PUT', '/admin/improvement-settings', { ...DEFAULT_RECURRENCE_SETTINGS, minCount: 2 });
      const key = 'zhifang|RS-001|OPTION:B3';
      const today = new Date(clock.current.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const accepted = await call(county, 'POST', '/improvements/proposals/accept', { key, ownerKind: 'DEPARTMENT', ownerCode: 'yibao', dueDate: today, title: '医保参保登记流程优化' });
      expect([accepted.status, accepted.body.ownerName, accepted.body.overdue, accepted.body.reviewCount]).toEqual([201, '医保局', false, 2]);
      await call(admin, 'PUT', '/admin/improvement-settings', DEFAULT_RECURRENCE_SETTINGS);

      clock.current = new Date(clock.current.getTime() + 2 * 24 * 3_600_000);
      const overdueList = await rows(county, `/improvement-items?filter=${encodeURIComponent(JSON.stringify({ overdue: true }))}`);
      expect(overdueList.map((row) => [row.id, row.overdue])).toEqual([[accepted.body.id, true]]);
      const guideList = await rows(guide, '/improvement-items');
      expect(guideList.map((row) => row.id)).toEqual([accepted.body.id]);
      const done = await call(guide, 'POST', `/improvement-items/${accepted.body.id ?? ''}/complete`, { note: '已与医保局系统打通，免于重复录入' });
      expect([done.status, done.body.status, done.body.overdue]).toEqual([200, 'DONE', false]);
    });
  });

  describe('settings', () => {
    it('are read by the county and changed by admins only, audited; bad values are refused in Chinese', async () => {
      expect((await call(county, 'GET', '/improvements/settings')).body).toMatchObject(DEFAULT_RECURRENCE_SETTINGS);
      expect((await call(county, 'PUT', '/admin/improvement-settings', DEFAULT_RECURRENCE_SETTINGS)).status).toBe(403);
      const refused = await call(admin, 'PUT', '/admin/improvement-settings', { ...DEFAULT_RECURRENCE_SETTINGS, minCount: 1, themes: [{ label: '空', keywords: [] }] });
      expect(refused.status).toBe(422);
      expect((refused.body.errors ?? []).map((error) => error.message).sort()).toEqual(['每个主题至少要有一个关键词', '重复出现次数不能小于 2'].sort());
      const theme = DEFAULT_RECURRENCE_SETTINGS.themes[0];
      const twice = await call(admin, 'PUT', '/admin/improvement-settings', { ...DEFAULT_RECURRENCE_SETTINGS, themes: [theme, theme] });
      expect([twice.status, twice.body.message]).toEqual([422, '主题“排队等候时间长”重复']);
      const changed = await call(admin, 'PUT', '/admin/improvement-settings', { ...DEFAULT_RECURRENCE_SETTINGS, periodDays: 60 });
      expect([changed.status, changed.body.periodDays, changed.body.updatedBy]).toEqual([200, 60, 'admin-x']);
      const audit = await prisma.auditLog.findMany({ where: { action: 'improvement-settings.update' }, orderBy: { at: 'asc' } });
      expect(audit.at(-1)?.details).toMatchObject({ before: DEFAULT_RECURRENCE_SETTINGS, after: { ...DEFAULT_RECURRENCE_SETTINGS, periodDays: 60 } });
      await call(admin, 'PUT', '/admin/improvement-settings', DEFAULT_RECURRENCE_SETTINGS);
    });
  });

  it('documents every status of the new operations in OpenAPI', async () => {
    type Operation = { responses: Record<string, unknown> };
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const statuses = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {}).sort();
    expect(statuses('/api/improvements/proposals', 'get')).toEqual(['200', '401', '403', '503']);
    for (const path of ['/api/improvements/proposals/accept', '/api/improvements/proposals/dismiss']) {
      expect([path, statuses(path, 'post')]).toEqual([path, ['201', '400', '401', '403', '404', '409', '422', '429', '503']]);
    }
    expect(statuses('/api/improvement-items', 'get')).toEqual(['200', '401', '403', '422', '503']);
    expect(statuses('/api/improvement-items/{id}', 'get')).toEqual(['200', '401', '403', '404', '422', '503']);
    for (const action of ['progress', 'complete', 'reopen']) {
      expect([action, statuses(`/api/improvement-items/{id}/${action}`, 'post')]).toEqual([action, ['200', '400', '401', '403', '404', '409', '422', '429', '503']]);
    }
    expect(statuses('/api/improvements/settings', 'get')).toEqual(['200', '401', '403', '503']);
    expect(statuses('/api/admin/improvement-settings', 'put')).toEqual(['200', '400', '401', '403', '422', '429', '503']);
  });
});
