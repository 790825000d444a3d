import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { startE2eStack, type E2eStack } from './helpers/e2e-stack';
import { eventually } from './helpers/eventually';
import { freshPhone } from './helpers/rating-stack';
import { ReviewSeeder } from './helpers/review-seed';

/**
 * Proof that a callback happened (issue 13, 实名差评回访率): a callback keeps the time the handler states and the time
 * the system recorded it; a stated time before the review or after the recording is refused; one recorded more than
 * a working hour after its stated time is 补录; a hall's phone-system call log, imported as CSV with the numbers
 * hashed, shows each phone callback as 通话记录已核验 (a call to the reviewer's number within ±10 minutes) or 未核验.
 */
describe('proof that a callback happened', () => {
  let stack: E2eStack;
  let prisma: PrismaClient;
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));

  beforeAll(async () => {
    stack = await startE2eStack();
    prisma = createPrismaClient({ databaseUrl: stack.db.url });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await stack?.close();
  });

  const actorHeader = (role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes }) });
  const handler = () => actorHeader('HANDLER', ['jintun']);
  const county = () => actorHeader('COUNTY_SUPERVISOR');

  interface Proof {
    statedAt: string;
    recordedAt: string;
    method: string;
    reached: boolean;
    backfilled: boolean;
    callLog: 'VERIFIED' | 'UNVERIFIED' | null;
    labels: string[];
  }
  interface CaseBody {
    callbackProofs: Proof[];
    timeline: Array<{ action: string; callbackProof?: Proof }>;
  }

  const post = (path: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const importLog = (csv: string, query: string, headers: Record<string, string> = handler()) =>
    fetch(`${stack.baseUrl}/call-logs/import?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: csv });
  async function detail(id: string): Promise<CaseBody> {
    const response = await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: county() });
    expect(response.status).toBe(200);
    return (await response.json()) as CaseBody;
  }
  /** A real-name 差评 from the public form, its case opened by the workflow. */
  async function openCase(phone: string): Promise<{ id: string; reviewedAt: Date }> {
    const submitted = await post('/public/reviews', { hallCode: 'jintun', level: 1, comment: '窗口推诿', reviewer: { kind: 'REAL_NAME', name: '周八', phone }, clientKey: randomUUID() }, {});
    expect(submitted.status).toBe(201);
    const { id } = (await submitted.json()) as { id: string };
    // The read model too: the API checks the stated time where it knows the actor may record a callback.
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}?live=1`, { headers: county() })).status === 200);
    await eventually(async () => (await fetch(`${stack.baseUrl}/rectifications/${id}`, { headers: county() })).status === 200);
    const { createdAt } = await prisma.review.findUniqueOrThrow({ where: { id }, select: { createdAt: true } });
    return { id, reviewedAt: createdAt };
  }
  const callback = (id: string, at: string, method = 'PHONE') =>
    post(`/rectifications/${id}/actions/record-callback`, { at, method, reached: false, summary: '无人接听' }, handler());

  describe('the stated time', () => {
    it.each([
      ['a minute before the review', (reviewedAt: Date) => new Date(reviewedAt.getTime() - 60_000), '回访时间（at）不能早于评价时间'],
      // Within the workflow's allowance for clock skew (5 minutes): refused by the API's own check.
      ['three minutes after now', () => new Date(Date.now() + 3 * 60_000), '回访时间（at）不能晚于当前时间'],
      ['a day after now', () => new Date(Date.now() + 86_400_000), '回访时间（at）不能晚于当前时间'],
    ])('is refused when it is %s: 422 in the one error shape, nothing recorded', async (_case, statedAt, message) => {
      const { id, reviewedAt } = await openCase(freshPhone());
      const response = await callback(id, statedAt(reviewedAt).toISOString());
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ statusCode: 422, code: 'INVALID_ARGUMENT', message, errors: [{ field: 'at', message }], path: expect.any(String) as unknown });
      const live = (await (await fetch(`${stack.baseUrl}/rectifications/${id}?live=1`, { headers: county() })).json()) as { callbacks: unknown[] };
      expect(live.callbacks).toEqual([]);
    });

    it('is kept beside the time the system recorded it; recorded at once it is no 补录', async () => {
      const { id, reviewedAt } = await openCase(freshPhone());
      const statedAt = new Date(Math.max(reviewedAt.getTime(), Date.now() - 1000));
      const response = await callback(id, statedAt.toISOString());
      expect(response.status).toBe(200);
      const live = (await response.json()) as CaseBody & { callbacks: Array<{ at: string; recordedAt: string }> };
      expect(live.callbacks).toEqual([expect.objectContaining({ at: statedAt.toISOString(), recordedAt: expect.any(String) as unknown })]);
      expect(Math.abs(Date.parse(live.callbacks[0].recordedAt) - Date.now())).toBeLessThan(60_000);
      expect(live.callbackProofs).toEqual([expect.objectContaining({ method: 'PHONE', backfilled: false, callLog: 'UNVERIFIED', labels: ['未核验'] })]);
      const read = await eventually(async () => {
        const body = await detail(id);
        return body.callbackProofs.length === 1 ? body : null;
      });
      expect(Date.parse(read.callbackProofs[0].statedAt)).toBe(statedAt.getTime());
      expect(Date.parse(read.callbackProofs[0].recordedAt)).toBeGreaterThanOrEqual(statedAt.getTime());
      expect(read.timeline.find((entry) => entry.callbackProof)).toMatchObject({ action: '回访未联系上', callbackProof: { backfilled: false, labels: ['未核验'] } });
    });
  });

  describe('补录 and the call-log check, on a case whose times the test chose', () => {
    const reviewerPhone = '13700001111';
    let reviewId: string;

    beforeAll(async () => {
      const seed = new ReviewSeeder(prisma);
      reviewId = await seed.review({ hallCode: 'jintun', level: 1, createdAt: '2026-03-09T08:30:00+08:00', reviewer: { name: '吴九', phone: reviewerPhone } });
      await prisma.review.update({ where: { id: reviewId }, data: { reviewerPhoneHash: protector.phoneHash(reviewerPhone) } });
      await seed.rectification(reviewId, { state: 'RECTIFYING', openedAt: '2026-03-09T08:30:00+08:00' });
      // Monday 2026-03-09; office hours 09:00–12:00, 13:00–17:00.
      const entries = [
        // recorded 5 minutes after the call
        ['2026-03-09T10:05:00+08:00', { callbackAt: '2026-03-09T10:00:00+08:00', method: 'PHONE', reached: false }],
        // stated 14:00 Monday, recorded 10:00 Tuesday: 3 h + 1 h of office time later → 补录
        ['2026-03-10T10:00:00+08:00', { callbackAt: '2026-03-09T14:00:00+08:00', method: 'PHONE', reached: false }],
        // stated 16:30 Monday, recorded 09:20 Tuesday: 50 working minutes → no 补录
        ['2026-03-10T09:20:00+08:00', { callbackAt: '2026-03-09T16:30:00+08:00', method: 'PHONE', reached: true }],
        // on the spot: no call to look for
        ['2026-03-10T11:00:00+08:00', { callbackAt: '2026-03-10T10:55:00+08:00', method: 'ON_SITE', reached: true }],
      ] as const;
      await prisma.rectificationTimelineEntry.createMany({
        data: entries.map(([at, details], seq) => ({ reviewId, seq: seq + 1, at: new Date(at), actor: 'handler-1', action: details.reached ? '已回访，作出初步答复' : '回访未联系上', details })),
      });
    });

    it('marks as 补录 the callbacks recorded more than one working hour after their stated time', async () => {
      const { callbackProofs, timeline } = await detail(reviewId);
      expect(callbackProofs.map((proof) => [proof.statedAt, proof.recordedAt, proof.backfilled])).toEqual([
        ['2026-03-09T10:00:00+08:00', '2026-03-09T10:05:00+08:00', false],
        ['2026-03-09T14:00:00+08:00', '2026-03-10T10:00:00+08:00', true],
        ['2026-03-09T16:30:00+08:00', '2026-03-10T09:20:00+08:00', false],
        ['2026-03-10T10:55:00+08:00', '2026-03-10T11:00:00+08:00', false],
      ]);
      expect(timeline.filter((entry) => entry.callbackProof).map((entry) => entry.callbackProof?.labels)).toEqual([['未核验'], ['补录', '未核验'], ['未核验'], []]);
    });

    it('shows 通话记录已核验 for a call to the reviewer within ±10 minutes, 未核验 for one further away or to another number', async () => {
      const csv = [
        '通话时间,通话时长,被叫号码',
        '2026-03-09 10:10:00,0,137 0000 1111', // 10 min after the first callback (unreached: an unanswered call shows it)
        '2026-03-09 14:11:00,45,13700001111', // 11 min after the second: outside
        '2026-03-09 14:00:00,45,13700002222', // at the second's time, but another number
        '2026-03-09 16:22:00,120,+86 137-0000-1111', // 8 min before the third (reached, answered)
      ].join('\n');
      const response = await importLog(csv, 'hallCode=jintun');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ dryRun: false, imported: 4, badLines: [] });
      const { callbackProofs } = await detail(reviewId);
      expect(callbackProofs.map((proof) => proof.callLog)).toEqual(['VERIFIED', 'UNVERIFIED', 'VERIFIED', null]);
      expect(callbackProofs.map((proof) => proof.labels)).toEqual([['通话记录已核验'], ['补录', '未核验'], ['通话记录已核验'], []]);
    });
  });

  describe('importing a call log', () => {
    const phone = '13811112222';
    const csv = [
      '通话时间,通话时长,被叫号码,坐席',
      '2026-04-01 09:10:00,60,13811112222,8001',
      '2026-04-01 09:20:00,1:30,13811112222,8001',
      '昨天,60,13811112222,8001',
      '2026-04-01 09:30:00,60,不是号码,8002',
      '2026-04-01 09:40:00,,13811113333,8002',
      '2026-04-01 09:50:00,15,138-1111-3333,8002',
    ].join('\n');
    const badLines = [
      { line: 4, reason: '通话时间“昨天”不是有效的时间（例如 2026-11-20 10:30:00）' },
      { line: 5, reason: '被叫号码不是有效的电话号码' },
      { line: 6, reason: '通话时长为空' },
    ];
    const rows = () => prisma.$queryRaw<Array<{ row: string }>>`SELECT row_to_json(c)::text AS row FROM call_log_entry c JOIN hall h ON h.id = c.hall_id WHERE h.code = 'zhifang'`;
    const zhifangHandler = () => actorHeader('HANDLER', ['zhifang']);

    it('a dry run lists the bad lines with their reasons and writes nothing', async () => {
      const response = await importLog(csv, 'hallCode=zhifang&dryRun=true', zhifangHandler());
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ dryRun: true, hallCode: 'zhifang', lines: 6, valid: 3, imported: 3, alreadyImported: 0, badLines });
      expect(await rows()).toEqual([]);
    });

    it('the commit stores the readable calls with the number only as its keyed hash', async () => {
      const response = await importLog(csv, 'hallCode=zhifang', zhifangHandler());
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ dryRun: false, hallCode: 'zhifang', lines: 6, valid: 3, imported: 3, alreadyImported: 0, badLines });
      const stored = await rows();
      expect(stored).toHaveLength(3);
      for (const { row } of stored) {
        // No column holds the number or a recognisable part of it.
        expect(row).not.toMatch(/1381111|11112222|11113333/);
        expect([protector.phoneHash(phone), protector.phoneHash('13811113333')]).toContain((JSON.parse(row) as { called_phone_hash: string }).called_phone_hash);
      }
      const columns = await prisma.$queryRaw<Array<{ column_name: string }>>`SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'call_log_entry' ORDER BY column_name`;
      expect(columns.map((column) => column.column_name)).toEqual(['called_at', 'called_phone_hash', 'duration_seconds', 'hall_id', 'id', 'imported_at', 'imported_by']);
    });

    it('importing the same log again adds nothing, and a dry run says so', async () => {
      const again = await importLog(csv, 'hallCode=zhifang', zhifangHandler());
      expect(await again.json()).toMatchObject({ dryRun: false, valid: 3, imported: 0, alreadyImported: 3 });
      const dryRun = await importLog(csv, 'hallCode=zhifang&dryRun=true', zhifangHandler());
      expect(await dryRun.json()).toMatchObject({ dryRun: true, valid: 3, imported: 0, alreadyImported: 3 });
      expect(await rows()).toHaveLength(3);
    });

    it.each([
      ["another hall's handler", 'hallCode=zhifang', handler(), 403, 'FORBIDDEN'],
      ['a department guide', 'hallCode=zhifang', { 'x-dev-actor': JSON.stringify({ userId: 'g', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: ['yibao'] }) }, 403, 'FORBIDDEN'],
      ['the county, for a hall that does not exist', 'hallCode=nowhere', county(), 422, 'UNKNOWN_HALL'],
      ['a missing hall code', '', county(), 422, 'VALIDATION_FAILED'],
    ])('is refused for %s', async (_case, query, headers, status, code) => {
      const response = await importLog(csv, query, headers);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ statusCode: status, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) as unknown });
    });

    it('refuses a file without the number column whole (422 CSV_INVALID)', async () => {
      const response = await importLog('通话时间,通话时长\n2026-04-01 09:10:00,60\n', 'hallCode=zhifang', zhifangHandler());
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: 'CSV_INVALID', message: expect.stringContaining('被叫号码') as unknown });
    });
  });
});
