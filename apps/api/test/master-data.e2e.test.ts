import pg from 'pg';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEPARTMENTS, HALLS, SERVICE_ITEMS } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

/** Master data and deadlines are for signed-in staff: any role will do (development identity header). */
const signedIn = { headers: { 'x-dev-actor': JSON.stringify({ userId: 'handler-1', role: 'HANDLER', hallCodes: ['jintun'] }) } };

/** The console's read APIs for master data, with react-admin's simple-rest conventions. */
describe('master-data lists (react-admin simple-rest)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'master-data-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY));
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function list<T = Record<string, unknown>>(resource: string, params: { filter?: unknown; sort?: unknown; range?: unknown } = {}) {
    const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)]));
    const response = await fetch(`${baseUrl}/${resource}?${query.toString()}`, signedIn);
    expect(response.status).toBe(200);
    return { rows: (await response.json()) as T[], contentRange: response.headers.get('content-range') };
  }

  const codesOf = (rows: Array<{ code?: unknown }>) => rows.map((row) => String(row.code));
  const ascii = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  describe('pages, sorts and counts', () => {
    const hallCodes = HALLS.map((hall) => hall.code).sort(ascii);
    it.each([
      ['everything, by code, when nothing is asked', {}, hallCodes, 'halls 0-12/13'],
      ['the first page', { range: [0, 4] }, hallCodes.slice(0, 5), 'halls 0-4/13'],
      ['a last page that is not full', { range: [10, 14] }, hallCodes.slice(10), 'halls 10-12/13'],
      ['a page past the end', { range: [20, 24] }, [], 'halls */13'],
      ['by code, descending', { sort: ['code', 'DESC'], range: [0, 2] }, [...hallCodes].reverse().slice(0, 3), 'halls 0-2/13'],
      ['streets only', { filter: { kind: 'STREET' } }, ['jiaxiang', 'wanzhang', 'wolongshan'], 'halls 0-2/3'],
      ["react-admin's getMany", { filter: { id: ['macun', 'jintun', 'nowhere'] } }, ['jintun', 'macun'], 'halls 0-1/2'],
      ['a search', { filter: { q: '街道' }, sort: ['kind', 'ASC'] }, ['jiaxiang', 'wanzhang', 'wolongshan'], 'halls 0-2/3'],
    ])('halls: %s', async (_label, params, codes, contentRange) => {
      const page = await list<{ id: string; code: string }>('halls', params);
      expect(codesOf(page.rows)).toEqual(codes);
      expect(page.contentRange).toBe(contentRange);
      page.rows.forEach((row) => expect(row.id).toBe(row.code));
    });

    it('departments: all of them with their item counts, and a search', async () => {
      const all = await list<{ code: string; name: string; serviceItemCount: number }>('departments');
      expect(all.contentRange).toBe(`departments 0-${DEPARTMENTS.length - 1}/${DEPARTMENTS.length}`);
      expect(all.rows.find((department) => department.code === 'yibao')).toMatchObject({ name: '医保局', serviceItemCount: 5 });
      const found = await list<{ name: string }>('departments', { filter: { q: '残联' } });
      expect(found.rows.map((department) => department.name)).toEqual(['残联']);
    });

    it('service items: 30+ 依申请 items, filtered by department, nature and 依申请, sorted by department', async () => {
      const all = await list<{ departmentCode: string; onApplication: boolean }>('service-items', { range: [0, 99] });
      expect(all.rows.length).toBe(SERVICE_ITEMS.length);
      expect(all.rows.length).toBeGreaterThanOrEqual(30);
      expect(all.contentRange).toBe(`service-items 0-${SERVICE_ITEMS.length - 1}/${SERVICE_ITEMS.length}`);

      const yibao = await list<{ name: string; departmentCode: string; departmentName: string }>('service-items', { filter: { departmentCode: 'yibao' } });
      expect(yibao.rows.map((item) => item.name)).toContain('医疗救助申请');
      yibao.rows.forEach((item) => expect(item).toMatchObject({ departmentCode: 'yibao', departmentName: '医保局' }));

      const online = await list<{ nature: string }>('service-items', { filter: { nature: 'ONLINE', onApplication: true }, range: [0, 99] });
      expect(online.rows.length).toBe(SERVICE_ITEMS.filter((item) => item.nature === 'ONLINE').length);
      online.rows.forEach((item) => expect(item.nature).toBe('ONLINE'));

      const byDepartment = await list<{ departmentCode: string }>('service-items', { sort: ['departmentCode', 'DESC'], range: [0, 99] });
      const departments = byDepartment.rows.map((item) => item.departmentCode);
      expect(departments).toEqual([...departments].sort(ascii).reverse());

      const none = await list('service-items', { filter: { onApplication: false } });
      expect(none).toEqual({ rows: [], contentRange: 'service-items */0' });
    });
  });

  async function addServicePoint(hallCode: string, code: string, name: string): Promise<void> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('INSERT INTO service_point (id, hall_id, code, name) SELECT gen_random_uuid(), id, $2, $3 FROM hall WHERE code = $1', [hallCode, code, name]);
    } finally {
      await client.end();
    }
  }

  it('shows one hall with its windows, service points and office hours, and 404 for an unknown code', async () => {
    const response = await fetch(`${baseUrl}/halls/jintun`, signedIn);
    expect(response.status).toBe(200);
    const hall = (await response.json()) as { id: string; name: string; officeHours: Record<string, unknown>; windows: Array<{ code: string; name: string }> };
    expect(hall).toMatchObject({ id: 'jintun', name: '金屯镇', officeHours: { 1: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    expect(hall.windows.length).toBeGreaterThanOrEqual(3);
    expect(hall.windows.length).toBeLessThanOrEqual(6);
    expect(hall.windows[0]).toMatchObject({ code: 'W01', name: '综合受理窗口' });
    // 便民服务点 are the county's own data (demo ones in development): none in a test database until one is added.
    expect(hall).toMatchObject({ servicePoints: [] });
    await addServicePoint('jintun', 'P01', '王庄村便民服务点');
    const withPoint = (await (await fetch(`${baseUrl}/halls/jintun`, signedIn)).json()) as { servicePoints: unknown };
    expect(withPoint.servicePoints).toEqual([{ code: 'P01', name: '王庄村便民服务点' }]);

    const missing = await fetch(`${baseUrl}/halls/atlantis`, signedIn);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'HALL_NOT_FOUND', message: '未找到该服务大厅' });
  });

  describe('refuses list parameters it does not understand (422, naming the parameter)', () => {
    // [resource, raw query string, field]
    const cases: Array<[string, string, string]> = [
      ['halls', 'sort=["secret","ASC"]', 'sort'],
      ['halls', 'sort=["name","UP"]', 'sort'],
      ['halls', 'sort=name', 'sort'],
      ['halls', 'range=[5,1]', 'range'],
      ['halls', 'range=[-1,4]', 'range'],
      ['halls', 'range=[0,1000]', 'range'],
      ['halls', 'range=[0.5,4]', 'range'],
      ['halls', 'range="0-24"', 'range'],
      ['halls', 'filter=[1]', 'filter'],
      ['halls', 'filter={"secret":1}', 'filter.secret'],
      ['halls', 'filter={"kind":"CITY"}', 'filter.kind'],
      ['halls', 'filter={not json', 'filter'],
      ['halls', 'page=2', 'page'],
      ['halls', 'range=[0,4]&range=[5,9]', 'range'],
      ['departments', 'filter={"q":42}', 'filter.q'],
      ['service-items', 'filter={"onApplication":"yes"}', 'filter.onApplication'],
      ['service-items', 'filter={"nature":["ONLINE","BOTH"]}', 'filter.nature'],
      ['service-items', 'filter={"departmentCode":[1]}', 'filter.departmentCode'],
      ['service-items', 'sort=["department","ASC"]', 'sort'],
    ];

    it.each(cases)('%s?%s', async (resource, query, field) => {
      const response = await fetch(`${baseUrl}/${resource}?${encodeURI(query)}`, signedIn);
      expect(response.status).toBe(422);
      const error = (await response.json()) as { code: string; message: string; errors?: Array<{ field: string; message: string }> };
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.errors?.map((e) => e.field)).toContain(field);
      error.errors?.forEach((e) => expect(e.message).toMatch(/[\u4e00-\u9fa5]/));
    });
  });

  it('lists the new endpoints in the OpenAPI document', async () => {
    const document = (await (await fetch(`${baseUrl}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/halls', '/api/halls/{code}', '/api/departments', '/api/service-items', '/api/calendar/deadline', '/api/calendar/warnings']),
    );
  });
});
