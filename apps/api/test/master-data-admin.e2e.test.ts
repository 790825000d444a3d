import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

/**
 * Admins keep the master data (issue 6, "Master data (admins)"): halls with office hours, windows, staff,
 * departments and service items are created and edited, windows, staff and items disabled instead of deleted
 * (reviews copy them). Every change is one transaction with its audit line; refusals write nothing.
 */
describe('master data kept by admins', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let prisma: PrismaClient;

  const actorHeader = (role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes }) });
  const ADMIN = actorHeader('ADMIN');
  const HANDLER = actorHeader('HANDLER', ['jintun']);

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'master-data-admin-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
    prisma = createPrismaClient({ databaseUrl: db.url });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.close();
    await db?.drop();
  });

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = ADMIN) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & { errors?: Array<{ field: string; message: string }> } };
  }

  const auditOf = (entityType: string, entityId: string) =>
    prisma.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: 'asc' }, select: { action: true, actorId: true, actorRole: true, details: true, requestId: true } });

  /** The one error shape, with its field errors. */
  function expectValidationError(result: { status: number; body: Record<string, unknown> }, fields: Array<[string, string]>) {
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ statusCode: 422, code: 'VALIDATION_FAILED', path: expect.any(String) as unknown, requestId: expect.any(String) as unknown, timestamp: expect.any(String) as unknown });
    expect(typeof result.body.message).toBe('string');
    expect(result.body.errors).toEqual(expect.arrayContaining(fields.map(([field, message]) => ({ field, message }))));
  }

  const WEEKDAY = [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ];

  describe('halls and their office hours', () => {
    it('creates a hall with the default office hours, trimmed, and audits it', async () => {
      const created = await send('POST', '/halls', { code: ' shiyan ', name: '  试验镇 ', kind: 'TOWN' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: 'shiyan',
        name: '试验镇',
        kind: 'TOWN',
        officeHours: { 1: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
        windows: [],
      });
      expect(await auditOf('hall', 'shiyan')).toEqual([
        { action: 'hall.create', actorId: 'admin-1', actorRole: 'ADMIN', details: expect.objectContaining({ code: 'shiyan', name: '试验镇', kind: 'TOWN' }) as unknown, requestId: expect.any(String) as unknown },
      ]);
    });

    it('edits office hours, which the deadline calculation uses at once', async () => {
      const deadline = async () =>
        (await send('GET', `/calendar/deadline?hallCode=shiyan&from=${encodeURIComponent('2026-03-06T16:30:00+08:00')}&workingHours=1`)).body.dueAt;
      expect(await deadline()).toBe('2026-03-09T09:30:00+08:00');

      const hours = { 1: WEEKDAY, 2: WEEKDAY, 3: WEEKDAY, 4: WEEKDAY, 5: WEEKDAY, 6: [{ start: '09:00', end: '12:00' }] };
      const updated = await send('PUT', '/halls/shiyan', { officeHours: hours });
      expect(updated.status).toBe(200);
      expect(updated.body.officeHours).toEqual(hours);
      // Friday now closes at 18:00.
      expect(await deadline()).toBe('2026-03-06T17:30:00+08:00');

      const audit = await auditOf('hall', 'shiyan');
      expect(audit.map((line) => line.action)).toEqual(['hall.create', 'hall.update']);
      expect(audit[1]?.details).toMatchObject({ changed: ['officeHours'], after: { officeHours: hours } });
    });

    it('renames and changes the kind; an edit that changes nothing writes no audit line', async () => {
      expect((await send('PUT', '/halls/shiyan', { name: '试验街道', kind: 'STREET' })).body).toMatchObject({ name: '试验街道', kind: 'STREET' });
      const lines = (await auditOf('hall', 'shiyan')).length;
      expect((await send('PUT', '/halls/shiyan', { name: '试验街道' })).status).toBe(200);
      expect((await send('PUT', '/halls/shiyan', {})).status).toBe(200);
      expect(await auditOf('hall', 'shiyan')).toHaveLength(lines);
    });

    it.each([
      ['an afternoon that ends before it starts', { 1: [{ start: '09:00', end: '12:00' }, { start: '17:00', end: '13:00' }] }, 'officeHours.1.1.end', '周一第 2 个时段的结束时间须晚于开始时间'],
      ['overlapping periods', { 2: [{ start: '09:00', end: '13:30' }, { start: '13:00', end: '17:00' }] }, 'officeHours.2', '周二的时段 09:00–13:30 与 13:00–17:00 重叠'],
      ['a time that is not HH:MM', { 3: [{ start: '9点', end: '12:00' }] }, 'officeHours.3.0.start', '周三第 1 个时段的开始时间须为 HH:MM（00:00–24:00）'],
      ['no open day', {}, 'officeHours', '每周至少要有一天办公，否则任何期限都无法计算'],
      ['a list instead of weekdays', [WEEKDAY], 'officeHours', '办公时间须按星期（1 = 周一 … 7 = 周日）列出时段'],
    ])('refuses office hours with %s (422, nothing written)', async (_label, officeHours, field, message) => {
      const before = await prisma.hall.findUniqueOrThrow({ where: { code: 'shiyan' } });
      const lines = (await auditOf('hall', 'shiyan')).length;
      expectValidationError(await send('PUT', '/halls/shiyan', { name: '不应保存', officeHours }), [[field, message]]);
      expect(await prisma.hall.findUniqueOrThrow({ where: { code: 'shiyan' } })).toEqual(before);
      expect(await auditOf('hall', 'shiyan')).toHaveLength(lines);
    });

    it.each([
      ['a code with capitals', { code: 'ShiYan2', name: '镇', kind: 'TOWN' }, 'code', '服务大厅编码须为 2–32 位小写字母或数字（拼音），以字母开头'],
      ['a code with a hyphen (window ids use it)', { code: 'shi-yan', name: '镇', kind: 'TOWN' }, 'code', '服务大厅编码须为 2–32 位小写字母或数字（拼音），以字母开头'],
      ['a blank name', { code: 'kongbai', name: '   ', kind: 'TOWN' }, 'name', '请填写名称'],
      ['an unknown kind', { code: 'leixing', name: '某村', kind: 'VILLAGE' }, 'kind', '类型只能是 STREET（街道）或 TOWN（镇）'],
      ['an unknown field', { code: 'duoyu', name: '某镇', kind: 'TOWN', mayor: '张三' }, 'mayor', '不接受字段 mayor'],
    ])('refuses a new hall with %s', async (_label, body, field, message) => {
      expectValidationError(await send('POST', '/halls', body), [[field, message]]);
      expect(await prisma.hall.count({ where: { code: body.code } })).toBe(0);
    });

    it('refuses a second hall with the same code (409) and an unknown hall (404)', async () => {
      expect((await send('POST', '/halls', { code: 'jintun', name: '另一个金屯', kind: 'TOWN' })).body).toMatchObject({ statusCode: 409, code: 'HALL_CODE_TAKEN' });
      expect((await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } })).name).toBe('金屯镇');
      expect((await send('PUT', '/halls/atlantis', { name: '亚特兰蒂斯' })).body).toMatchObject({ statusCode: 404, code: 'HALL_NOT_FOUND' });
    });
  });

  describe('windows', () => {
    it('creates a window, lists it with its hall, renames it and audits both', async () => {
      const created = await send('POST', '/windows', { hallCode: 'shiyan', code: 'W01', name: ' 综合受理窗口 ' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'shiyan-W01', hallCode: 'shiyan', hallName: '试验街道', code: 'W01', name: '综合受理窗口', staffCount: 0, active: true, disabledAt: null });

      const listed = await fetch(`${baseUrl}/windows?filter=${encodeURIComponent(JSON.stringify({ hallCode: 'shiyan' }))}`, { headers: HANDLER });
      expect(listed.headers.get('content-range')).toBe('windows 0-0/1');
      expect(((await listed.json()) as Array<{ id: string }>).map((row) => row.id)).toEqual(['shiyan-W01']);

      expect((await send('PUT', '/windows/shiyan-W01', { name: '不动产登记窗口' })).body).toMatchObject({ name: '不动产登记窗口' });
      expect((await send('GET', '/windows/shiyan-W01', undefined, HANDLER)).body).toMatchObject({ name: '不动产登记窗口' });
      expect((await auditOf('window', 'shiyan-W01')).map((line) => [line.action, line.details])).toEqual([
        ['window.create', { hallCode: 'shiyan', code: 'W01', name: '综合受理窗口' }],
        ['window.update', { changed: ['name'], before: { name: '综合受理窗口' }, after: { name: '不动产登记窗口' } }],
      ]);
    });

    it('disables a window: kept, marked inactive, gone from the citizen pages; enabled again it is back', async () => {
      const disabled = await send('POST', '/windows/shiyan-W01/disable');
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ active: false, disabledAt: expect.stringMatching(/\+08:00$/) as unknown });
      expect((await send('GET', '/public/halls/shiyan', undefined, {})).body).toMatchObject({ windows: [] });
      expect((await send('GET', '/halls/shiyan')).body).toMatchObject({ windows: [{ code: 'W01', active: false }] });
      const inactive = await fetch(`${baseUrl}/windows?filter=${encodeURIComponent(JSON.stringify({ active: false }))}`, { headers: ADMIN });
      expect(((await inactive.json()) as Array<{ id: string }>).map((row) => row.id)).toEqual(['shiyan-W01']);
      // Disabling twice changes nothing and writes nothing.
      expect((await send('POST', '/windows/shiyan-W01/disable')).status).toBe(200);

      expect((await send('POST', '/windows/shiyan-W01/enable')).body).toMatchObject({ active: true, disabledAt: null });
      expect((await send('GET', '/public/halls/shiyan', undefined, {})).body).toMatchObject({ windows: [{ code: 'W01', name: '不动产登记窗口' }] });
      expect((await auditOf('window', 'shiyan-W01')).map((line) => line.action)).toEqual(['window.create', 'window.update', 'window.disable', 'window.enable']);
    });

    it.each([
      ['an unknown hall', { hallCode: 'atlantis', code: 'W01', name: '窗口' }, 'hallCode', '未知的服务大厅：atlantis'],
      ['a code with a space', { hallCode: 'jintun', code: 'W 9', name: '窗口' }, 'code', '窗口编号须为 1–16 位字母、数字、_ 或 -，以字母或数字开头'],
      ['no name', { hallCode: 'jintun', code: 'W09' }, 'name', '请填写窗口名称'],
    ])('refuses a window with %s (422, nothing written)', async (_label, body, field, message) => {
      const windows = await prisma.serviceWindow.count();
      expectValidationError(await send('POST', '/windows', body), [[field, message]]);
      expect(await prisma.serviceWindow.count()).toBe(windows);
    });

    it('refuses a second W01 in the same hall (409) and a change of code (hall and code are in the QR)', async () => {
      expect((await send('POST', '/windows', { hallCode: 'jintun', code: 'W01', name: '又一个' })).body).toMatchObject({ statusCode: 409, code: 'WINDOW_CODE_TAKEN', message: '金屯镇已有编号为 W01 的窗口' });
      expectValidationError(await send('PUT', '/windows/jintun-W01', { code: 'W99' }), [['code', '不接受字段 code']]);
      expect((await send('GET', '/windows/jintun-nowhere')).body).toMatchObject({ statusCode: 404, code: 'WINDOW_NOT_FOUND' });
    });
  });

  describe('staff', () => {
    it('adds a member at a window, moves them to another hall, and disables and enables them, each audited', async () => {
      const created = await send('POST', '/staff', { employeeNumber: 'SY0001', name: ' 李娜 ', hallCode: 'shiyan', windowCode: 'W01' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'SY0001', name: '李娜', hallCode: 'shiyan', windowCode: 'W01', windowId: 'shiyan-W01', active: true });
      expect((await send('GET', '/windows/shiyan-W01')).body).toMatchObject({ staffCount: 1 });

      // Another hall without a window named: the member has no window there.
      expect((await send('PUT', '/staff/SY0001', { hallCode: 'jintun' })).body).toMatchObject({ hallCode: 'jintun', hallName: '金屯镇', windowCode: null });
      expect((await send('PUT', '/staff/SY0001', { windowCode: 'W02' })).body).toMatchObject({ windowCode: 'W02', windowName: '社保医保窗口' });
      expect((await send('PUT', '/staff/SY0001', { windowCode: null })).body).toMatchObject({ windowCode: null });

      expect((await send('POST', '/staff/SY0001/disable')).body).toMatchObject({ active: false });
      const active = await fetch(`${baseUrl}/staff?filter=${encodeURIComponent(JSON.stringify({ active: true, id: ['SY0001'] }))}`, { headers: ADMIN });
      expect(await active.json()).toEqual([]);
      expect((await send('POST', '/staff/SY0001/enable')).body).toMatchObject({ active: true });

      const audit = await auditOf('staff', 'SY0001');
      expect(audit.map((line) => line.action)).toEqual(['staff.create', 'staff.update', 'staff.update', 'staff.update', 'staff.disable', 'staff.enable']);
      expect(audit[1]?.details).toEqual({ changed: ['hallCode', 'windowCode'], before: { hallCode: 'shiyan', windowCode: 'W01' }, after: { hallCode: 'jintun', windowCode: null } });
    });

    it.each([
      ['a window the hall does not have', { employeeNumber: 'SY0002', name: '王五', hallCode: 'jintun', windowCode: 'W09' }, 'windowCode', '金屯镇没有编号为 W09 的窗口'],
      ['an unknown hall', { employeeNumber: 'SY0002', name: '王五', hallCode: 'atlantis' }, 'hallCode', '未知的服务大厅：atlantis'],
      ['a 工号 with a slash', { employeeNumber: 'SY/2', name: '王五', hallCode: 'jintun' }, 'employeeNumber', '工号须为 1–32 位字母、数字、_ 或 -，以字母或数字开头'],
    ])('refuses a member with %s (422, nothing written)', async (_label, body, field, message) => {
      expectValidationError(await send('POST', '/staff', body), [[field, message]]);
      expect(await prisma.staff.count({ where: { employeeNumber: body.employeeNumber } })).toBe(0);
      expect(await prisma.auditLog.count({ where: { entityType: 'staff', entityId: body.employeeNumber } })).toBe(0);
    });

    it('refuses a closed window for a member and a 工号 already taken', async () => {
      expect((await send('POST', '/windows/shiyan-W01/disable')).status).toBe(200);
      expectValidationError(await send('PUT', '/staff/SY0001', { hallCode: 'shiyan', windowCode: 'W01' }), [['windowCode', '试验街道的窗口 W01 已停用']]);
      expect((await send('GET', '/staff/SY0001')).body).toMatchObject({ hallCode: 'jintun' });
      expect((await send('POST', '/windows/shiyan-W01/enable')).status).toBe(200);
      expect((await send('POST', '/staff', { employeeNumber: 'SY0001', name: '重复', hallCode: 'jintun' })).body).toMatchObject({ statusCode: 409, code: 'EMPLOYEE_NUMBER_TAKEN' });
    });
  });

  describe('departments and service items', () => {
    it('creates and renames a department', async () => {
      expect((await send('POST', '/departments', { code: 'shiyanju', name: '试验局' })).body).toMatchObject({ id: 'shiyanju', name: '试验局', serviceItemCount: 0 });
      expect((await send('PUT', '/departments/shiyanju', { name: '县试验局' })).body).toMatchObject({ name: '县试验局' });
      expect((await send('GET', '/departments/shiyanju', undefined, HANDLER)).body).toMatchObject({ name: '县试验局' });
      expect((await auditOf('department', 'shiyanju')).map((line) => line.action)).toEqual(['department.create', 'department.update']);
      expect((await send('POST', '/departments', { code: 'yibao', name: '医保局' })).body).toMatchObject({ statusCode: 409, code: 'DEPARTMENT_CODE_TAKEN' });
    });

    it('creates an item, moves it to another department and nature, disables and enables it', async () => {
      const created = await send('POST', '/service-items', { code: 'SY-001', name: '试验事项', departmentCode: 'shiyanju', nature: 'OFFLINE' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'SY-001', departmentCode: 'shiyanju', departmentName: '县试验局', nature: 'OFFLINE', onApplication: true, active: true });
      expect((await send('PUT', '/service-items/SY-001', { departmentCode: 'yibao', nature: 'ONLINE', onApplication: false })).body).toMatchObject({
        departmentCode: 'yibao',
        nature: 'ONLINE',
        onApplication: false,
      });
      expect((await send('POST', '/service-items/SY-001/disable')).body).toMatchObject({ active: false });
      const active = await fetch(`${baseUrl}/service-items?filter=${encodeURIComponent(JSON.stringify({ active: false }))}`, { headers: ADMIN });
      expect(((await active.json()) as Array<{ id: string }>).map((row) => row.id)).toEqual(['SY-001']);
      expect((await send('POST', '/service-items/SY-001/enable')).body).toMatchObject({ active: true });
      const audit = await auditOf('service-item', 'SY-001');
      expect(audit.map((line) => line.action)).toEqual(['service-item.create', 'service-item.update', 'service-item.disable', 'service-item.enable']);
      expect(audit[1]?.details).toEqual({
        changed: ['departmentCode', 'nature', 'onApplication'],
        before: { departmentCode: 'shiyanju', nature: 'OFFLINE', onApplication: true },
        after: { departmentCode: 'yibao', nature: 'ONLINE', onApplication: false },
      });
    });

    it('refuses an item of an unknown department or nature, and writes nothing', async () => {
      expectValidationError(await send('POST', '/service-items', { code: 'SY-002', name: '事项', departmentCode: 'nowhere', nature: 'OFFLINE' }), [['departmentCode', '未知的部门：nowhere']]);
      expectValidationError(await send('POST', '/service-items', { code: 'SY-002', name: '事项', departmentCode: 'yibao', nature: 'PAPER' }), [['nature', '服务性质只能是 OFFLINE（线下窗口）或 ONLINE（网上办事）']]);
      expectValidationError(await send('PUT', '/service-items/SY-001', { departmentCode: 'nowhere' }), [['departmentCode', '未知的部门：nowhere']]);
      expect(await prisma.serviceItem.count({ where: { code: 'SY-002' } })).toBe(0);
      expect((await send('GET', '/service-items/SY-001')).body).toMatchObject({ departmentCode: 'yibao' });
      expect(await auditOf('service-item', 'SY-002')).toEqual([]);
    });
  });

  describe('only admins write', () => {
    const writes: Array<[string, string, unknown]> = [
      ['POST', '/halls', { code: 'feifa', name: '非法镇', kind: 'TOWN' }],
      ['PUT', '/halls/jintun', { name: '被改名' }],
      ['POST', '/windows', { hallCode: 'jintun', code: 'W99', name: '非法窗口' }],
      ['PUT', '/windows/jintun-W01', { name: '被改名' }],
      ['POST', '/windows/jintun-W01/disable', undefined],
      ['POST', '/staff', { employeeNumber: 'FF0001', name: '非法', hallCode: 'jintun' }],
      ['PUT', '/staff/SY0001', { name: '被改名' }],
      ['POST', '/staff/SY0001/disable', undefined],
      ['POST', '/departments', { code: 'feifa', name: '非法局' }],
      ['PUT', '/departments/yibao', { name: '被改名' }],
      ['POST', '/service-items', { code: 'FF-001', name: '非法', departmentCode: 'yibao', nature: 'OFFLINE' }],
      ['PUT', '/service-items/SY-001', { name: '被改名' }],
      ['POST', '/service-items/SY-001/disable', undefined],
    ];
    const others = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR'];

    it.each(writes)('%s %s: 403 for every other role, nothing written', async (method, path, body) => {
      const lines = await prisma.auditLog.count();
      for (const role of others) {
        const result = await send(method, path, body, actorHeader(role, role === 'HANDLER' || role === 'TOWN_LEADER' ? ['jintun'] : []));
        expect({ role, status: result.status, code: result.body.code, message: result.body.message }).toEqual({ role, status: 403, code: 'FORBIDDEN', message: '没有权限执行此操作' });
      }
      const unauthenticated = await send(method, path, body, {});
      expect(unauthenticated.status).toBe(401);
      expect(await prisma.auditLog.count()).toBe(lines);
      expect((await prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' } })).name).toBe('金屯镇');
      expect(await prisma.hall.count({ where: { code: 'feifa' } })).toBe(0);
    });
  });
});
