import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ReviewSeeder } from '../../api/test/helpers/review-seed';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 优化清单 (issue 14) at 1280×800 in Chromium against the real API: three bad reviews of 金屯镇's RS-001 with reason B3
 * in the last days make a proposal; the county supervisor accepts it with 金屯镇 as the owner and a due date; 金屯镇's
 * handler finds it in 优化清单 and reports it done; the county sees it 已完成 with its history.
 */
let stack: ConsoleStack;
const DAY = 24 * 3_600_000;
/** A Shanghai calendar date `days` from now. */
const shanghaiDate = (days: number) => new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'county-improve', role: 'COUNTY_SUPERVISOR' },
    { username: 'jintun-improve', role: 'HANDLER', hallCodes: ['jintun'] },
  ]);
  const seed = new ReviewSeeder(stack.cases.prisma);
  for (const [daysAgo, comment] of [[3, '窗口少，办得慢'], [2, '等了一个多小时'], [1, '效率太低']] as const) {
    await seed.review({ hallCode: 'jintun', level: 2, serviceItemCode: 'RS-001', optionCodes: ['B3'], comment, createdAt: new Date(Date.now() - daysAgo * DAY).toISOString() });
  }
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'improvements-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('优化清单', () => {
  it('a recurring reason is proposed, accepted with an owner and a due date, reported done by the owner hall, and seen done by the county', async () => {
    const county = await stack.deskPage();
    await signIn(county, 'county-improve');
    await county.getByRole('menuitem', { name: '优化建议' }).click();
    const proposal = county.getByTestId('improvement-proposal').filter({ hasText: 'B3 办理效率低、等候时间长' });
    await visible(proposal);
    await visible(proposal.getByText('3 条差评'));
    expect(await proposal.locator('tbody tr').count()).toBe(3);
    await visible(proposal.getByText('等了一个多小时'));
    await stack.screenshot(county, 'improvements-01-proposals');

    await proposal.getByTestId('improvement-accept').click();
    const dialog = county.getByRole('dialog');
    await visible(dialog.getByTestId('improvement-owner').filter({ hasText: '金屯镇' }));
    await dialog.getByTestId('improvement-due-date').fill(shanghaiDate(14));
    await stack.screenshot(county, 'improvements-02-accept');
    await dialog.getByTestId('improvement-accept-submit').click();
    await visible(county.getByText('已采纳，列入优化清单'));
    await visible(county.getByText('目前没有达到条件的优化建议'));

    const handler = await stack.deskPage();
    await signIn(handler, 'jintun-improve');
    await handler.getByRole('menuitem', { name: '优化清单' }).click();
    const row = handler.getByRole('row').filter({ hasText: '金屯镇·城乡居民基本养老保险参保登记' });
    await visible(row);
    await visible(row.getByText('待整改'));
    await row.click();
    await visible(handler.getByTestId('improvement-reviews').getByText('效率太低'));
    await handler.getByTestId('improvement-complete').click();
    await handler.getByTestId('improvement-note').fill('高峰期增开窗口，平均等候由40分钟降至10分钟');
    await handler.getByTestId('improvement-note-submit').click();
    await visible(handler.getByText('已报告完成'));
    await visible(handler.getByTestId('improvement-show').getByText('已完成').first());
    await visible(handler.getByTestId('improvement-history').getByText('报告完成'));
    expect(await handler.getByTestId('improvement-complete').count()).toBe(0);
    await stack.screenshot(handler, 'improvements-03-done-by-owner');

    await county.getByRole('menuitem', { name: '优化清单' }).click();
    const countyRow = county.getByRole('row').filter({ hasText: '金屯镇·城乡居民基本养老保险参保登记' });
    await visible(countyRow.getByText('已完成'));
    await countyRow.click();
    await visible(county.getByTestId('improvement-reopen'));
    await visible(county.getByTestId('improvement-history').getByText('采纳立项'));
    await stack.screenshot(county, 'improvements-04-county-item');
  }, 180_000);
});
