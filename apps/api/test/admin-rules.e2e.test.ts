import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';

/**
 * Option sets and SLA policies as admins keep them (issue 6, "Master data"): an edit saves a new version, earlier
 * versions never change, and what was rated or started under one keeps it.
 */
describe('admin rules: option sets and SLA policies', () => {
  let stack: E2eStack;
  let prisma: PrismaClient;

  const actor = (role: string) => ({ 'x-dev-actor': JSON.stringify({ userId: `${role.toLowerCase()}-rules`, role, hallCodes: role === 'HANDLER' ? ['jintun'] : [] }) });
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

  const get = (path: string, headers: Record<string, string> = asAdmin, base = stack.baseUrl) => fetch(`${base}${path}`, { headers });
  const post = (path: string, body: unknown, headers: Record<string, string> = asAdmin, base = stack.baseUrl) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = (await response.json()) as T;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const auditCount = (action: string) => prisma.auditLog.count({ where: { action } });

  /** A bad review on 金屯镇's public form; resolves with its id once its case is in the read model. */
  async function badReview(optionCodes: string[], base = stack.baseUrl): Promise<string> {
    const { id } = await json<{ id: string }>(await post('/public/reviews', { hallCode: 'jintun', level: 2, optionCodes, comment: '等候时间太长', clientKey: randomUUID() }, {}, base), 201);
    await eventually(async () => (await get(`/rectifications/${id}`, asCounty)).status === 200, 30_000);
    return id;
  }

  interface OptionSetVersion {
    id: string;
    nature: string;
    version: number;
    current: boolean;
    reviewCount: number;
    options: Array<{ code: string; label: string; suggestedCategory: string; position: number }>;
  }

  describe('option sets', () => {
    const offlineV1 = async () => {
      const list = await json<OptionSetVersion[]>(await get(`/admin/option-sets?filter=${encodeURIComponent(JSON.stringify({ nature: 'OFFLINE' }))}&sort=${encodeURIComponent('["version","ASC"]')}`), 200);
      const first = list[0];
      if (!first) throw new Error('no OFFLINE option set');
      return first;
    };
    const edited = (options: OptionSetVersion['options']) => options.map(({ code, label, suggestedCategory }) => ({ code, label, suggestedCategory }));

    it('lists version 1 of both natures as current, ten options each', async () => {
      const response = await get('/admin/option-sets');
      expect(response.headers.get('content-range')).toBe('option-sets 0-1/2');
      const list = await json<OptionSetVersion[]>(response, 200);
      expect(list.map(({ nature, version, current, options }) => ({ nature, version, current, count: options.length })).sort((a, b) => a.nature.localeCompare(b.nature))).toEqual([
        { nature: 'OFFLINE', version: 1, current: true, count: 10 },
        { nature: 'ONLINE', version: 1, current: true, count: 10 },
      ]);
    });

    it('saves an edit as version 2; version 1 and the reviews given it stay as they were, new reviews get version 2', async () => {
      const v1 = await offlineV1();
      const earlier = await badReview(['C2']);

      // 服务态度不好 renamed, C2 dropped, a new A4.
      const options = edited(v1.options)
        .filter((option) => option.code !== 'C2')
        .map((option) => (option.code === 'A1' ? { ...option, label: '服务态度生硬、冷漠' } : option));
      options.splice(3, 0, { code: 'A4', label: '窗口无人值守', suggestedCategory: 'IMMEDIATE' });
      const v2 = await json<OptionSetVersion>(await post('/admin/option-sets', { nature: 'OFFLINE', options }), 201);
      expect(v2).toMatchObject({ nature: 'OFFLINE', version: 2, current: true, reviewCount: 0 });
      expect(v2.options.map((option) => option.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1']);

      const v1After = await json<OptionSetVersion>(await get(`/admin/option-sets/${v1.id}`, asCounty), 200);
      expect(v1After).toEqual({ ...v1, current: false, reviewCount: v1.reviewCount + 1 });
      expect(await prisma.review.findUniqueOrThrow({ where: { id: earlier }, select: { optionSetVersion: true, optionCodes: true } })).toEqual({ optionSetVersion: 1, optionCodes: ['C2'] });

      // A fresh API instance has no cached master data: it rates with version 2 at once (a running one within its 30 s cache).
      const fresh = await stack.listen(stack.config());
      try {
        const current = await json<{ version: number; options: Array<{ code: string; label: string }> }>(await get('/public/option-sets/current?nature=OFFLINE', {}, fresh.url), 200);
        expect(current.version).toBe(2);
        expect(current.options[0]).toEqual({ code: 'A1', label: '服务态度生硬、冷漠' });
        const refused = await json<{ code: string }>(await post('/public/reviews', { hallCode: 'jintun', level: 2, optionCodes: ['C2'], clientKey: randomUUID() }, {}, fresh.url), 422);
        expect(refused.code).toBe('UNKNOWN_OPTION');
        const later = await badReview(['A4'], fresh.url);
        expect(await prisma.review.findUniqueOrThrow({ where: { id: later }, select: { optionSetVersion: true } })).toEqual({ optionSetVersion: 2 });
      } finally {
        await fresh.app.close();
      }

      const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'option-set.create-version', entityId: v2.id } });
      expect(audit).toMatchObject({ actorId: 'admin-rules', actorRole: 'ADMIN', entityType: 'option-set', details: { nature: 'OFFLINE', version: 2, previousVersion: 1 } });
    });

    it.each([
      ['a code that is not a letter and a digit', [{ code: 'a1', label: '态度差', suggestedCategory: 'IMMEDIATE' }], 'options.0.code'],
      ['an unknown category', [{ code: 'A1', label: '态度差', suggestedCategory: 'SOON' }], 'options.0.suggestedCategory'],
      ['an empty label', [{ code: 'A1', label: '  ', suggestedCategory: 'IMMEDIATE' }], 'options.0.label'],
      ['a code twice', [{ code: 'A1', label: '态度差', suggestedCategory: 'IMMEDIATE' }, { code: 'A1', label: '环境差', suggestedCategory: 'IMMEDIATE' }], 'options.1.code'],
      ['a group suggesting two categories', [{ code: 'A1', label: '态度差', suggestedCategory: 'IMMEDIATE' }, { code: 'A2', label: '流程乱', suggestedCategory: 'TIME_LIMITED' }], 'options.1.suggestedCategory'],
      ['eleven options', Array.from({ length: 11 }, (_, n) => ({ code: `${'ABCDEFGHIJK'[n]}1`, label: `选项${n}`, suggestedCategory: 'IMMEDIATE' })), 'options'],
      ['no option', [], 'options'],
    ])('refuses %s with 422 naming the field, and writes nothing', async (_name, options, field) => {
      const before = { sets: await prisma.optionSet.count(), audit: await auditCount('option-set.create-version') };
      const body = await json<{ statusCode: number; code: string; message: string; errors: Array<{ field: string; message: string }>; requestId: string }>(
        await post('/admin/option-sets', { nature: 'ONLINE', options }),
        422,
      );
      expect(body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', path: '/api/admin/option-sets' });
      expect(body.errors.map((error) => error.field)).toContain(field);
      expect(body.errors.every((error) => /[\u4e00-\u9fff]/.test(error.message))).toBe(true);
      expect({ sets: await prisma.optionSet.count(), audit: await auditCount('option-set.create-version') }).toEqual(before);
    });

    it('refuses a version identical to the current one', async () => {
      const [online] = await json<OptionSetVersion[]>(await get(`/admin/option-sets?filter=${encodeURIComponent(JSON.stringify({ nature: 'ONLINE', current: true }))}`), 200);
      const body = await json<{ code: string }>(await post('/admin/option-sets', { nature: 'ONLINE', options: edited(online?.options ?? []) }), 422);
      expect(body.code).toBe('OPTION_SET_UNCHANGED');
    });

    it('lets the county read but not edit, and handlers neither', async () => {
      const v1 = await offlineV1();
      expect((await get('/admin/option-sets', asCounty)).status).toBe(200);
      expect((await get('/admin/option-sets', asHandler)).status).toBe(403);
      expect((await get(`/admin/option-sets/${v1.id}`, asHandler)).status).toBe(403);
      const refused = await json<{ code: string }>(await post('/admin/option-sets', { nature: 'OFFLINE', options: edited(v1.options) }, asCounty), 403);
      expect(refused.code).toBe('FORBIDDEN');
      expect((await get(`/admin/option-sets/${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('SLA policies', () => {
    interface SlaVersion {
      id: number;
      version: number;
      current: boolean;
      caseCount: number;
      openCaseCount: number;
      policy: { categories: Record<string, { callback: { amount: number; unit: string }; result: { amount: number; unit: string } }> } & Record<string, unknown>;
      note: string | null;
    }
    interface CaseRow {
      slaPolicyVersion: number;
      resultDueAt: string | null;
    }
    const policyBody = (version: SlaVersion, change: (policy: SlaVersion['policy']) => void) => {
      const policy = structuredClone(version.policy);
      change(policy);
      return policy;
    };
    /** When a clock of `workingDays` from the review's time runs out at 金屯镇, per the calendar API. */
    async function dueAfter(reviewId: string, workingDays: number): Promise<string> {
      const { createdAt } = await prisma.review.findUniqueOrThrow({ where: { id: reviewId }, select: { createdAt: true } });
      const query = new URLSearchParams({ hallCode: 'jintun', from: createdAt.toISOString(), workingDays: String(workingDays) });
      return (await json<{ dueAt: string }>(await get(`/calendar/deadline?${query.toString()}`), 200)).dueAt;
    }

    it('starts new cases under a new version while a running case keeps the one it started with', async () => {
      const [v1] = await json<SlaVersion[]>(await get('/admin/sla-policies'), 200);
      if (!v1) throw new Error('no SLA policy');
      expect(v1).toMatchObject({ version: 1, current: true, policy: { categories: { TIME_LIMITED: { result: { amount: 3, unit: 'WORKING_DAYS' } } } } });

      const running = await badReview(['B3']); // 限时整改: the result is due in 3 working days under version 1
      const runningBefore = await json<CaseRow>(await get(`/rectifications/${running}`, asCounty), 200);
      expect(runningBefore).toMatchObject({ slaPolicyVersion: 1, resultDueAt: await dueAfter(running, 3) });

      const v2 = await json<SlaVersion>(
        await post('/admin/sla-policies', { ...policyBody(v1, (policy) => (policy.categories.TIME_LIMITED.result.amount = 5)), note: '限时整改结果时限改为 5 个工作日' }),
        201,
      );
      expect(v2).toMatchObject({ id: 2, version: 2, current: true, note: '限时整改结果时限改为 5 个工作日' });
      const v1After = await json<SlaVersion>(await get('/admin/sla-policies/1', asCounty), 200);
      expect(v1After).toMatchObject({ current: false, policy: v1.policy, caseCount: v1.caseCount + 1, openCaseCount: v1.openCaseCount + 1 });

      const started = await badReview(['B3']);
      expect(await json<CaseRow>(await get(`/rectifications/${started}`, asCounty), 200)).toMatchObject({ slaPolicyVersion: 2, resultDueAt: await dueAfter(started, 5) });
      expect(await json<CaseRow>(await get(`/rectifications/${running}`, asCounty), 200)).toMatchObject({ slaPolicyVersion: 1, resultDueAt: runningBefore.resultDueAt });

      const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'sla-policy.create-version', entityId: '2' } });
      expect(audit).toMatchObject({ actorRole: 'ADMIN', entityType: 'sla-policy', details: { version: 2, previousVersion: 1 } });
    });

    const valid = {
      categories: {
        IMMEDIATE: { callback: { amount: 1, unit: 'WORKING_HOURS' }, result: { amount: 1, unit: 'WORKING_DAYS' } },
        TIME_LIMITED: { callback: { amount: 1, unit: 'WORKING_DAYS' }, result: { amount: 3, unit: 'WORKING_DAYS' } },
        COORDINATED: { callback: { amount: 1, unit: 'WORKING_DAYS' }, result: { amount: 10, unit: 'WORKING_DAYS' } },
      },
      escalationAfter: { amount: 1, unit: 'WORKING_DAYS' },
      reminderRatio: 0.8,
      confirmationWindow: { amount: 5, unit: 'WORKING_DAYS' },
      rejectionDecision: { amount: 1, unit: 'WORKING_DAYS' },
      extensionDecision: { amount: 1, unit: 'WORKING_DAYS' },
    };
    const withChange = (change: (body: typeof valid) => void) => {
      const body = structuredClone(valid);
      change(body);
      return body;
    };

    it.each([
      ['a zero amount', withChange((body) => (body.categories.IMMEDIATE.callback.amount = 0)), 'categories.IMMEDIATE.callback.amount'],
      ['a negative amount', withChange((body) => (body.escalationAfter.amount = -1)), 'escalationAfter.amount'],
      ['an amount as text', withChange((body) => Object.assign(body.confirmationWindow, { amount: '5' })), 'confirmationWindow.amount'],
      ['an unknown unit', withChange((body) => Object.assign(body.rejectionDecision, { unit: 'WEEKS' })), 'rejectionDecision.unit'],
      ['a missing category', withChange((body) => delete (body.categories as Partial<typeof body.categories>).COORDINATED), 'categories.COORDINATED'],
      ['a reminder ratio of 1', withChange((body) => (body.reminderRatio = 1)), 'reminderRatio'],
      ['a callback due after the result', withChange((body) => (body.categories.TIME_LIMITED.callback.amount = 4)), 'categories.TIME_LIMITED.callback.amount'],
      ['an unknown field', { ...valid, version: 9 }, 'version'],
    ])('refuses %s with 422 naming the field, and writes nothing', async (_name, body, field) => {
      const before = { versions: await prisma.slaPolicyVersion.count(), audit: await auditCount('sla-policy.create-version') };
      const answer = await json<{ code: string; errors: Array<{ field: string }> }>(await post('/admin/sla-policies', body), 422);
      expect(answer.code).toBe('VALIDATION_FAILED');
      expect(answer.errors.map((error) => error.field)).toContain(field);
      expect({ versions: await prisma.slaPolicyVersion.count(), audit: await auditCount('sla-policy.create-version') }).toEqual(before);
    });

    it('lets the county read but not edit, and handlers neither', async () => {
      expect((await get('/admin/sla-policies/1', asCounty)).status).toBe(200);
      expect((await get('/admin/sla-policies', asHandler)).status).toBe(403);
      expect((await post('/admin/sla-policies', valid, asCounty)).status).toBe(403);
      expect((await post('/admin/sla-policies', valid, asHandler)).status).toBe(403);
      expect((await get('/admin/sla-policies/99')).status).toBe(404);
    });
  });
});
