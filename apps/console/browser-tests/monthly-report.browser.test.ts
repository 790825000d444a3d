import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ReviewSeeder } from '../../api/test/helpers/review-seed';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 月度通报 (issue 14) in Chromium against the real API: the county supervisor opens November 2026's county report,
 * then Chromium prints it to PDF (A4, print media); the PDF is opened with pdf.js in the browser, its pages counted,
 * its text read and its first page drawn and captured.
 *
 * November 2026, written straight into the database:
 *   金屯镇 L5 ×3, L4, ●L2 real-name 王小明 (B3) — rectified, 满意, the measures name him and his phone —,
 *   ●L1 anonymous, its case overdue → 6 reviews, 好评率 4/6 = 66.7%
 *   纸坊镇 L5 ×2, ●L2 real-name 刘芳, 不予采纳 (the county's reason names her) → 3 reviews, 好评率 2/2 = 100.0%
 * The document: 一 to 四 (headline, the 13 halls, two rankings, reasons) fill the first two sheets; 五、 starts a new
 * sheet; 五 to 八 and the notes fill one or two more — 4 pages of A4 when measured, 3 to 5 allowed (fonts differ).
 */
const WANG = { name: '王小明', phone: '13912345678' };
const LIU = { name: '刘芳', phone: '13800001111' };
const PDFJS = path.dirname(require.resolve('pdfjs-dist/package.json'));

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'county-report', role: 'COUNTY_SUPERVISOR' },
    { username: 'zhifang-report', role: 'HANDLER', hallCodes: ['zhifang'] },
  ]);
  const prisma = stack.cases.prisma;
  const seed = new ReviewSeeder(prisma);
  const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T10:00:00+08:00`;
  for (const [level, n] of [
    [5, 2],
    [5, 3],
    [5, 4],
    [4, 5],
  ] as const) {
    await seed.review({ hallCode: 'jintun', level, createdAt: day(n) });
  }
  const rectified = await seed.review({ hallCode: 'jintun', level: 2, createdAt: day(9), reviewer: WANG, serviceItemCode: 'RS-001', optionCodes: ['B3'], comment: '态度差' });
  await seed.rectification(rectified, { state: 'CLOSED', outcome: 'SATISFIED', openedAt: day(9), closedAt: day(12), callbackOutcome: 'REACHED' });
  await prisma.rectificationTimelineEntry.create({
    data: {
      reviewId: rectified,
      seq: 1,
      at: new Date(day(10)),
      actor: 'handler-1',
      action: '已登记整改结果并反馈评价人，待群众确认',
      details: { state: 'AWAITING_CONFIRMATION', measures: `电话联系${WANG.name}（${WANG.phone}）致歉，对窗口人员批评教育`, result: '窗口增设导办员，材料一次告知' },
    },
  });
  const overdue = await seed.review({ hallCode: 'jintun', level: 1, createdAt: day(16) });
  await seed.rectification(overdue, { state: 'RECTIFYING', openedAt: day(16), overdue: true, escalationLevel: 2 });

  await seed.review({ hallCode: 'zhifang', level: 5, createdAt: day(3) });
  await seed.review({ hallCode: 'zhifang', level: 5, createdAt: day(4) });
  const rejected = await seed.review({ hallCode: 'zhifang', level: 2, createdAt: day(11), reviewer: LIU, adoption: 'NOT_ADOPTED' });
  await seed.rectification(rejected, { state: 'CLOSED', outcome: 'REJECTED', openedAt: day(11), closedAt: day(13) });
  await prisma.rectificationTimelineEntry.create({
    data: { reviewId: rejected, seq: 1, at: new Date(day(13)), actor: 'county-1', action: '同意不予采纳', details: { state: 'CLOSED', decision: 'APPROVE', reason: `${LIU.name}（${LIU.phone}）当日未到窗口办理` } },
  });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'monthly-report-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** What pdf.js (the package's own build, served to a blank page) reads of a PDF: its pages' text, page 1 drawn. */
interface PdfReading {
  pages: number;
  texts: string[];
  error?: string;
}

async function readPdf(pdf: Buffer): Promise<{ reading: PdfReading; viewer: Page }> {
  const viewer = await stack.deskPage();
  const origin = 'http://pdf-viewer.test';
  const files: Record<string, { body: Buffer | string; contentType: string }> = {
    '/': {
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><meta charset="utf-8"><title>PDF</title><style>body{margin:0;background:#888}canvas{display:block;margin:0 auto;background:#fff}</style></head><body>
<script type="module">
  import * as pdfjs from '/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  try {
    const doc = await pdfjs.getDocument({ url: '/report.pdf' }).promise;
    const texts = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => item.str ?? '').join(''));
    }
    const first = await doc.getPage(1);
    const viewport = first.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    document.body.appendChild(canvas);
    await first.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    window.pdfReading = { pages: doc.numPages, texts };
  } catch (error) {
    window.pdfReading = { pages: 0, texts: [], error: String(error) };
  }
</script></body></html>`,
    },
    '/pdf.mjs': { contentType: 'text/javascript', body: readFileSync(path.join(PDFJS, 'build', 'pdf.min.mjs')) },
    '/pdf.worker.mjs': { contentType: 'text/javascript', body: readFileSync(path.join(PDFJS, 'build', 'pdf.worker.min.mjs')) },
    '/report.pdf': { contentType: 'application/pdf', body: pdf },
  };
  await viewer.route(`${origin}/**`, async (route) => {
    const file = files[new URL(route.request().url()).pathname];
    await (file ? route.fulfill({ status: 200, contentType: file.contentType, body: file.body }) : route.fulfill({ status: 404, body: '' }));
  });
  await viewer.goto(`${origin}/`);
  await viewer.waitForFunction(() => (window as unknown as { pdfReading?: unknown }).pdfReading !== undefined, undefined, { timeout: 30_000 });
  const reading = await viewer.evaluate(() => (window as unknown as { pdfReading: PdfReading }).pdfReading);
  return { reading, viewer };
}

