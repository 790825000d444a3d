import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, loadWorkingCalendar, type PrismaClient } from '@haochaping/db';
import { localDateOf, WorkingTime } from '@haochaping/working-time';
import type { Page } from 'playwright-core';
import { createAccounts, TEST_PASSWORD } from '../../api/test/helpers/auth-accounts';
import { startBrowserStack, SCREENSHOT_DIR, type BrowserStack } from './helpers/citizen-stack';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * The admins' rule screens (issue 6, "Master data (admins)") at 1280×800 in Chromium against the real API, worker and
 * database: an admin adds holidays in the calendar, and a new 差评's case is then due later — the worker computes its
 * deadline on the new calendar without a restart. Then every rule screen once, each saved as admin-rules-*.png.
 */
let stack: BrowserStack;
let prisma: PrismaClient;

beforeAll(async () => {
  stack = await startBrowserStack({
    context: { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    screenshotPrefix: 'admin-rules-',
    onPage: (page) => page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`)),
  });
  await createAccounts(stack.api.db.url, [
    { username: 'admin', role: 'ADMIN' },
    { username: 'county', role: 'COUNTY_SUPERVISOR' },
  ]);
  prisma = createPrismaClient({ databaseUrl: stack.api.db.url, poolSize: 2 });
}, 240_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await stack?.close();
  process.stdout.write(`\nadmin screenshots: ${SCREENSHOT_DIR}\n`);
});

/** Waits for the locator; when it never shows, the page as it was is saved to tell why. */
const visible = visibleOrScreenshot(() => stack);

async function apiToken(username: string): Promise<string> {
  const response = await fetch(`${stack.api.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_PASSWORD }) });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`sign-in of ${username}: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

/** When 3 working days (限时整改's result clock, policy version 1) from `from` run out at 金屯镇, per the API now. */
async function threeWorkingDaysFrom(from: Date, token: string): Promise<string> {
  const query = new URLSearchParams({ hallCode: 'jintun', from: from.toISOString(), workingDays: '3' });
  const response = await fetch(`${stack.api.baseUrl}/calendar/deadline?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { dueAt?: string };
  if (!response.ok || !body.dueAt) throw new Error(`deadline: ${response.status} ${JSON.stringify(body)}`);
  return body.dueAt;
}

/** A 差评 on 金屯镇's public form (办理效率低 → 限时整改); resolves with its case once it is in the read model. */
async function badReview(token: string): Promise<{ id: string; reviewedAt: Date; resultDueAt: string }> {
  const response = await fetch(`${stack.api.baseUrl}/public/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hallCode: 'jintun', level: 2, optionCodes: ['B3'], comment: '办理太慢，等了很久', clientKey: randomUUID() }),
  });
  const review = (await response.json()) as { id?: string };
  if (response.status !== 201 || !review.id) throw new Error(`the review was not recorded: ${response.status} ${JSON.stringify(review)}`);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await fetch(`${stack.api.baseUrl}/rectifications/${review.id}`, { headers: { authorization: `Bearer ${token}` } });
    if (found.ok) {
      const row = (await found.json()) as { resultDueAt: string };
      const { createdAt } = await prisma.review.findUniqueOrThrow({ where: { id: review.id }, select: { createdAt: true } });
      return { id: review.id, reviewedAt: createdAt, resultDueAt: row.resultDueAt };
    }
    if (Date.now() > deadline) throw new Error(`the case of review ${review.id} did not reach the read model within 30 s (${found.status})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * The first two working days from today (Beijing) at 金屯镇 — whatever the hour, a clock started now runs through
 * them — and the hall's working time as it is before they change.
 */
async function nextTwoWorkingDays(): Promise<{ days: string[]; workingTimeBefore: WorkingTime }> {
  const calendar = await loadWorkingCalendar(prisma, 'jintun');
  if (!calendar) throw new Error('no hall jintun');
  const workingTimeBefore = new WorkingTime(calendar);
  const days: string[] = [];
  for (let instant = Date.now(); days.length < 2; instant += 86_400_000) {
    const date = localDateOf(new Date(instant));
    if (workingTimeBefore.isWorkingDay(date)) days.push(date);
  }
  return { days, workingTimeBefore };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill('admin');
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('menuitem', { name: '工作日历' }));
}

/** Clicks a day in the calendar and turns it into a holiday through the dialog; waits for the API's answer. */
async function makeHoliday(page: Page, date: string): Promise<void> {
  const cell = page.getByTestId(`day-${date}`);
  await visible(cell);
  await cell.click();
  const dialog = page.getByRole('dialog');
  await visible(dialog.getByText(date));
  const answer = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/calendar-years/${date.slice(0, 4)}/days`));
  await dialog.getByRole('button', { name: '设为节假日' }).click();
  expect((await answer).status()).toBe(200);
  await dialog.waitFor({ state: 'hidden', timeout: VISIBLE_MS });
  await visible(page.locator(`[data-testid="day-${date}"][data-kind="HOLIDAY"]`));
}

describe('the admin console', () => {
  it('adds holidays in the calendar, and a new 差评 is then due later', async () => {
    const token = await apiToken('county');
    const { days, workingTimeBefore } = await nextTwoWorkingDays();

    const page = await stack.newPage();
    await signIn(page);
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.goto(`${stack.console.url}/#/calendar-years?year=${days[0]?.slice(0, 4) ?? ''}`);
    await visible(page.getByTestId('year-status'));
    await stack.screenshot(page, '01-calendar');

    for (const date of days) {
      if (date.slice(0, 4) !== page.url().split('year=')[1]) await page.goto(`${stack.console.url}/#/calendar-years?year=${date.slice(0, 4)}`);
      await makeHoliday(page, date);
    }
    await page.getByTestId(`day-${days[0] ?? ''}`).scrollIntoViewIfNeeded();
    await stack.screenshot(page, '02-calendar-holidays-added');
    // On a tablet held upright the months stack two by two, each day still a finger-sized button.
    await page.setViewportSize({ width: 768, height: 1024 });
    await stack.screenshot(page, '02b-calendar-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });

    // A review after the change: its case's result clock skips the new holidays — due what the API computes on the new
    // calendar, at least a day later than the same clock on the calendar before the change.
    const review = await badReview(token);
    expect(review.resultDueAt).toBe(await threeWorkingDaysFrom(review.reviewedAt, token));
    const dueBefore = workingTimeBefore.addWorkingDays(review.reviewedAt, 3).dueAt;
    expect(Date.parse(review.resultDueAt) - dueBefore.getTime()).toBeGreaterThanOrEqual(86_400_000);

    await page.goto(`${stack.console.url}/#/rectifications/${review.id}/show`);
    await visible(page.getByTestId('state-chip'));
    await stack.screenshot(page, '03-case-after-holidays');

    // The notice import refuses bad lines, each by its number, and stores nothing.
    const year = Number(days[0]?.slice(0, 4)) + 1;
    await page.goto(`${stack.console.url}/#/calendar-years?year=${year}`);
    await visible(page.getByTestId('year-status').filter({ hasText: '临时日历' }));
    await page.getByRole('button', { name: '导入放假通知' }).click();
    await page.getByTestId('notice-text').fill(`${year}-01-01~${year}-01-03 休 元旦\n${year}-02-30 休\n元旦放三天`);
    await page.getByRole('button', { name: '检查' }).click();
    const errors = page.getByTestId('notice-errors');
    await visible(errors.getByText(/第 2 行.*日期不存在/));
    await visible(errors.getByText(/第 3 行.*无法识别/));
    await stack.screenshot(page, '04-calendar-notice-errors');
    await page.getByRole('button', { name: '取消' }).click();
    expect(await prisma.calendarYear.findUnique({ where: { year } })).toBeNull();
  });

  it('shows the option sets, SLA policies, API keys, users and the audit log', async () => {
    const page = await stack.newPage();
    await signIn(page);

    await page.getByRole('menuitem', { name: '评价选项' }).click();
    await visible(page.getByRole('cell', { name: '线下窗口' }));
    await stack.screenshot(page, '05-option-sets');
    await page.getByRole('cell', { name: '线下窗口' }).click();
    await visible(page.getByRole('cell', { name: '服务态度不好' }));
    await stack.screenshot(page, '06-option-set-show');
    await page.getByRole('link', { name: '编辑（保存为新版本）' }).click();
    await visible(page.getByText('保存后生成新版本'));
    await stack.screenshot(page, '07-option-set-new-version');
    // A label edited and saved: version 2 is current, version 1 stays as it was.
    await page.getByRole('textbox', { name: '选项名称' }).first().fill('服务态度生硬、冷漠');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('cell', { name: '服务态度生硬、冷漠' }));
    await visible(page.getByTestId('current-version'));
    expect(await prisma.optionSet.findMany({ where: { nature: 'OFFLINE' }, select: { version: true }, orderBy: { version: 'asc' } })).toEqual([{ version: 1 }, { version: 2 }]);
    expect(await prisma.reviewOption.findFirst({ where: { optionSet: { nature: 'OFFLINE', version: 1 }, code: 'A1' }, select: { label: true } })).toEqual({ label: '服务态度不好' });

    await page.getByRole('menuitem', { name: '整改时限' }).click();
    await visible(page.getByText('DOMAIN.md 默认时限'));
    await page.getByText('DOMAIN.md 默认时限').click();
    await visible(page.getByRole('cell', { name: '1 个工作小时' }));
    await stack.screenshot(page, '08-sla-policy-show');
    await page.getByRole('link', { name: '编辑（保存为新版本）' }).click();
    await visible(page.getByText('已在办理中的工单继续按其开始时的版本计时'));
    await stack.screenshot(page, '09-sla-policy-new-version');
    // A clock set to zero is refused beside its input; 5 working days for 限时整改's result is saved as version 2.
    const amounts = page.getByRole('spinbutton', { name: '时长' });
    await amounts.nth(0).fill('0');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('时长必须大于 0'));
    await amounts.nth(0).fill('1');
    await amounts.nth(3).fill('5');
    await page.getByRole('textbox', { name: '修改说明' }).fill('限时整改结果时限改为 5 个工作日');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('cell', { name: '5 个工作日' }));
    expect((await prisma.slaPolicyVersion.findMany({ select: { version: true, note: true }, orderBy: { version: 'asc' } })).map((row) => row.version)).toEqual([1, 2]);

    await page.getByRole('menuitem', { name: '接入系统密钥' }).click();
    await page.getByRole('button', { name: '新建接入系统' }).click();
    await page.getByLabel('接入系统名称').fill('不动产登记系统');
    await page.getByRole('dialog').getByRole('button', { name: '新建' }).click();
    await visible(page.getByTestId('one-time-secret').filter({ hasText: /^hcpk_/ }));
    await stack.screenshot(page, '10-api-key-shown-once');
    await page.getByRole('button', { name: '我已保存' }).click();
    await visible(page.getByRole('cell', { name: '不动产登记系统' }));
    await stack.screenshot(page, '11-api-keys');

    await page.getByRole('menuitem', { name: '用户' }).click();
    await visible(page.getByRole('cell', { name: 'county', exact: true }));
    await stack.screenshot(page, '12-users');
    await page.getByRole('cell', { name: 'county', exact: true }).click();
    await visible(page.getByRole('button', { name: '重置密码' }));
    await stack.screenshot(page, '13-user-show');
    // A new handler of 金屯镇: the generated password is shown once.
    await page.getByRole('menuitem', { name: '用户' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.getByRole('textbox', { name: '用户名' }).fill('jintun-handler2');
    await page.getByRole('textbox', { name: '姓名' }).fill('金屯镇经办人 张三');
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '镇街经办人' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('镇街经办人和分管领导至少要有一个服务大厅'));
    await page.getByRole('combobox', { name: '服务大厅' }).fill('金屯');
    await visible(page.getByRole('option', { name: '金屯镇' }));
    await page.getByRole('option', { name: '金屯镇' }).click();
    await stack.screenshot(page, '13b-user-create');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByTestId('one-time-secret'));
    await page.getByRole('button', { name: '我已保存' }).click();
    await visible(page.getByText('金屯镇经办人 张三'));
    expect(await prisma.user.findUnique({ where: { username: 'jintun-handler2' }, select: { role: true, hallCodes: true, mustChangePassword: true } })).toEqual({
      role: 'HANDLER',
      hallCodes: ['jintun'],
      mustChangePassword: true,
    });
    // Made the hall's leader: role changed through PATCH, scope kept.
    await page.getByRole('link', { name: '编辑' }).click();
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '镇街分管领导' }).click();
    await stack.screenshot(page, '13c-user-edit');
    const patched = page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/admin\/users\//.test(response.url()));
    await page.getByRole('button', { name: '保存' }).click();
    expect((await patched).status()).toBe(200);
    await page.waitForURL(/#\/admin\/users\/[^/]+\/show$/);
    expect(await prisma.user.findUnique({ where: { username: 'jintun-handler2' }, select: { role: true, hallCodes: true } })).toEqual({ role: 'TOWN_LEADER', hallCodes: ['jintun'] });

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await visible(page.getByRole('cell', { name: '新建用户' }));
    await visible(page.getByRole('cell', { name: '新建接入密钥' }));
    await stack.screenshot(page, '14-audit-log');
    await page.getByRole('cell', { name: '新建用户' }).first().click();
    await visible(page.getByTestId('audit-details').filter({ hasText: '"username": "jintun-handler2"' }));
    await stack.screenshot(page, '15-audit-entry');
  });
});
