import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { NotificationKind } from '@haochaping/contracts';
import { SCREENSHOT_DIR, startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 消息 (issue 13, "Notices reach the person who owes the step") at 1280×800 in Chromium against the real API, worker
 * and database: the bell in the app bar counts a handler's unread notices and rises without a reload (it polls every
 * 30 s), the list puts unread first and filters by kind, a notice opens its case and is read on the way, all are
 * marked read at once; a department's guide sees the invitation to their department. The case is real (a citizen's
 * 差评 through the public API, its workflow running); the notices are written into the outbox as the worker writes
 * them, so the test does not wait hours of working time for a reminder.
 */
let stack: ConsoleStack;
let caseId: string;

/** The bell polls every 30 s: a rise shows within one interval and a page load. */
const POLL_WAIT_MS = 45_000;

beforeAll(async () => {
  stack = await startConsoleStack([
    { username: 'jintun-handler', role: 'HANDLER', hallCodes: ['jintun'] },
    { username: 'yibao-guide', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
  ]);
  caseId = await stack.badReview('窗口工作人员态度差');
  await caseOpenedNotice(); // the worker's own: a new case tells the hall's handlers
  await writeNotice('REMINDER', { role: 'HANDLER', body: '金屯镇一件差评整改的回访即将到期（时限：今天），请及时办理。' });
  await writeNotice('DEPARTMENTS_INVITED', { role: 'DEPT_GUIDE', departmentCodes: ['yibao'], body: '金屯镇一件差评需协调整改，邀请贵部门协助办理，请查看案件。' });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nconsole screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'notices-failed');

/** Waits for the notice the workflow sends when the case opens (CASE_OPENED to 金屯镇's handlers, by the real worker). */
async function caseOpenedNotice(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await stack.cases.prisma.notification.count({ where: { template: 'CASE_OPENED', audienceRole: 'HANDLER', params: { path: ['reviewId'], equals: caseId } } })) === 0) {
    if (Date.now() > deadline) throw new Error(`no CASE_OPENED notice for the case of review ${caseId} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A console notice about the case, as the worker's outbox driver writes it (apps/worker/src/notifications). */
async function writeNotice(kind: NotificationKind, to: { role: string; body: string; departmentCodes?: string[] }): Promise<void> {
  const hall = await stack.cases.prisma.hall.findUniqueOrThrow({ where: { code: 'jintun' }, select: { id: true } });
  await stack.cases.prisma.notification.create({
    data: {
      channel: 'CONSOLE',
      key: `browser-test:${randomUUID()}`,
      template: kind,
      params: { kind, reviewId: caseId, hallCode: 'jintun', ...(to.departmentCodes ? { departmentCodes: to.departmentCodes } : {}) },
      audienceRole: to.role,
      hallId: hall.id,
      body: to.body,
      sentAt: new Date(),
    },
  });
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

const bell = (page: Page, unread: number) => page.getByRole('link', { name: `消息（${unread} 条未读）` });

describe('消息: the bell and the list', () => {
  it('shows a handler the unread count, rising without a reload; the list opens the case and marks notices read', async () => {
    const page = await stack.deskPage();
    await signIn(page, 'jintun-handler');
    // The new case's notice (from the workflow) and the seeded reminder.
    await visible(bell(page, 2));

    // A third notice while the handler looks at the 工作台: the bell's next poll shows it.
    await writeNotice('EXTENSION_DECIDED', { role: 'HANDLER', body: '金屯镇一件协调整改案件的延期申请已审批，请查看审批意见。' });
    await visible(bell(page, 3), POLL_WAIT_MS);
    await stack.screenshot(page, 'notices-01-bell');

    await bell(page, 3).click();
    await page.waitForURL(/#\/notifications/);
    const rows = page.locator('.RaDatagrid-tbody tr');
    await visible(rows.filter({ hasText: '延期申请已审批' }));
    await visible(rows.filter({ hasText: '新差评待核实' }));
    expect(await rows.count()).toBe(3);
    await expect(rows.first().textContent()).resolves.toContain('未读');
    await stack.screenshot(page, 'notices-02-list');

    // Filter by kind: the reminder only.
    await page.getByLabel('类型').click();
    await page.getByRole('option', { name: '即将到期提醒' }).click();
    await visible(page.getByText('第 1-1 条，共 1 条'));
    await expect(rows.first().textContent()).resolves.toContain('回访即将到期');

    // The notice opens its case and is read on the way.
    await rows.first().getByRole('button', { name: '查看案件' }).click();
    await page.waitForURL(new RegExp(`#/rectifications/${caseId}/show`));
    await visible(page.getByTestId('reviewer').filter({ hasText: '139****9000' }));
    await visible(bell(page, 2));

    // Back in 消息: the read one says so; 全部标为已读 reads the rest.
    await bell(page, 2).click();
    await visible(rows.filter({ hasText: '回访即将到期' }).getByText('已读'));
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await visible(page.getByText('已将 2 条消息标为已读'));
    await visible(bell(page, 0));
    const unread = await stack.cases.prisma.notification.count({ where: { audienceRole: 'HANDLER', readAt: null } });
    expect(unread).toBe(0);
  }, 120_000);

  it("shows a department's guide the invitation to their department", async () => {
    const page = await stack.deskPage();
    await signIn(page, 'yibao-guide');
    await visible(bell(page, 1));
    await bell(page, 1).click();
    const rows = page.locator('.RaDatagrid-tbody tr');
    await visible(rows.filter({ hasText: '邀请贵部门协助办理' }));
    expect(await rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('邀请部门协调整改');
    await stack.screenshot(page, 'notices-03-guide');
  }, 60_000);
});
