import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ReviewSeeder, type SeedCase } from '../../api/test/helpers/review-seed';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * 评价记录, the 超期督办 statistics and a leader's 工作台 (issue 6) at 1280×800 in Chromium against the real API.
 * Reviews and their cases' read-model rows are written straight into the database (no workflow runs for them), so
 * every figure on the screens follows from the rows below.
 */
let stack: ConsoleStack;

const DAY_MS = 86_400_000;
/** An instant some days before now: inside the screens' default period (the last 30 days). */
const daysAgo = (days: number, minutes = 0) => new Date(Date.now() - days * DAY_MS + minutes * 60_000).toISOString();

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'county', role: 'COUNTY_SUPERVISOR' },
    { username: 'jintun-leader', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
  ]);
  const seed = new ReviewSeeder(stack.cases.prisma);
  const badReview = async (hallCode: string, days: number, rectification: Omit<SeedCase, 'openedAt'>, extra: Partial<Parameters<ReviewSeeder['review']>[0]> = {}) => {
    const id = await seed.review({ hallCode, level: 1, serviceItemCode: 'RS-001', createdAt: daysAgo(days), ...extra });
    await seed.rectification(id, { openedAt: daysAgo(days, 1), ...rectification });
  };
  const closedOnTime = { state: 'CLOSED', outcome: 'SATISFIED', closedAt: daysAgo(1) };

  // 金屯镇: 3 cases closed on time and 1 overdue at the town leader's level → 75.0%; a praise online.
  await badReview('jintun', 6, { state: 'RECTIFYING', overdue: true, escalationLevel: 1 }, {
    level: 2, channel: 'WINDOW_QR', caseNumber: 'JT-BR-0001', optionCodes: ['B3'], comment: '等候时间太长，窗口只开一个', reviewer: { name: '张三丰', phone: '13812345678' },
  });
  for (const days of [10, 12, 14]) await badReview('jintun', days, closedOnTime);
  await seed.review({ hallCode: 'jintun', level: 5, channel: 'ONLINE_PORTAL', serviceItemCode: 'YB-003', comment: '网上办理很方便', createdAt: daysAgo(2) });
  // 纸坊镇: 4 closed on time → 100.0%; 满硐镇: one case, too few to rank.
  for (const days of [5, 7, 9, 11]) await badReview('zhifang', days, closedOnTime);
  await seed.review({ hallCode: 'zhifang', level: 4, channel: 'WINDOW_QR', createdAt: daysAgo(3) });
  await badReview('mandong', 4, { state: 'RECTIFYING', escalationLevel: 2 }, { serviceItemCode: 'YB-001' });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

