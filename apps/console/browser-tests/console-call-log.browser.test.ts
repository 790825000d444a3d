import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 导入通话记录 (issue 13, proof of callbacks) at 1280×800 in Chromium against the real API: a hall's handler opens
 * the upload from the case list, runs a dry run that lists the bad lines with their reasons and writes nothing, then
 * imports; the calls are stored (numbers only as their keyed hash: the API's e2e test checks the table).
 */
let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack([{ username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] }]);
  // A case in the list: an empty list shows react-admin's empty page, without the toolbar.
  await stack.badReview('回访后仍未解决');
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'call-log-failed');

const CALL_LOG = ['通话时间,通话时长,被叫号码', '2026-03-09 10:15:00,95,13812345678', '昨天,60,13812345678', '2026-03-09 10:40:00,1:05,13812345679'].join('\n');

describe('导入通话记录', () => {
  it('takes a handler from the case list through a dry run (bad lines listed, nothing written) to the import', async () => {
    const page = await stack.deskPage();
    await page.goto(`${stack.console.url}/#/login`);
    await page.getByRole('textbox', { name: /^用户名/ }).fill('jintun-handler');
    await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await visible(page.getByText('测试 jintun-handler，您好'));
    await page.goto(`${stack.console.url}/#/rectifications`);
    const open = page.getByRole('link', { name: '导入通话记录' });
    await visible(page.getByRole('row').filter({ hasText: '待核实' }));
    await open.click();
    await page.waitForURL('**/#/call-logs/import');
    await visible(page.getByRole('heading', { name: '导入通话记录' }));
    await expect(page.getByLabel('服务大厅编码').inputValue()).resolves.toBe('jintun');

    await page.getByTestId('call-log-file').setInputFiles({ name: '通话记录.csv', mimeType: 'text/csv', buffer: Buffer.from(CALL_LOG, 'utf8') });
    await page.getByRole('button', { name: '试导入' }).click();
    const report = page.getByTestId('call-log-report');
    await visible(report.getByText('试导入完成，尚未写入：共 3 行，可读 2 行；新增 2 条，已导入过 0 条'));
    await visible(report.getByText('第 3 行'));
    await visible(report.getByText('通话时间“昨天”不是有效的时间（例如 2026-11-20 10:30:00）'));
    await stack.screenshot(page, 'call-log-01-dry-run');
    expect(await stack.cases.prisma.callLogEntry.count()).toBe(0);

    await page.getByRole('button', { name: '正式导入' }).click();
    await visible(report.getByText('导入完成：共 3 行，可读 2 行；新增 2 条，已导入过 0 条'));
    await stack.screenshot(page, 'call-log-02-imported');
    expect(await stack.cases.prisma.callLogEntry.count()).toBe(2);
  });
});
