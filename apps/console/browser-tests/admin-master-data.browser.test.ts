import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { createAccounts, TEST_PASSWORD } from '../../api/test/helpers/auth-accounts';
import { SCREENSHOT_DIR, startBrowserStack, type BrowserStack } from './helpers/citizen-stack';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * The admins' master-data screens (issue 6, "Master data (admins)") in Chromium against the real API and database,
 * at tablet size (1024×768): a hall's office hours edited (a mistake refused on the form first), a window created
 * and its QR downloaded; a screenshot of every master-data screen (`admin-master-data-*.png`).
 */
let stack: BrowserStack;

beforeAll(async () => {
  stack = await startBrowserStack({
    context: { viewport: { width: 1024, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true },
    // admin-master-data-*: the other admin screens' test writes admin-* too.
    screenshotPrefix: 'admin-master-data-',
    onPage: (page) => page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`)),
  });
  await createAccounts(stack.api.db.url, [{ username: 'admin', role: 'ADMIN' }]);
}, 240_000);

afterAll(async () => {
  await stack?.close();
  process.stdout.write(`\nadmin screenshots: ${SCREENSHOT_DIR}\n`);
});

/** Waits for the locator; when it never shows, the page as it was is saved to tell why. */
const visible = visibleOrScreenshot(() => stack);

async function apiToken(): Promise<string> {
  const response = await fetch(`${stack.api.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`sign-in of admin: ${response.status} ${JSON.stringify(body)}`);
  return body.accessToken;
}

async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`${stack.api.baseUrl}${path}`, { headers: { authorization: `Bearer ${await apiToken()}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

async function signedInAdmin(): Promise<Page> {
  const page = await stack.newPage();
  await page.goto(`${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill('admin');
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('menuitem', { name: '服务大厅' }));
  return page;
}

/**
 * Picks an option of a react-admin SelectInput. A reference input may re-render while its choices arrive, which
 * closes a menu opened too early: then it is opened again (at most three times).
 */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    try {
      await page.getByRole('option', { name: option, exact: true }).click({ timeout: 5_000 });
      await select.filter({ hasText: option }).waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Saves the form and waits for the API's answer to it. */
async function save(page: Page, method: 'POST' | 'PUT', path: RegExp): Promise<number> {
  const answer = page.waitForResponse((response) => response.request().method() === method && path.test(new URL(response.url()).pathname));
  await page.getByRole('button', { name: '保存' }).click();
  return (await answer).status();
}

describe('master data (admins)', () => {
  it("edits a hall's office hours: a period that ends before it starts is refused on the form, the saved week shows and counts", async () => {
    const page = await signedInAdmin();
    await page.getByRole('menuitem', { name: '服务大厅' }).click();
    const jintunRow = page.getByRole('row').filter({ hasText: '金屯镇' });
    await visible(jintunRow);
    await visible(jintunRow.getByText('周一至周五 09:00–12:00、13:00–17:00'));
    await stack.screenshot(page, '01-halls');

    await jintunRow.click();
    await page.waitForURL('**/#/halls/jintun/show');
    await visible(page.getByRole('rowheader', { name: '周六', exact: true }));
    await stack.screenshot(page, '02-hall-show');

    await page.getByRole('link', { name: '编辑' }).click();
    await page.waitForURL('**/#/halls/jintun');
    await visible(page.getByLabel('周五下午结束'));
    // Friday afternoon until 18:00; a Saturday morning; Monday's afternoon mistyped first.
    await page.getByLabel('周五下午结束').fill('18:00');
    await page.getByLabel('周六上午开始').fill('09:00');
    await page.getByLabel('周六上午结束').fill('12:00');
    await page.getByLabel('周一下午结束').fill('12:30');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('结束须晚于开始'));
    await stack.screenshot(page, '03-hall-edit-refused');
    await page.getByLabel('周一下午结束').fill('17:00');
    await stack.screenshot(page, '03b-hall-edit');
    expect(await save(page, 'PUT', /^\/api\/halls\/jintun$/)).toBe(200);

    await page.waitForURL('**/#/halls/jintun/show');
    await visible(page.getByRole('row').filter({ hasText: '周六' }).getByText('09:00–12:00'));
    await visible(page.getByRole('row').filter({ hasText: '周五' }).getByText('13:00–18:00'));
    const hall = await apiGet<{ officeHours: Record<string, Array<{ start: string; end: string }>> }>('/halls/jintun');
    expect(hall.officeHours).toEqual({
      ...Object.fromEntries(['1', '2', '3', '4'].map((day) => [day, [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]])),
      5: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '18:00' }],
      6: [{ start: '09:00', end: '12:00' }],
    });
    // The calendar counts the new hours at once: Friday 16:30 + 1 working hour is 17:30 the same day.
    const deadline = await apiGet<{ dueAt: string }>(`/calendar/deadline?hallCode=jintun&from=${encodeURIComponent('2026-03-06T16:30:00+08:00')}&workingHours=1`);
    expect(deadline.dueAt).toBe('2026-03-06T17:30:00+08:00');
  });

  it('creates a window, downloads its QR code and opens its poster', async () => {
    const page = await signedInAdmin();
    await page.getByRole('menuitem', { name: '窗口' }).click();
    await visible(page.getByRole('row').filter({ hasText: '综合受理窗口' }));
    await stack.screenshot(page, '04-windows');

    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL('**/#/windows/create');
    // The list (with its own 服务大厅 filter) is gone once the form's own inputs are there.
    await visible(page.getByRole('textbox', { name: '窗口编号' }));
    await page.getByRole('textbox', { name: '窗口编号' }).fill('W09');
    await page.getByRole('textbox', { name: '窗口名称' }).fill('不动产登记窗口');
    await choose(page, '服务大厅', '金屯镇');
    await stack.screenshot(page, '05-window-create');
    expect(await save(page, 'POST', /^\/api\/windows$/)).toBe(201);

    await page.waitForURL('**/#/windows/jintun-W09/show');
    await visible(page.getByRole('img', { name: '不动产登记窗口的评价二维码' }));
    await stack.screenshot(page, '06-window-show');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载二维码（PNG）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('qr-jintun-W09.png');
    const saved = await file.path();
    // A PNG: its eight-byte signature.
    expect(fs.readFileSync(saved).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');

    // The printable poster opens in a new tab, fetched with the token like the QR.
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: '打印海报' }).click();
    const poster = await popup;
    await visible(poster.getByRole('heading', { name: '不动产登记窗口' }));
    await visible(poster.getByText('扫码评价，您的意见我们认真对待'));
    await stack.screenshot(poster, '06b-window-poster');
    await poster.close();

    const windows = await apiGet<Array<{ id: string; name: string; active: boolean }>>(`/windows?filter=${encodeURIComponent(JSON.stringify({ hallCode: 'jintun' }))}`);
    expect(windows.find((window) => window.id === 'jintun-W09')).toMatchObject({ name: '不动产登记窗口', active: true });
  });

  it('shows staff, departments and service items', async () => {
    const page = await signedInAdmin();
    await page.getByRole('menuitem', { name: '工作人员' }).click();
    await page.getByRole('link', { name: '新建' }).click();
    await page.waitForURL('**/#/staff/create');
    await visible(page.getByRole('textbox', { name: '工号' }));
    await page.getByRole('textbox', { name: '工号' }).fill('JX0401X');
    await page.getByRole('textbox', { name: '姓名' }).fill('李娜');
    await choose(page, '服务大厅', '金屯镇');
    await choose(page, '窗口', '综合受理窗口');
    expect(await save(page, 'POST', /^\/api\/staff$/)).toBe(201);
    await page.waitForURL('**/#/staff/JX0401X/show');
    await visible(page.getByRole('link', { name: '综合受理窗口' }));
    await stack.screenshot(page, '07-staff-show');
    await page.getByRole('menuitem', { name: '工作人员' }).click();
    await visible(page.getByRole('row').filter({ hasText: 'JX0401X' }));
    await stack.screenshot(page, '08-staff');

    await page.getByRole('menuitem', { name: '部门' }).click();
    await visible(page.getByRole('row').filter({ hasText: '医保局' }));
    await stack.screenshot(page, '09-departments');

    await page.getByRole('menuitem', { name: '服务事项' }).click();
    await visible(page.getByRole('row').filter({ hasText: '社会保障卡申领' }));
    await stack.screenshot(page, '10-service-items');
    await page.getByRole('row').filter({ hasText: '社会保障卡申领' }).click();
    await visible(page.getByRole('button', { name: '停用' }));
    await stack.screenshot(page, '11-service-item-show');
  });
});