/** Waits for the locator; when it never shows, the page as it was is saved to tell why. */
const visible = visibleOrScreenshot(() => stack, '2x-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

const cells = (row: Locator) => row.getByRole('cell').allTextContents();

describe('评价记录, 超期督办 and the leaders’ 工作台', () => {
  it('lets the county open 评价记录, filter it, open one review (reviewer masked) and export the filter as CSV', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '评价记录' }).click();
    const rows = page.locator('.RaDatagrid-tbody tr');
    await visible(rows.filter({ hasText: '网上办理很方便' }));
    // 金屯镇 5, 纸坊镇 5, 满硐镇 1.
    expect(await rows.count()).toBe(11);
    await stack.screenshot(page, '2x-01-reviews-list');

    await page.getByPlaceholder('评价内容、办件编号或完整查询码').fill('等候');
    await visible(page.getByText('第 1-1 条，共 1 条'));
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('办理效率低、等候时间长：等候时间太长');
    await stack.screenshot(page, '2x-02-reviews-filtered');

    // The export carries the filter: the one review, masked, under Chinese headers, with the BOM Excel needs.
    const download = page.waitForEvent('download', { timeout: VISIBLE_MS });
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('评价记录.csv');
    const csv = await readFile(await file.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^评价时间,服务大厅,/);
    expect(lines[1]).toContain(',金屯镇,');
    expect(lines[1]).toContain('张**,138****5678');

    await rows.first().click();
    await visible(page.getByText('138****5678'));
    await visible(page.getByText('张**'));
    await visible(page.getByText('办理效率低、等候时间长'));
    await visible(page.getByRole('link', { name: '查看差评工单' }));
    expect(await page.getByText('13812345678').count()).toBe(0);
    await stack.screenshot(page, '2x-03-review-show');
  });

  it('shows the county the halls ranked by 按时办结率 on 超期督办, each figure one click from the cases', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '超期督办' }).click();
    const ranking = page.getByTestId('on-time-ranking');
    await visible(ranking.getByRole('row').filter({ hasText: '纸坊镇' }));
    const ranked = ranking.locator('tbody tr');
    // 纸坊镇 4 of 4 on time, 好评率 1 good of 5 adopted; 金屯镇 3 of 4; 满硐镇 0 of 1 (level 2), too few to rank.
    await expect(cells(ranked.nth(0))).resolves.toEqual(['1', '纸坊镇', '100.0%', '4 / 4', '20.0%', '4']);
    await expect(cells(ranked.nth(1))).resolves.toEqual(['2', '金屯镇', '75.0%', '3 / 4', '20.0%', '4']);
    await expect(cells(ranked.nth(2))).resolves.toEqual(['样本不足', '满硐镇', '0.0%', '0 / 1', '0.0%', '1']);
    // The ten halls without a counted case are one line, not ten empty rows.
    expect(await ranked.count()).toBe(3);
    await visible(page.getByText('另有 10 个服务大厅在统计期间内没有计入的工单'));

    const byHall = page.getByTestId('supervision-by-hall');
    await expect(cells(byHall.getByRole('row').filter({ hasText: '满硐镇' }))).resolves.toEqual(['满硐镇', '0', '0', '1', '1']);
    await expect(cells(byHall.getByRole('row').filter({ hasText: '金屯镇' }))).resolves.toEqual(['金屯镇', '1', '1', '0', '1']);
    await expect(cells(page.getByTestId('supervision-by-department').getByRole('row').filter({ hasText: '人社局' }))).resolves.toEqual(['人社局', '1', '1', '0', '1']);
    await visible(page.getByTestId('supervision-by-level').getByText('1 件'));
    await stack.screenshot(page, '2x-04-supervision');

    // 金屯镇's overdue figure: the case list filtered to its overdue open cases.
    await byHall.getByRole('row').filter({ hasText: '金屯镇' }).getByRole('link', { name: '1' }).first().click();
    await page.waitForURL(/#\/rectifications\?filter=/);
    expect(JSON.parse(new URL(page.url().replace('#/', '')).searchParams.get('filter') ?? '{}')).toMatchObject({ hallCode: ['jintun'], overdue: true });
    await visible(page.getByText('第 1-1 条，共 1 条'));
    await stack.screenshot(page, '2x-05-supervision-click-through');
  });

  it("gives a town leader their hall at a glance on the 工作台, and no other hall", async () => {
    const page = await stack.deskPage();
    await signIn(page, 'jintun-leader');
    const glance = page.getByTestId('halls-at-a-glance');
    await visible(glance.getByRole('row').filter({ hasText: '金屯镇' }));
    // 在办 1, 已超期 1, 镇街督办 1, 县级督办 0, 按时办结率 3 of 4, 好评率 1 good (the 5) of 5 adopted.
    await expect(cells(glance.locator('tbody tr').first())).resolves.toEqual(['金屯镇', '1', '1', '1', '0', '75.0%', '20.0%']);
    expect(await glance.locator('tbody tr').count()).toBe(1);
    // The state counts below are in when the overdue tile shows its number.
    await visible(page.getByRole('button', { name: /^已超期\s*1$/ }));
    await stack.screenshot(page, '2x-06-dashboard-leader');
  });
});
