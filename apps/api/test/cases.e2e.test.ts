import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataProtector, parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

interface FieldError {
  field: string;
  message: string;
}
interface RowResult {
  index: number;
  line?: number;
  caseNumber: string | null;
  status: 'accepted' | 'updated' | 'unchanged' | 'rejected';
  id?: string;
  errors?: FieldError[];
}
interface Report {
  accepted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  results: RowResult[];
}
interface CaseView {
  id: string;
  caseNumber: string;
  hallCode: string;
  windowCode: string | null;
  applicantName: string;
  applicantPhone: string | null;
  completedAt: string | null;
  channel: string;
  rated: boolean;
}

/** A valid case row; each test changes what it is about. */
function caseRow(caseNumber: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseNumber,
    serviceItemCode: 'RS-001',
    hallCode: 'jiaxiang',
    windowCode: 'W01',
    staffEmployeeNumber: 'T-JX-01',
    applicant: { kind: 'PERSON', name: '张三', phone: '13812345678' },
    receivedAt: '2026-11-20T10:30:00+08:00',
    completedAt: '2026-11-20T11:05:00+08:00',
    channel: 'WINDOW',
    ...changes,
  };
}

/** 数据归集: cases pushed by business systems and imported from CSV, and the console's list of them. */
describe('cases (数据归集)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;
  let apiKey: string;
  let clientId: string;
  const protector = new DataProtector(parseDataKey(TEST_DATA_KEY));
  const adminActor = JSON.stringify({ userId: 'admin-1', role: 'ADMIN', hallCodes: [] });
  const handlerActor = (hallCode: string) => JSON.stringify({ userId: `handler-${hallCode}`, role: 'HANDLER', hallCodes: [hallCode] });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'cases-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });

    // Test databases hold reference data only; staff are demo data, so two are added here.
    const halls = await prisma.hall.findMany({ where: { code: { in: ['jiaxiang', 'jintun'] } }, include: { windows: { where: { code: 'W01' } } } });
    await prisma.staff.createMany({
      data: halls.map((hall) => ({
        employeeNumber: hall.code === 'jiaxiang' ? 'T-JX-01' : 'T-JT-01',
        name: hall.code === 'jiaxiang' ? '王丽娜' : '李建国',
        hallId: hall.id,
        windowId: hall.windows[0]?.id ?? null,
      })),
    });

    const created = await fetch(`${baseUrl}/admin/api-clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-actor': adminActor },
      body: JSON.stringify({ name: '政务服务业务系统' }),
    });
    ({ key: apiKey, id: clientId } = (await created.json()) as { key: string; id: string });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  const deliver = (body: unknown) =>
    fetch(`${baseUrl}/integration/cases`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify(body) });

  async function deliverOk(cases: unknown[]): Promise<Report> {
    const response = await deliver({ cases });
    expect(response.status).toBe(200);
    return (await response.json()) as Report;
  }

  const importCsv = (csv: string | Uint8Array, headers: Record<string, string> = {}, query = '') =>
    fetch(`${baseUrl}/cases/import${query}`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8', 'x-dev-actor': adminActor, ...headers }, body: csv });

  const listCases = (params: Record<string, unknown>, actor = adminActor) =>
    fetch(`${baseUrl}/cases?${new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)])).toString()}`, {
      headers: { 'x-dev-actor': actor },
    });

  describe('POST /api/integration/cases', () => {
    it('stores a new case with the applicant encrypted and the phone hash the window QR matches on', async () => {
      const report = await deliverOk([caseRow('JX-NEW-1', { applicant: { kind: 'PERSON', name: '张三', phone: '+86 138-1234-5678' } })]);
      expect(report).toEqual({
        accepted: 1,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        dryRun: false,
        results: [{ index: 0, caseNumber: 'JX-NEW-1', status: 'accepted', id: expect.any(String) as unknown }],
      });
      const stored = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JX-NEW-1' }, include: { hall: true, window: true, staff: true, serviceItem: true } });
      expect(stored.id).toBe(report.results[0]?.id);
      expect(stored.applicantNameEnc).not.toContain('张三');
      expect(stored.applicantPhoneEnc).not.toContain('5678');
      expect(protector.decrypt(stored.applicantNameEnc)).toBe('张三');
      expect(protector.decryptOptional(stored.applicantPhoneEnc)).toBe('13812345678');
      expect(stored.applicantPhoneHash).toBe(protector.phoneHash('13812345678'));
      expect(stored).toMatchObject({
        applicantKind: 'PERSON',
        channel: 'WINDOW',
        source: clientId,
        receivedAt: new Date('2026-11-20T02:30:00Z'),
        completedAt: new Date('2026-11-20T03:05:00Z'),
        hall: { code: 'jiaxiang' },
        window: { code: 'W01' },
        staff: { employeeNumber: 'T-JX-01' },
        serviceItem: { code: 'RS-001' },
      });
    });

    it('updates a resent case number in place, never duplicating it', async () => {
      await deliverOk([caseRow('JX-RESEND-1'), caseRow('JX-RESEND-2')]);
      const before = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JX-RESEND-1' } });

      const report = await deliverOk([
        caseRow('JX-RESEND-1', { windowCode: undefined, staffEmployeeNumber: undefined, applicant: { kind: 'ORGANIZATION', name: '嘉祥县某某有限公司', phone: '0537-6851890' }, channel: 'ONLINE' }),
        caseRow('JX-RESEND-3'),
      ]);
      expect(report).toMatchObject({ accepted: 1, updated: 1, rejected: 0 });
      expect(report.results.map((result) => [result.caseNumber, result.status])).toEqual([
        ['JX-RESEND-1', 'updated'],
        ['JX-RESEND-3', 'accepted'],
      ]);
      expect(report.results[0]?.id).toBe(before.id);

      expect(await prisma.serviceCase.count({ where: { caseNumber: 'JX-RESEND-1' } })).toBe(1);
      const after = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JX-RESEND-1' } });
      expect(after).toMatchObject({ id: before.id, windowId: null, staffId: null, applicantKind: 'ORGANIZATION', channel: 'ONLINE', createdAt: before.createdAt });
      expect(protector.decrypt(after.applicantNameEnc)).toBe('嘉祥县某某有限公司');
      expect(after.applicantPhoneHash).toBe(protector.phoneHash('05376851890'));
      expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());

      // The same case sent again as it is stored changes nothing and is not written.
      const stored3 = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JX-RESEND-3' } });
      const again = await deliverOk([caseRow('JX-RESEND-3')]);
      expect(again).toMatchObject({ accepted: 0, updated: 0, unchanged: 1, results: [{ caseNumber: 'JX-RESEND-3', status: 'unchanged', id: stored3.id }] });
      expect((await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'JX-RESEND-3' } })).updatedAt).toEqual(stored3.updatedAt);
      expect(await prisma.serviceCase.count({ where: { caseNumber: { startsWith: 'JX-RESEND-' } } })).toBe(3);
    });

    describe('a mixed batch: each bad row rejected with its reasons, the good rows around it written', () => {
      // [what is wrong, the row, the field reported, the reason]
      const badRows: Array<[string, unknown, string, RegExp]> = [
        ['no case number', caseRow('', {}), 'caseNumber', /请填写办件编号/],
        ['a case number that is a number', caseRow('x', { caseNumber: 12345 }), 'caseNumber', /办件编号必须是文字/],
        ['a case number of 65 characters', caseRow('N'.repeat(65)), 'caseNumber', /不能超过 64 个字符/],
        ['an unknown service item', caseRow('BAD-ITEM', { serviceItemCode: 'XX-999' }), 'serviceItemCode', /未知的事项编码 XX-999/],
        ['no hall', caseRow('BAD-NOHALL', { hallCode: undefined }), 'hallCode', /请填写服务大厅编码/],
        ['an unknown hall', caseRow('BAD-HALL', { hallCode: 'atlantis' }), 'hallCode', /未知的服务大厅编码 atlantis/],
        ['a window the hall does not have', caseRow('BAD-WINDOW', { hallCode: 'macun', windowCode: 'W04', staffEmployeeNumber: undefined }), 'windowCode', /马村镇没有编码为 W04 的窗口/],
        ['an unknown employee number', caseRow('BAD-STAFF', { staffEmployeeNumber: 'NOBODY' }), 'staffEmployeeNumber', /未知的工作人员工号 NOBODY/],
        ['staff of another hall', caseRow('BAD-STAFF-HALL', { staffEmployeeNumber: 'T-JT-01' }), 'staffEmployeeNumber', /属于金屯镇，不属于嘉祥街道/],
        ['no applicant', caseRow('BAD-NOAPPLICANT', { applicant: undefined }), 'applicant', /请填写申请人信息/],
        ['an applicant that is text', caseRow('BAD-APPLICANT', { applicant: '张三' }), 'applicant', /申请人信息必须是对象/],
        ['an unknown applicant kind', caseRow('BAD-KIND', { applicant: { kind: 'COMPANY', name: '某公司' } }), 'applicant.kind', /PERSON（自然人）或 ORGANIZATION（法人）/],
        ['no applicant name', caseRow('BAD-NAME', { applicant: { kind: 'PERSON', name: '  ' } }), 'applicant.name', /请填写申请人名称/],
        ['a phone that is no phone', caseRow('BAD-PHONE', { applicant: { kind: 'PERSON', name: '张三', phone: '12345' } }), 'applicant.phone', /联系电话 12345 格式不正确/],
        ['an unknown applicant field', caseRow('BAD-APPFIELD', { applicant: { kind: 'PERSON', name: '张三', idCard: '370829' } }), 'applicant.idCard', /不接受字段/],
        ['no received time', caseRow('BAD-NORECEIVED', { receivedAt: undefined }), 'receivedAt', /请填写受理时间/],
        ['a time without offset', caseRow('BAD-OFFSET', { receivedAt: '2026-11-20 10:30' }), 'receivedAt', /受理时间格式不正确.*2026-11-20T10:30:00\+08:00/],
        ['a date that does not exist', caseRow('BAD-DATE', { receivedAt: '2026-02-30T10:00:00+08:00' }), 'receivedAt', /受理时间格式不正确/],
        ['a received time in the future', caseRow('BAD-FUTURE', { receivedAt: '2099-01-01T09:00:00+08:00', completedAt: undefined }), 'receivedAt', /不能晚于当前时间/],
        ['a completion before the reception', caseRow('BAD-ORDER', { completedAt: '2026-11-20T10:29:59+08:00' }), 'completedAt', /办结时间不能早于受理时间/],
        ['an unknown channel', caseRow('BAD-CHANNEL', { channel: 'PHONE' }), 'channel', /WINDOW（线下窗口）或 ONLINE（网上办事）/],
        ['no channel', caseRow('BAD-NOCHANNEL', { channel: undefined }), 'channel', /请填写办理渠道/],
        ['an unknown field', caseRow('BAD-FIELD', { priority: 'high' }), 'priority', /不接受字段 priority/],
        ['a row that is not an object', 'JX-2026-1', '', /每条办件必须是 JSON 对象/],
        ['a case number already in this batch', caseRow('MIX-GOOD-1'), 'caseNumber', /办件编号 MIX-GOOD-1 与本批 index 为 0 的办件重复/],
      ];
      let report: Report;

      beforeAll(async () => {
        // Good rows first, last and in the middle: none of them may be held back by the bad ones.
        report = await deliverOk([
          caseRow('MIX-GOOD-1'),
          ...badRows.slice(0, 12).map(([, row]) => row),
          caseRow('MIX-GOOD-2', { windowCode: undefined, staffEmployeeNumber: undefined, applicant: { kind: 'PERSON', name: '李四' }, completedAt: undefined }),
          ...badRows.slice(12).map(([, row]) => row),
          caseRow('MIX-GOOD-3', { hallCode: 'jintun', staffEmployeeNumber: 'T-JT-01', channel: 'ONLINE' }),
        ]);
      });

      const resultOf = (position: number) => report.results[position <= 11 ? position + 1 : position + 2];

      it('counts the rows and keeps the good ones', async () => {
        expect(report).toMatchObject({ accepted: 3, updated: 0, rejected: badRows.length });
        expect(report.results.map((result) => result.index)).toEqual([...report.results.keys()]);
        const good = report.results.filter((result) => result.status !== 'rejected').map((result) => result.caseNumber);
        expect(good).toEqual(['MIX-GOOD-1', 'MIX-GOOD-2', 'MIX-GOOD-3']);
        const stored = await prisma.serviceCase.findMany({ where: { caseNumber: { startsWith: 'MIX-GOOD-' } }, orderBy: { caseNumber: 'asc' } });
        expect(stored.map((row) => [row.caseNumber, row.completedAt === null, row.applicantPhoneEnc === null])).toEqual([
          ['MIX-GOOD-1', false, false],
          ['MIX-GOOD-2', true, true],
          ['MIX-GOOD-3', false, false],
        ]);
        expect(await prisma.serviceCase.count({ where: { caseNumber: { startsWith: 'BAD-' } } })).toBe(0);
      });

      it.each(badRows.map(([label, , field, message], position) => [label, position, field, message] as const))(
        'rejects %s',
        (_label, position, field, message) => {
          const result = resultOf(position);
          expect(result?.status).toBe('rejected');
          expect(result?.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) as unknown }]));
          result?.errors?.forEach((error) => expect(error.message).toMatch(/[\u4e00-\u9fa5]/));
        },
      );

      it('reports every problem of a row at once', async () => {
        const [result] = (
          await deliverOk([{ caseNumber: 'BAD-MANY', hallCode: 'atlantis', applicant: { kind: 'PERSON', name: '张三', phone: 'abc' }, receivedAt: 'yesterday' }])
        ).results;
        expect(result?.errors?.map((error) => error.field).sort()).toEqual(['applicant.phone', 'channel', 'hallCode', 'receivedAt', 'serviceItemCode']);
      });
    });

    it('takes 1,000 cases in one request (about 300 KB, above the 64 KiB default body limit)', async () => {
      const cases = Array.from({ length: 1000 }, (_, n) => caseRow(`BULK-${String(n).padStart(4, '0')}`, { applicant: { kind: 'PERSON', name: '王五', phone: `139${String(n).padStart(8, '0')}` } }));
      const body = JSON.stringify({ cases });
      expect(body.length).toBeGreaterThan(64 * 1024);
      const report = await deliverOk(cases);
      expect(report).toMatchObject({ accepted: 1000, updated: 0, rejected: 0 });
      expect(await prisma.serviceCase.count({ where: { caseNumber: { startsWith: 'BULK-' } } })).toBe(1000);
    });

    it.each<[string, unknown, number, string]>([
      ['1,001 cases', { cases: Array.from({ length: 1001 }, (_, n) => caseRow(`TOO-MANY-${n}`)) }, 422, 'BATCH_TOO_LARGE'],
      ['no case at all', { cases: [] }, 422, 'VALIDATION_FAILED'],
      ['no cases array', { case: caseRow('X') }, 422, 'VALIDATION_FAILED'],
      ['cases that are not a list', { cases: caseRow('X') }, 422, 'VALIDATION_FAILED'],
    ])('refuses %s as a whole, writing nothing', async (_label, body, status, code) => {
      const response = await deliver(body);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { code: string }).code).toBe(code);
      expect(await prisma.serviceCase.count({ where: { caseNumber: { startsWith: 'TOO-MANY-' } } })).toBe(0);
    });

    it('refuses a body above 2 MiB with 413', async () => {
      const response = await deliver({ cases: [caseRow('HUGE', { padding: 'x'.repeat(2 * 1024 * 1024) })] });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('CSV import', () => {
    const HEADERS = '办件编号,事项编码,服务大厅编码,窗口编码,工作人员工号,申请人类型,申请人名称,联系电话,受理时间,办结时间,办理渠道';

    it('offers a template: UTF-8 with BOM, the Chinese headers and one example line that imports as it is', async () => {
      const response = await fetch(`${baseUrl}/cases/import-template.csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers.get('content-disposition')).toMatch(/attachment/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe(HEADERS);
      expect(lines[1]).toMatch(/^JX-2026-000001,[A-Z]{2}-\d{3},dazhanglou,W01,,自然人,张三,13812345678,2026-11-20 10:30,2026-11-20 11:05,线下窗口$/);

      const dryRun = (await (await importCsv(bytes, {}, '?dryRun=1')).json()) as Report;
      expect(dryRun).toMatchObject({ dryRun: true, accepted: 1, rejected: 0, results: [{ line: 2, caseNumber: 'JX-2026-000001', status: 'accepted' }] });
      const report = (await (await importCsv(bytes)).json()) as Report;
      expect(report).toMatchObject({ dryRun: false, accepted: 1, rejected: 0, results: [{ line: 2, caseNumber: 'JX-2026-000001', status: 'accepted' }] });
    });

    it('documents the template, the import and its dry run with every status in OpenAPI', async () => {
      const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, unknown> }>> };
      expect(Object.keys(document.paths['/api/cases/import-template.csv']?.['get']?.responses ?? {})).toEqual(['200']);
      const importOperation = document.paths['/api/cases/import']?.['post'];
      expect(Object.keys(importOperation?.responses ?? {}).sort()).toEqual(['200', '401', '403', '413', '415', '422', '429', '503']);
      expect(importOperation?.parameters?.map((parameter) => parameter.name)).toContain('dryRun');
    });

    describe('a dry run before the commit (?dryRun=1)', () => {
      const line = (caseNumber: string, name = '孙八') => `${caseNumber},RS-001,jiaxiang,W01,T-JX-01,自然人,${name},13812345678,2026-11-20 10:30,2026-11-20 11:05,线下窗口`;
      const file = (...lines: string[]) => [`\uFEFF${HEADERS}`, ...lines].join('\r\n');
      const statuses = (report: Report) => report.results.map((result) => [result.line, result.caseNumber, result.status, result.errors?.map((error) => error.field) ?? []]);
      const storedDry = () => prisma.serviceCase.findMany({ where: { caseNumber: { startsWith: 'DRY-' } }, orderBy: { caseNumber: 'asc' }, select: { caseNumber: true, updatedAt: true } });

      it('lists every bad line with its reason and writes nothing; the commit of the same file writes the good lines it announced', async () => {
        const csv = file(line('DRY-1'), 'DRY-2,RS-001,atlantis,W01,,自然人,周九,12,2026-11-20 10:30,,线下窗口', line('DRY-3'), line('DRY-1'));
        const dry = await importCsv(csv, {}, '?dryRun=1');
        expect(dry.status).toBe(200);
        const dryReport = (await dry.json()) as Report;
        expect(dryReport).toMatchObject({ dryRun: true, accepted: 2, updated: 0, unchanged: 0, rejected: 2 });
        expect(statuses(dryReport)).toEqual([
          [2, 'DRY-1', 'accepted', []],
          [3, 'DRY-2', 'rejected', ['服务大厅编码', '联系电话']],
          [4, 'DRY-3', 'accepted', []],
          [5, 'DRY-1', 'rejected', ['办件编号']],
        ]);
        expect(dryReport.results[3]?.errors?.[0]?.message).toBe('办件编号 DRY-1 与第 2 行重复');
        expect(dryReport.results.every((result) => result.id === undefined)).toBe(true);
        expect(await storedDry()).toEqual([]);

        const commit = (await (await importCsv(csv)).json()) as Report;
        expect(commit).toMatchObject({ dryRun: false, accepted: 2, updated: 0, unchanged: 0, rejected: 2 });
        expect(statuses(commit)).toEqual(statuses(dryReport));
        expect((await storedDry()).map((row) => row.caseNumber)).toEqual(['DRY-1', 'DRY-3']);
      });

      it('is idempotent by case number: a re-import says which lines are new, unchanged or updated, in the dry run and the commit alike', async () => {
        await importCsv(file(line('DRY-10'), line('DRY-11')));
        const before = await storedDry();
        const csv = file(line('DRY-10'), line('DRY-11', '孙八八'), line('DRY-12'));

        const dry = (await (await importCsv(csv, {}, '?dryRun=true')).json()) as Report;
        expect(dry).toMatchObject({ dryRun: true, accepted: 1, updated: 1, unchanged: 1, rejected: 0 });
        expect(statuses(dry)).toEqual([
          [2, 'DRY-10', 'unchanged', []],
          [3, 'DRY-11', 'updated', []],
          [4, 'DRY-12', 'accepted', []],
        ]);
        expect(await storedDry()).toEqual(before);

        const commit = (await (await importCsv(csv)).json()) as Report;
        expect(commit).toMatchObject({ dryRun: false, accepted: 1, updated: 1, unchanged: 1, rejected: 0 });
        expect(statuses(commit)).toEqual(statuses(dry));
        const after = new Map((await storedDry()).map((row) => [row.caseNumber, row.updatedAt.getTime()]));
        const beforeAt = new Map(before.map((row) => [row.caseNumber, row.updatedAt.getTime()]));
        expect(after.get('DRY-10')).toBe(beforeAt.get('DRY-10'));
        expect(after.get('DRY-11')).toBeGreaterThan(beforeAt.get('DRY-11') ?? Infinity);
        const renamed = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'DRY-11' } });
        expect(protector.decrypt(renamed.applicantNameEnc)).toBe('孙八八');

        const third = (await (await importCsv(csv)).json()) as Report;
        expect(third).toMatchObject({ accepted: 0, updated: 0, unchanged: 3, rejected: 0 });
      });

      it('refuses a file that cannot be read as a whole, as the commit does', async () => {
        const response = await importCsv('办件编号,事项编码\nX,RS-001', {}, '?dryRun=1');
        expect(response.status).toBe(422);
        expect(await response.json()).toMatchObject({ code: 'CSV_INVALID' });
      });

      it.each(['yes', '2', ''])('refuses dryRun=%s with 422', async (value) => {
        const response = await importCsv(file(line('DRY-99')), {}, `?dryRun=${value}`);
        expect(response.status).toBe(422);
        expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'dryRun' }] });
        expect(await prisma.serviceCase.count({ where: { caseNumber: 'DRY-99' } })).toBe(0);
      });

      it('is refused to a handler as the commit is', async () => {
        const response = await importCsv(file(line('DRY-98')), { 'x-dev-actor': handlerActor('jiaxiang') }, '?dryRun=1');
        expect(response.status).toBe(403);
      });
    });

    it('imports good lines and reports a bad one by its line number and column', async () => {
      const csv = [
        `\uFEFF${HEADERS}`,
        'CSV-1,RS-001,jiaxiang,W01,T-JX-01,自然人,张三,13812345678,2026-11-20 10:30,2026-11-20 11:05,线下窗口',
        'CSV-2,SC-001,jintun,,,法人,"嘉祥县某某商贸有限公司",0537-6851890,2026/11/21 9:05,2026-11-21T10:00:00+08:00,网上办事',
        '',
        'CSV-3,RS-001,atlantis,W01,,自然人,王五,12,2026-11-20 10:30,2026-11-20 09:00,线下窗口',
        'CSV-4,RS-002,jiaxiang,W02,,自然人,"赵六，""老赵""",,2026-11-22 08:00,,PERSON',
        'CSV-5,RS-002,jiaxiang,W02,,ORGANIZATION,"多行\r\n名称",,2026-11-22 08:00,,WINDOW',
        'CSV-6,RS-002,jiaxiang,W02,,个人,钱七,,2026-11-22 25:00,,线下窗口',
        'CSV-1,RS-001,jiaxiang,W01,,自然人,张三,,2026-11-20 10:30,,线下窗口',
      ].join('\r\n');
      const response = await importCsv(csv);
      expect(response.status).toBe(200);
      const report = (await response.json()) as Report;
      expect(report).toMatchObject({ accepted: 2, updated: 0, rejected: 5 });
      const byLine = new Map(report.results.map((result) => [result.line, result]));
      expect([...byLine.keys()]).toEqual([2, 3, 5, 6, 7, 9, 10]);
      expect(byLine.get(2)).toMatchObject({ index: 0, caseNumber: 'CSV-1', status: 'accepted' });
      expect(byLine.get(3)).toMatchObject({ caseNumber: 'CSV-2', status: 'accepted' });
      expect(byLine.get(5)?.errors).toEqual([
        { field: '服务大厅编码', message: expect.stringMatching(/未知的服务大厅编码 atlantis/) as unknown },
        { field: '联系电话', message: expect.stringMatching(/格式不正确/) as unknown },
        { field: '办结时间', message: '办结时间不能早于受理时间' },
      ]);
      expect(byLine.get(6)?.errors).toEqual([{ field: '办理渠道', message: expect.stringMatching(/线下窗口/) as unknown }]);
      expect(byLine.get(7)?.errors).toEqual([{ field: '申请人名称', message: expect.stringMatching(/换行/) as unknown }]);
      expect(byLine.get(9)?.errors?.map((error) => error.field)).toEqual(['申请人类型', '受理时间']);
      expect(byLine.get(9)?.errors?.[1]?.message).toMatch(/2026-11-20 10:30/);
      expect(byLine.get(10)?.errors).toEqual([{ field: '办件编号', message: '办件编号 CSV-1 与第 2 行重复' }]);

      const stored = await prisma.serviceCase.findMany({ where: { caseNumber: { startsWith: 'CSV-' } }, orderBy: { caseNumber: 'asc' } });
      expect(stored.map((row) => row.caseNumber)).toEqual(['CSV-1', 'CSV-2']);
      expect(stored[0]).toMatchObject({ applicantKind: 'PERSON', channel: 'WINDOW', source: 'csv:admin-1', receivedAt: new Date('2026-11-20T02:30:00Z') });
      expect(stored[1]).toMatchObject({ applicantKind: 'ORGANIZATION', channel: 'ONLINE', receivedAt: new Date('2026-11-21T01:05:00Z'), completedAt: new Date('2026-11-21T02:00:00Z') });
      expect(protector.decrypt(stored[1]?.applicantNameEnc ?? '')).toBe('嘉祥县某某商贸有限公司');
      expect(stored[1]?.applicantPhoneHash).toBe(protector.phoneHash('05376851890'));
    });

    it.each<[string, string | Uint8Array, number, string, RegExp]>([
      ['a file with a column missing', '办件编号,事项编码\nX,RS-001', 422, 'CSV_INVALID', /表头与导入模板不一致/],
      ['a file with an unknown column', `${HEADERS},备注\nX`, 422, 'CSV_INVALID', /表头/],
      ['a file with only its header', `${HEADERS}\r\n`, 422, 'CSV_INVALID', /没有办件/],
      ['an empty file', '\uFEFF', 422, 'CSV_INVALID', /空/],
      ['a quote never closed', `${HEADERS}\n"X,RS-001`, 422, 'CSV_INVALID', /无法解析/],
      // 办件编号 in GBK, as Excel's plain "CSV" saves it on a Chinese Windows.
      ['a file that is not UTF-8', new Uint8Array([0xb0, 0xec, 0xbc, 0xfe, 0xb1, 0xe0, 0xba, 0xc5, 0x0a]), 422, 'CSV_INVALID', /UTF-8/],
      ['5,001 lines', `${HEADERS}\n${'X,RS-001,jiaxiang,,,自然人,张三,,2026-11-20 10:30,,线下窗口\n'.repeat(5001)}`, 422, 'BATCH_TOO_LARGE', /5000/],
    ])('refuses %s as a whole', async (_label, csv, status, code, message) => {
      const response = await importCsv(csv);
      expect(response.status).toBe(status);
      expect(await response.json()).toMatchObject({ code, message: expect.stringMatching(message) as unknown });
    });

    it.each([
      ['a JSON body', { 'content-type': 'application/json' }, JSON.stringify({ cases: [] }), 415],
      ['no actor', { 'x-dev-actor': '' }, HEADERS, 401],
      ['a handler', { 'x-dev-actor': handlerActor('jintun') }, HEADERS, 403],
    ])('refuses %s', async (_label, headers, body, status) => {
      const response = await fetch(`${baseUrl}/cases/import`, {
        method: 'POST',
        headers: Object.fromEntries(Object.entries({ 'content-type': 'text/csv', 'x-dev-actor': adminActor, ...headers }).filter(([, value]) => value !== '')),
        body,
      });
      expect(response.status).toBe(status);
    });
  });

  describe('GET /api/cases (react-admin simple-rest)', () => {
    beforeAll(async () => {
      const report = await deliverOk([
        caseRow('LIST-A', { completedAt: '2026-11-23T09:10:00+08:00', receivedAt: '2026-11-23T09:00:00+08:00' }),
        caseRow('LIST-B', { completedAt: '2026-11-24T15:00:00+08:00', receivedAt: '2026-11-24T14:00:00+08:00', channel: 'ONLINE', windowCode: 'W02', staffEmployeeNumber: undefined }),
        caseRow('LIST-C', { hallCode: 'jintun', staffEmployeeNumber: 'T-JT-01', serviceItemCode: 'YB-001', completedAt: '2026-11-25T10:00:00+08:00', receivedAt: '2026-11-25T09:00:00+08:00' }),
        caseRow('LIST-D', { completedAt: undefined, receivedAt: '2026-11-26T09:00:00+08:00', applicant: { kind: 'ORGANIZATION', name: '嘉祥县某某有限公司' } }),
      ]);
      expect(report.accepted).toBe(4);
    });

    const numbers = async (response: Response) => ((await response.json()) as CaseView[]).map((row) => row.caseNumber);

    it.each<[string, Record<string, unknown>, string[], string]>([
      ['newest reception first by default', { filter: { caseNumber: 'LIST-' } }, ['LIST-D', 'LIST-C', 'LIST-B', 'LIST-A'], 'cases 0-3/4'],
      ['by completion, open cases last', { filter: { caseNumber: 'list-' }, sort: ['completedAt', 'ASC'] }, ['LIST-A', 'LIST-B', 'LIST-C', 'LIST-D'], 'cases 0-3/4'],
      ['a page', { filter: { caseNumber: 'LIST-' }, sort: ['caseNumber', 'ASC'], range: [1, 2] }, ['LIST-B', 'LIST-C'], 'cases 1-2/4'],
      ['one hall', { filter: { caseNumber: 'LIST-', hallCode: 'jintun' } }, ['LIST-C'], 'cases 0-0/1'],
      ['one window', { filter: { caseNumber: 'LIST-', hallCode: 'jiaxiang', windowCode: 'W02' } }, ['LIST-B'], 'cases 0-0/1'],
      ['one service item', { filter: { caseNumber: 'LIST-', serviceItemCode: ['YB-001'] } }, ['LIST-C'], 'cases 0-0/1'],
      ['online cases', { filter: { caseNumber: 'LIST-', channel: 'ONLINE' } }, ['LIST-B'], 'cases 0-0/1'],
      [
        'completed in a range (from inclusive, to exclusive)',
        { filter: { caseNumber: 'LIST-', completedFrom: '2026-11-23T09:10:00+08:00', completedTo: '2026-11-25T10:00:00+08:00' }, sort: ['caseNumber', 'ASC'] },
        ['LIST-A', 'LIST-B'],
        'cases 0-1/2',
      ],
      ['nothing', { filter: { caseNumber: 'LIST-', hallCode: 'macun' } }, [], 'cases */0'],
    ])('%s', async (_label, params, expected, contentRange) => {
      const response = await listCases(params);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-range')).toBe(contentRange);
      expect(await numbers(response)).toEqual(expected);
    });

    it('masks the applicant and names the hall, window, item and staff', async () => {
      const [row] = (await (await listCases({ filter: { caseNumber: 'LIST-A' } })).json()) as Array<Record<string, unknown>>;
      expect(row).toMatchObject({
        caseNumber: 'LIST-A',
        applicantName: '张*',
        applicantPhone: '138****5678',
        hallCode: 'jiaxiang',
        hallName: '嘉祥街道',
        windowCode: 'W01',
        windowName: '综合受理窗口',
        staffEmployeeNumber: 'T-JX-01',
        staffName: '王丽娜',
        serviceItemCode: 'RS-001',
        nature: 'OFFLINE',
        completedAt: '2026-11-23T09:10:00+08:00',
        rated: false,
        reviewLevel: null,
      });
      expect(JSON.stringify(row)).not.toMatch(/张三|13812345678|Enc|Hash/);
      const [organization] = (await (await listCases({ filter: { caseNumber: 'LIST-D' } })).json()) as Array<Record<string, unknown>>;
      expect(organization).toMatchObject({ applicantName: '嘉********', applicantKind: 'ORGANIZATION', completedAt: null });
    });

    it("shows a hall's staff only their hall's cases", async () => {
      const response = await listCases({ filter: { caseNumber: 'LIST-' } }, handlerActor('jintun'));
      expect(await numbers(response)).toEqual(['LIST-C']);
      const other = await listCases({ filter: { caseNumber: 'LIST-', hallCode: 'jiaxiang' } }, handlerActor('jintun'));
      expect(await numbers(other)).toEqual([]);
    });

    it('shows one case, and refuses cases of other halls and unknown ids', async () => {
      const [listed] = (await (await listCases({ filter: { caseNumber: 'LIST-A' } })).json()) as CaseView[];
      const one = await fetch(`${baseUrl}/cases/${listed?.id}`, { headers: { 'x-dev-actor': adminActor } });
      expect(one.status).toBe(200);
      expect(await one.json()).toMatchObject({ id: listed?.id, caseNumber: 'LIST-A', applicantPhone: '138****5678', review: null });

      const foreign = await fetch(`${baseUrl}/cases/${listed?.id}`, { headers: { 'x-dev-actor': handlerActor('jintun') } });
      expect(foreign.status).toBe(403);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'LIST-A']) {
        const missing = await fetch(`${baseUrl}/cases/${id}`, { headers: { 'x-dev-actor': adminActor } });
        expect(missing.status).toBe(404);
        expect(((await missing.json()) as { code: string }).code).toBe('CASE_NOT_FOUND');
      }
    });

    it('tells rated cases from the rest, with the review and the staff entries about the case on the detail', async () => {
      const rated = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'LIST-B' } });
      const review = await prisma.review.create({
        data: { hallId: rated.hallId, caseId: rated.id, level: 4, channel: 'ONLINE_PORTAL', trackingCode: 'TESTLISTB2', clientKey: 'cases-e2e-list-b' },
      });
      // A hotline item a handler entered about LIST-A: feedback on its page, not its rating.
      const aboutA = await prisma.serviceCase.findUniqueOrThrow({ where: { caseNumber: 'LIST-A' } });
      const hotline = await prisma.review.create({
        data: { hallId: aboutA.hallId, aboutCaseId: aboutA.id, level: 5, channel: 'HOTLINE', enteredBy: 'handler-1', trackingCode: 'TESTLISTA5', clientKey: 'cases-e2e-list-a-hotline' },
      });
      const onlyRated = await listCases({ filter: { caseNumber: 'LIST-', rated: true } });
      expect(await onlyRated.clone().json()).toMatchObject([{ caseNumber: 'LIST-B', rated: true, reviewLevel: 4 }]);
      expect(await numbers(await listCases({ filter: { caseNumber: 'LIST-', rated: false }, sort: ['caseNumber', 'ASC'] }))).toEqual(['LIST-A', 'LIST-C', 'LIST-D']);
      const detail = await fetch(`${baseUrl}/cases/${rated.id}`, { headers: { 'x-dev-actor': adminActor } });
      expect(await detail.json()).toMatchObject({ rated: true, review: { id: review.id, level: 4, channel: 'ONLINE_PORTAL', createdAt: expect.stringMatching(/\+08:00$/) as unknown }, feedback: [] });
      const detailA = await fetch(`${baseUrl}/cases/${aboutA.id}`, { headers: { 'x-dev-actor': adminActor } });
      expect(await detailA.json()).toMatchObject({ rated: false, reviewLevel: null, review: null, feedback: [{ id: hotline.id, level: 5, channel: 'HOTLINE', createdAt: expect.stringMatching(/\+08:00$/) as unknown }] });
    });

    it.each([
      ['an unknown filter', { filter: { applicantPhone: '13812345678' } }, 'filter.applicantPhone'],
      ['a completion bound without offset', { filter: { completedFrom: '2026-11-23' } }, 'filter.completedFrom'],
      ['an unknown channel', { filter: { channel: 'PHONE' } }, 'filter.channel'],
      ['sorting by the applicant', { sort: ['applicantName', 'ASC'] }, 'sort'],
    ])('refuses %s (422)', async (_label, params, field) => {
      const response = await listCases(params);
      expect(response.status).toBe(422);
      expect(((await response.json()) as { errors: FieldError[] }).errors.map((error) => error.field)).toContain(field);
    });

    it('is refused without an actor, and to citizens', async () => {
      expect((await fetch(`${baseUrl}/cases`)).status).toBe(401);
      expect((await listCases({}, JSON.stringify({ userId: 'c', role: 'CITIZEN', hallCodes: [] }))).status).toBe(403);
    });
  });
});
