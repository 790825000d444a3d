import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 工作台 今日待办 and the admins' 短信提醒 screen (issue 13) at 1280×800 in Chromium against the real API, worker and database: a handler sees the
 * callback a case owes, overdue, and opens the case from the row. The case is real (a citizen's 差评, its workflow
 * running); its callback clock is moved an hour into the past in the read model, so the row does not depend on the
 * time of day the test runs (a callback due after today's office time would not be today's).
 */
let stack: ConsoleStack;
let caseId: string;

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    { username: 'sms-admin', role: 'ADMIN' },
  ]);
  caseId = await stack.badReview('办事指南与窗口要求不一致');
  // The workflow projects the opened case, then tells the hall (CASE_OPENED): after that it is quiet until a reminder.
  const deadline = Date.now() + 30_000;
  while ((await stack.cases.prisma.notification.count({ where: { template: 'CASE_OPENED', params: { path: ['reviewId'], equals: caseId } } })) === 0) {
    if (Date.now() > deadline) throw new Error(`no CASE_OPENED notice for ${caseId} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stack.cases.prisma.rectificationCase.update({
    where: { reviewId: caseId },
    data: {
      callbackDueAt: new Date(Date.now() - 60 * 60_000),
      // The result clock moves out of today: opened before office time on a working day, a case's result falls due
      // exactly when today's office time ends, and 今日待办 would rightly count two duties.
      resultDueAt: new Date(Date.now() + 7 * 24 * 60 * 60_000),
      overdue: true,
    },
  });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'my-duties-failed');

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('工作台: 今日待办', () => {
  it('shows a handler the overdue callback and opens its case from the row', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'jintun-handler');
    const duties = page.getByTestId('my-duties');
    const row = duties.getByRole('row').filter({ hasText: '回访' });
    await visible(row);
    await expect(row.getByText('已超期', { exact: true }).count()).resolves.toBe(1);
    await visible(page.getByRole('heading', { name: '今日待办（1）' }));
    await stack.screenshot(page, 'my-duties-handler');

    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`#/rectifications/${caseId}/show`));
  });
});

describe('短信提醒: the admins’ staff-SMS rules', () => {
  it('shows the default rules, saves a switch at once and the county duty phone', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'sms-admin');
    await page.getByRole('menuitem', { name: '短信提醒' }).click();
    const leaderOverdue = page.getByRole('switch', { name: '发送短信：超期（一级） · 镇街分管领导' });
    await visible(leaderOverdue);
    await expect(leaderOverdue.isChecked()).resolves.toBe(true);

    const invitation = page.getByRole('switch', { name: '发送短信：邀请部门协调整改 · 县直部门业务指导' });
    await expect(invitation.isChecked()).resolves.toBe(false);
    await invitation.click();
    await page.waitForFunction(() => document.querySelector('input[aria-label="发送短信：邀请部门协调整改 · 县直部门业务指导"]:checked:not(:disabled)') !== null);
    const saved = await stack.cases.prisma.staffSmsRule.findUnique({ where: { kind_audienceRole: { kind: 'DEPARTMENTS_INVITED', audienceRole: 'DEPT_GUIDE' } } });
    expect(saved?.enabled).toBe(true);

    await page.getByRole('textbox', { name: '县级值班电话' }).fill('138 0000 0009');
    await page.getByRole('button', { name: '保存值班电话' }).click();
    await visible(page.getByText('已保存'));
    await expect(stack.cases.prisma.staffSmsSettings.findUnique({ where: { id: 1 } })).resolves.toMatchObject({ countyDutyPhoneEnc: expect.stringMatching(/^v2\.legacy\./) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await stack.screenshot(page, 'staff-sms-rules');
  });
});
