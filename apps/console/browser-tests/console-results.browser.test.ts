import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { FIGURE_KEYS, FIGURES } from '@haochaping/contracts';
import { ReviewSeeder } from '../../api/test/helpers/review-seed';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 统计分析 (issue 14) at 1280×800 in Chromium against the real API: the county supervisor picks November 2026 and
 * sees the figures table, the trend, the level distribution, the reasons' Pareto and the ranking drawn (ECharts, as
 * SVG) each with its table, and downloads the figures as xlsx, opened here with exceljs.
 *
 * November 2026, written straight into the database:
 *   金屯镇 L5 ×3, L4, ●L1 (A1 服务态度不好), ●L2 (A1, B2) → 6 reviews, 好评率 4/6 = 66.7%
 *   纸坊镇 L5, ●L1 (B2) → 2 reviews, 好评率 50.0%; fewer than the default minimum of 3: listed unranked
 *   Pareto: A1 2, B2 2 (ties by code) → 50.0%, 100.0%
 */
let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'county-results', role: 'COUNTY_SUPERVISOR' },
    { username: 'admin', role: 'ADMIN' },
  ]);
  const seed = new ReviewSeeder(stack.cases.prisma);
  const review = (hallCode: string, level: number, day: number, optionCodes: string[] = []) =>
    seed.review({ hallCode, level, createdAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`, optionCodes });
  await review('jintun', 5, 2);
  await review('jintun', 5, 3);
  await review('jintun', 5, 10);
  await review('jintun', 4, 11);
  await review('jintun', 1, 12, ['A1']);
  await review('jintun', 2, 20, ['A1', 'B2']);
  await review('zhifang', 5, 5);
  await review('zhifang', 1, 25, ['B2']);
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'results-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('统计分析', () => {
  it('shows November’s figures, charts with their tables, and downloads the table as xlsx', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county-results');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.waitForURL(/#\/results/);
    // Month is the default period; the date picks November.
    await page.getByTestId('results-date').fill('2026-11-15');
    await visible(page.getByTestId('results-period-label').filter({ hasText: '2026年11月' }));

    const figures = page.getByTestId('results-figures-table');
    await visible(figures.getByRole('row').filter({ hasText: '金屯镇' }));
    const header = await figures.locator('thead th').allTextContents();
    expect(header).toEqual(['大厅（镇街）', '编码', ...FIGURE_KEYS.map((key) => FIGURES[key].label)]);
    const jintun = await figures.getByRole('row').filter({ hasText: '金屯镇' }).locator('td').allTextContents();
    expect(jintun.slice(0, 5)).toEqual(['金屯镇', 'jintun', '6', '66.7%', '33.3%']);
    // No completed case in the month: 参评率 has nothing to divide.
    expect(jintun[2 + FIGURE_KEYS.indexOf('ratedRate')]).toBe('—');
    // The note of a figure is its header's tooltip.
    await figures.getByText('好评率', { exact: true }).hover();
    await visible(page.getByRole('tooltip').filter({ hasText: FIGURES.goodRate.note }));
    await page.mouse.move(0, 0);

    // Every chart is drawn (an SVG with its marks: axes, bars, lines, slices), each with its table.
    for (const chart of ['results-trend-chart', 'results-levels-chart', 'results-pareto-chart', 'results-ranking-chart']) {
      await visible(page.getByTestId(chart).locator('svg'));
      expect(await page.getByTestId(chart).locator('svg path').count()).toBeGreaterThan(4);
    }
    // The trend names its series in the chart itself.
    await visible(page.getByTestId('results-trend-chart').locator('svg text').filter({ hasText: '按时办结率' }));
    await expect(page.getByTestId('results-levels-table').getByRole('row').filter({ hasText: '非常满意' }).locator('td').allTextContents()).resolves.toEqual(['非常满意', '4', '50.0%']);
    await expect(page.getByTestId('results-pareto-table').locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent)))).resolves.toEqual([
      ['服务态度不好', 'A1', '2', '50.0%'],
      ['办事环节设置不合理', 'B2', '2', '100.0%'],
    ]);
    const ranking = page.getByTestId('results-ranking-table');
    await visible(ranking.getByRole('row').filter({ hasText: '纸坊镇' }));
    await expect(ranking.getByRole('row').filter({ hasText: '金屯镇' }).locator('td').allTextContents()).resolves.toEqual(['1', '金屯镇', '6', '66.7%']);
    await expect(ranking.getByRole('row').filter({ hasText: '纸坊镇' }).locator('td').allTextContents()).resolves.toEqual(['样本不足', '纸坊镇', '2', '50.0%']);
    await visible(page.getByText('评价数少于 3 条的不排名', { exact: false }));
    const trendRows = page.getByTestId('results-trend-table').locator('tbody tr');
    expect(await trendRows.count()).toBe(8); // the eight days with a review
    await stack.screenshot(page, 'results-01-month');

    // The download is what is shown: the same headers and 金屯镇's row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('results-download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('统计分析-大厅（镇街）-2026年11月.xlsx');
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['统计指标', '指标说明']);
    const sheet = workbook.getWorksheet('统计指标')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((candidate) => candidate.getCell(1).value === '金屯镇')!;
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(4).numFmt]).toEqual(['jintun', 6, 0.6667, '0.0%']);
  }, 120_000);

  it('cuts by reason and by week: the dimension picker and the period picker', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county-results');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByTestId('results-date').fill('2026-11-12');
    await page.getByRole('button', { name: '周' }).click();
    await visible(page.getByTestId('results-period-label').filter({ hasText: '2026-11-09 至 2026-11-15' }));
    await page.getByTestId('results-dimension').click();
    await page.getByRole('option', { name: '评价原因' }).click();
    const figures = page.getByTestId('results-figures-table');
    await visible(figures.getByRole('row').filter({ hasText: '服务态度不好' }));
    await expect(figures.getByRole('row').filter({ hasText: '服务态度不好' }).locator('td').nth(2).textContent()).resolves.toBe('1');
    await visible(page.getByTestId('results-trend-chart').locator('svg'));
    expect(await page.getByTestId('results-trend-chart').locator('svg path').count()).toBeGreaterThan(4);
    await stack.screenshot(page, 'results-02-week-by-reason');
  }, 60_000);

  it('超期督办 ranks with the minimum the admin set (no longer a number in the console)', async () => {
    const saved = await fetch(`${stack.api.baseUrl}/admin/results-settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-dev-actor': JSON.stringify({ userId: 'setup-admin', role: 'ADMIN', hallCodes: [] }) },
      body: JSON.stringify({ minReviewsToRank: 5 }),
    });
    expect(saved.status).toBe(200);
    const page = await stack.deskPage();
    await signIn(page, 'county-results');
    await page.getByRole('menuitem', { name: '超期督办' }).click();
    await visible(page.getByText('计入少于 5 件的大厅不排名', { exact: false }));
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await visible(page.getByText('评价数少于 5 条的不排名', { exact: false }));
  }, 60_000);

  it('a custom range of days: 自定义 with its first and last day (a reversed range is not applied, and says why)', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county-results');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('button', { name: '自定义' }).click();
    await page.getByTestId('results-from').fill('2026-11-10');
    await page.getByTestId('results-to').fill('2026-11-20');
    await visible(page.getByTestId('results-period-label').filter({ hasText: '2026-11-10 至 2026-11-20' }));
    // 金屯镇 in those days: L5 (10th), L4 (11th), L1 (12th), L2 (20th) → 4 reviews, 好评率 2/4; 纸坊镇 none (5th, 25th).
    const figures = page.getByTestId('results-figures-table');
    const jintun = figures.getByRole('row').filter({ hasText: '金屯镇' }).locator('td');
    await visible(jintun.nth(2).filter({ hasText: /^4$/ }));
    await expect(jintun.nth(3).textContent()).resolves.toBe('50.0%');
    await expect(figures.getByRole('row').filter({ hasText: '纸坊镇' }).locator('td').nth(2).textContent()).resolves.toBe('0');
    // The trend is drawn by day over the range; its table lists the days with reviews (not the 5th nor the 25th).
    await visible(page.getByTestId('results-trend-table').getByRole('row').filter({ hasText: '2026-11-20' }));
    const days = await page.getByTestId('results-trend-table').locator('tbody tr td:first-child').allTextContents();
    expect(days.map((day) => day.slice(0, 10))).toEqual(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-20']);
    await stack.screenshot(page, 'results-03-custom-range');

    await page.getByTestId('results-from').fill('2026-11-25');
    await visible(page.getByText('结束日期不能早于开始日期').first());
    await expect(page.getByTestId('results-period-label').textContent()).resolves.toBe('2026-11-10 至 2026-11-20');
  }, 60_000);

  it('the admin sets the minimum number of reviews to rank on 统计分析 (audited); the county cannot', async () => {
    const county = await stack.deskPage();
    await signIn(county, 'county-results');
    await county.getByRole('menuitem', { name: '统计分析' }).click();
    await visible(county.getByTestId('results-rankings').getByText('最少评价数由系统管理员设置', { exact: false }));
    await expect(county.getByTestId('results-min-to-rank').count()).resolves.toBe(0);

    const page = await stack.deskPage();
    await signIn(page, 'admin');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByTestId('results-date').fill('2026-11-15');
    await page.getByTestId('results-min-to-rank').fill('2');
    await page.getByTestId('results-rankings').getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('已保存：评价数不少于 2 条的才参与排名'));
    // November: 金屯镇 6 reviews 66.7%, 纸坊镇 2 reviews 50.0% — with a minimum of 2 both are ranked.
    const ranking = page.getByTestId('results-ranking-table');
    await visible(ranking.getByRole('row').filter({ hasText: '纸坊镇' }).locator('td').first().filter({ hasText: /^2$/ }));
    await expect(ranking.getByRole('row').filter({ hasText: '金屯镇' }).locator('td').first().textContent()).resolves.toBe('1');
    await stack.screenshot(page, 'results-04-minimum-to-rank');
    const audit = await stack.cases.prisma.auditLog.findFirst({ where: { action: 'results-settings.update' }, orderBy: { id: 'desc' } });
    expect(audit?.details).toMatchObject({ after: 2 });
  }, 60_000);
});