describe('月度通报', () => {
  it('shows November’s county report in the official layout, and prints it to A4 PDF without the console around it', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county-report');
    await page.getByRole('menuitem', { name: '月度通报' }).click();
    await page.waitForURL(/#\/monthly-report/);
    await page.getByTestId('monthly-report-month').fill('2026-11');
    const title = '嘉祥县政务服务“好差评”情况通报（2026年11月）';
    await visible(page.getByTestId('monthly-report-title').filter({ hasText: title }));

    const document = page.getByTestId('monthly-report-document');
    const headings = await document.locator('h2').allTextContents();
    expect(headings).toEqual(['一、总体情况', '二、各大厅（镇街）情况', '三、排名情况', '四、差评主要原因', '五、差评整改按时办结情况', '六、不予采纳情况', '七、典型案例', '八、优化清单', '附：指标说明']);
    // County: 9 reviews, 8 adopted, good 6 → 75.0%.
    const headline = page.getByTestId('mr-headline');
    await expect(headline.getByRole('row').filter({ hasText: '好评率' }).locator('td').nth(1).textContent()).resolves.toBe('75.0%');
    await expect(headline.locator('thead th').allTextContents()).resolves.toEqual(['指标', '本月', '计算方法']);
    const halls = page.getByTestId('mr-ranking-hall-goodRate');
    await expect(halls.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)))).resolves.toEqual([
      ['1', '纸坊镇', '3', '100.0%'],
      ['2', '金屯镇', '6', '66.7%'],
    ]);
    await expect(page.getByTestId('mr-typical-case').textContent()).resolves.toContain('电话联系王某（＊＊＊＊＊＊＊＊＊＊＊）致歉');
    await expect(page.getByTestId('mr-not-adopted-table').locator('tbody td').allTextContents()).resolves.toContain('刘某（＊＊＊＊＊＊＊＊＊＊＊）当日未到窗口办理');
    await visible(page.getByTestId('mr-late-table').getByText('超期已上报县行政审批服务局'));
    await stack.screenshot(page, 'monthly-report-01-county');

    // As the printer sees it: the document alone, no app bar, menu or controls.
    const chrome = [page.locator('header.MuiAppBar-root'), page.locator('.MuiDrawer-root'), page.getByTestId('monthly-report-print')];
    for (const part of chrome) await expect(part.first().isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    for (const part of chrome) await expect(part.first().isVisible()).resolves.toBe(false);
    await stack.screenshot(page, 'monthly-report-02-print-media');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });

    const { reading, viewer } = await readPdf(pdf);
    expect(reading.error).toBeUndefined();
    expect(reading.pages).toBeGreaterThanOrEqual(3);
    expect(reading.pages).toBeLessThanOrEqual(5);
    const [first] = reading.texts;
    const whole = reading.texts.join('\n');
    expect(first).toContain(title);
    expect(first).toContain('一、总体情况');
    expect(first).toContain(`第 1 页 共 ${reading.pages} 页`);
    // 五、 starts a sheet of its own: it is on a page that has none of 一 to 四 after the page's start.
    const five = reading.texts.findIndex((text) => text.includes('五、差评整改按时办结情况'));
    expect(five).toBeGreaterThan(0);
    expect(reading.texts[five].replace(/第 \d+ 页 共 \d+ 页/, '').trimStart().slice(0, 12)).toBe('五、差评整改按时办结情况');
    // Nothing of the console is printed, and no reviewer's name or phone.
    for (const absent of ['工作台', '统计分析', '打印', '通报月份', 'county-report', WANG.name, WANG.phone, LIU.name, LIU.phone, '态度差']) expect([absent, whole.includes(absent)]).toEqual([absent, false]);
    await stack.screenshot(viewer, 'monthly-report-03-pdf-page-1');

    // The county picks a hall: its 通报, its windows instead of the halls.
    await page.getByTestId('monthly-report-hall').click();
    await page.getByRole('option', { name: '金屯镇' }).click();
    await visible(page.getByTestId('monthly-report-title').filter({ hasText: '金屯镇为民服务大厅政务服务“好差评”情况通报（2026年11月）' }));
    await expect(document.locator('h2').nth(1).textContent()).resolves.toBe('二、各窗口情况');
  }, 90_000);

  it('a town’s handler gets their own hall’s report, and can pick no other', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'zhifang-report');
    await page.getByRole('menuitem', { name: '月度通报' }).click();
    await page.getByTestId('monthly-report-month').fill('2026-11');
    await visible(page.getByTestId('monthly-report-title').filter({ hasText: '纸坊镇为民服务大厅政务服务“好差评”情况通报（2026年11月）' }));
    await page.getByTestId('monthly-report-hall').click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['纸坊镇']);
    await page.keyboard.press('Escape');
    // 纸坊镇: 3 reviews, the 不予采纳 one listed with its reason masked.
    await expect(page.getByTestId('mr-headline').getByRole('row').filter({ hasText: '评价总数' }).locator('td').nth(1).textContent()).resolves.toBe('3');
    await expect(page.getByTestId('mr-not-adopted-table').locator('tbody tr').count()).resolves.toBe(1);
    await stack.screenshot(page, 'monthly-report-04-town-handler');
  }, 60_000);
});
