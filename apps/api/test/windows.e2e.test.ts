import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createPrismaClient, type PrismaClient } from '@haochaping/db';
import { createTestDatabase, testTemporalAddress, type TestDatabase } from '@haochaping/devstack';
import { parseDataKey, TEST_DATA_KEY } from '@haochaping/privacy/server';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';

const PUBLIC_BASE_URL = 'https://hcp.jiaxiang.example.cn';

/** Window QR codes and posters (docs/INTAKE-API.md, "Window QR codes and posters"), over HTTP. */
describe('window QR codes and A5 posters', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let app: NestFastifyApplication;
  let baseUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 2 });
    const config = new AppConfig(db.url, testTemporalAddress(), 'default', 'windows-test', 0, '127.0.0.1', 64 * 1024, 60_000, false, parseDataKey(TEST_DATA_KEY), {
      publicBaseUrl: PUBLIC_BASE_URL,
    });
    app = await createApp(config, { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = `${await app.getUrl()}/api`;
  });
  afterAll(async () => {
    await app?.close();
    await prisma?.$disconnect();
    await db?.drop();
  });

  const actor = (role: string, hallCodes: string[] = []) => ({ 'x-dev-actor': JSON.stringify({ userId: `${role.toLowerCase()}-1`, role, hallCodes }) });
  const admin = actor('ADMIN');
  const get = (path: string, headers: Record<string, string> = admin) => fetch(`${baseUrl}/windows/${path}`, { headers });

  /** Reads a QR code the way a phone does: from pixels. */
  function decodePixels(data: Uint8Array, width: number, height: number): string | undefined {
    return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height)?.data;
  }

  /**
   * Rasterises the SVG as drawn (its viewBox and the dark runs of its path: `M x y` starts a row, `m dx 0` skips,
   * `h n` draws n modules), then decodes the pixels.
   */
  function decodeSvg(svg: string): string | undefined {
    const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    const scale = 8;
    const side = size * scale;
    const pixels = new Uint8Array(side * side * 4).fill(255);
    let x = 0;
    let y = 0;
    for (const [, command, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (command === 'M') [x, y] = [Number(a), Math.floor(Number(b))];
      else if (command === 'm') x += Number(a);
      else {
        for (let column = x; column < x + Number(a); column += 1) {
          for (let py = y * scale; py < (y + 1) * scale; py += 1) {
            for (let px = column * scale; px < (column + 1) * scale; px += 1) pixels.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
          }
        }
        x += Number(a);
      }
    }
    return decodePixels(pixels, side, side);
  }

  it('serves the QR as a PNG that decodes to the window’s citizen page', async () => {
    const response = await get('jintun/W01/qr.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(response.headers.get('content-disposition')).toBe('inline; filename="qr-jintun-W01.png"');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = PNG.sync.read(png);
    expect(image.width).toBeGreaterThanOrEqual(300);
    expect(decodePixels(image.data, image.width, image.height)).toBe(`${PUBLIC_BASE_URL}/citizen/w/jintun/W01`);
  });

  it('serves the same QR as a scalable SVG', async () => {
    const response = await get('mandong/W03/qr.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
    const svg = await response.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
    expect(decodeSvg(svg)).toBe(`${PUBLIC_BASE_URL}/citizen/w/mandong/W03`);
  });

  it('serves a printable A5 poster with the hall, the window, how to rate, the QR and the hotline', async () => {
    const response = await get('jintun/W02/poster');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toMatch(/@page\s*{\s*size:\s*A5/);
    expect(html).toContain('<h1>金屯镇</h1>');
    expect(html).toContain('<h2>社保医保窗口</h2>');
    expect(html).toContain('服务热线 <span class="hotline">0537-6851890</span>');
    const steps = [...html.matchAll(/<li>([^<]+)<\/li>/g)].map((match) => match[1]);
    expect(steps).toHaveLength(4);
    ['扫码', '输入办件时留的手机号', '选择', '评价'].forEach((step, index) => expect(steps[index]).toContain(step));
    expect(html).not.toMatch(/<script/i);

    const inline = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(decodeSvg(inline)).toBe(`${PUBLIC_BASE_URL}/citizen/w/jintun/W02`);
    expect(inline).toBe((await (await get('jintun/W02/qr.svg')).text()).trim());
  });

  it('escapes names an admin entered, so a poster never runs markup', async () => {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'macun' } });
    await prisma.serviceWindow.create({ data: { hallId: hall.id, code: 'W99', name: '<img src=x onerror=alert(1)>&"窗口"' } });
    const html = await (await get('macun/W99/poster')).text();
    expect(html).toContain('<h2>&lt;img src=x onerror=alert(1)&gt;&amp;&quot;窗口&quot;</h2>');
    expect(html).not.toContain('<img');
  });

  describe('who may print them', () => {
    it.each<[string, number, Record<string, string>]>([
      ['an admin', 200, admin],
      ['the county supervisor', 200, actor('COUNTY_SUPERVISOR')],
      ['a handler of the hall', 200, actor('HANDLER', ['jintun'])],
      ['the town leader of the hall', 200, actor('TOWN_LEADER', ['jintun'])],
      ['a handler of another hall', 403, actor('HANDLER', ['mandong'])],
      ['a department guide', 403, actor('DEPT_GUIDE', ['jintun'])],
      ['a citizen', 403, actor('CITIZEN')],
      ['nobody (no X-Dev-Actor)', 401, {}],
    ])('%s → %i', async (_label, status, headers) => {
      for (const file of ['qr.png', 'qr.svg', 'poster']) {
        const response = await get(`jintun/W01/${file}`, headers);
        expect([file, response.status]).toEqual([file, status]);
        if (status !== 200) expect(await response.json()).toMatchObject({ statusCode: status, code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN' });
      }
    });
  });

  it('prints no QR code or poster for a window an admin closed (409), and prints them again once it is open', async () => {
    const hall = await prisma.hall.findUniqueOrThrow({ where: { code: 'macun' } });
    await prisma.serviceWindow.create({ data: { hallId: hall.id, code: 'W77', name: '临时窗口', disabledAt: new Date() } });
    for (const file of ['qr.png', 'qr.svg', 'poster']) {
      const response = await get(`macun/W77/${file}`);
      expect([file, response.status]).toEqual([file, 409]);
      expect(await response.json()).toMatchObject({ statusCode: 409, code: 'WINDOW_DISABLED', message: '马村镇临时窗口（W77）已停用，不再提供评价二维码；启用后可重新获取' });
    }
    await prisma.serviceWindow.update({ where: { hallId_code: { hallId: hall.id, code: 'W77' } }, data: { disabledAt: null } });
    expect((await get('macun/W77/qr.png')).status).toBe(200);
  });

  it.each([
    ['an unknown hall', 'atlantis/W01', 'HALL_NOT_FOUND', '未找到该服务大厅'],
    ['an unknown window of a known hall', 'jintun/W42', 'WINDOW_NOT_FOUND', '金屯镇没有编号为 W42 的窗口'],
  ])('answers 404 in the one error shape for %s', async (_label, path, code, message) => {
    for (const file of ['qr.png', 'qr.svg', 'poster']) {
      const response = await get(`${path}/${file}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toMatchObject({ statusCode: 404, code, message, path: `/api/windows/${path}/${file}` });
    }
  });
});
