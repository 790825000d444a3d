import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startOfShanghai } from '@haochaping/working-time';
import { ReviewSeeder } from '../../api/test/helpers/review-seed';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 刷好评核查 (issue 14) at 1280×800 in Chromium against the real API and PostgreSQL: yesterday window W01 of 金屯镇
 * had five 非常满意 within 12 minutes, each 2 minutes after its case was completed. The county supervisor runs
 * 检测最近 7 天, finds the flag in the list, opens its evidence, and confirms it (确认刷好评, after the dialog); its
 * five reviews are then out of the figures.
 */
let stack: ConsoleStack;
const burst: string[] = [];

beforeAll(async () => {
  stack = await startConsoleStack([{ username: 'county', role: 'COUNTY_SUPERVISOR' }]);
  const prisma = stack.cases.prisma;
  const seed = new ReviewSeeder(prisma);
  const yesterdayTen = startOfShanghai('day', new Date()).getTime() - 14 * 3_600_000;
  for (let i = 0; i < 5; i++) {
    const rated = new Date(yesterdayTen + i * 3 * 60_000);
    burst.push(
      await seed.review({ hallCode: 'jintun', level: 5, createdAt: rated.toISOString(), channel: 'WINDOW_QR', serviceItemCode: 'RS-001', caseNumber: `PI-BURST-${i}`, caseCompletedAt: new Date(rated.getTime() - 120_000).toISOString() }),
    );
  }
  const window = await prisma.serviceWindow.findFirstOrThrow({ where: { hall: { code: 'jintun' }, code: 'W01' } });
  await prisma.review.updateMany({ where: { id: { in: burst } }, data: { windowId: window.id } });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'praise-integrity-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('刷好评核查', () => {
  it('the county runs the detection, reads the burst’s evidence and confirms it; its reviews leave the figures', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'county');
    await page.getByRole('menuitem', { name: '刷好评核查' }).click();
    await visible(page.getByText('系统按规则发现的疑似刷好评'));

    await page.getByRole('button', { name: '检测最近 7 天' }).click();
    await visible(page.getByText(/新线索 1 条/));
    const row = page.getByRole('row').filter({ hasText: '金屯镇' });
    await visible(row.getByText('待核查'));
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('5');
    await stack.screenshot(page, 'praise-integrity-01-list');

    await row.click();
    await visible(page.getByText(/集中收到 5 条“非常满意”/));
    const reviews = page.getByRole('table', { name: '涉及的评价' }).getByRole('row');
    // The list's row shows first; the reviews come with the flag itself.
    await visible(reviews.nth(5));
    await expect(reviews.count()).resolves.toBe(6);
    await visible(reviews.nth(1).getByText('非常满意'));
    await visible(reviews.nth(1).getByRole('cell', { name: '120', exact: true }));
    await stack.screenshot(page, 'praise-integrity-02-evidence');

    await page.getByRole('textbox', { name: '核查说明（可选）' }).fill('窗口人员代扫码评价，已约谈');
    await page.getByRole('button', { name: '确认刷好评' }).click();
    await visible(page.getByText('确认后，这 5 条评价将不再计入'));
    await page.getByRole('dialog').getByRole('button', { name: /确认|Confirm/ }).click();
    await visible(page.getByText('已保存核查结论'));
    await visible(page.getByText('窗口人员代扫码评价，已约谈'));
    await visible(reviews.nth(1).getByText('已排除'));
    await stack.screenshot(page, 'praise-integrity-03-confirmed');

    const excluded = await stack.cases.prisma.review.count({ where: { id: { in: burst }, excludedFromFiguresAt: { not: null } } });
    expect(excluded).toBe(5);
  });
});
