import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { TestAccount } from '../../api/test/helpers/auth-accounts';
import { startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { gotoWithPolicy, watchCspViolations } from './helpers/csp-watch';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * The Content-Security-Policy of src/csp/policy.ts (issue 17, "The web surface") in Chromium against the real stack:
 * every page answer carries it with a fresh nonce, and the console's main screens for each role and the citizen
 * pages report no violation at all (the `securitypolicyviolation` event and Chromium's console both listened to).
 * The first test shows the watch catches what the policy blocks, so that "no violation" means something.
 */
let stack: ConsoleStack;

/** One account of every role: each role's menu is a different set of screens. */
const ROLES: readonly TestAccount[] = [
  { username: 'csp-handler', role: 'HANDLER', hallCodes: ['jintun'] },
  { username: 'csp-leader', role: 'TOWN_LEADER', hallCodes: ['jintun'] },
  { username: 'csp-guide', role: 'DEPT_GUIDE', departmentCodes: ['yibao'] },
  { username: 'csp-county', role: 'COUNTY_SUPERVISOR' },
  { username: 'csp-admin', role: 'ADMIN' },
];

beforeAll(async () => {
  stack = await startConsoleStack(ROLES);
}, 240_000);

afterAll(async () => {
  await stack?.close();
});

const visible = visibleOrScreenshot(() => stack, 'csp-failed');

/** A fresh page whose CSP violations (its popups' included) are collected from before its first navigation. */
async function watchedPage(kind: 'desk' | 'phone' = 'desk'): Promise<{ page: Page; violations: string[] }> {
  const page = await stack.deskPage();
  if (kind === 'phone') await page.setViewportSize({ width: 375, height: 667 });
  const { violations } = await watchCspViolations(page);
  return { page, violations };
}

/**
 * Waits until the screen has finished loading: no request of the page in flight and no progress indicator shown,
 * twice in a row (a screen often asks for more once the first answer is drawn).
 */
async function settled(page: Page): Promise<void> {
  const inFlight = new Set<unknown>();
  const started = (request: unknown) => inFlight.add(request);
  const ended = (request: unknown) => inFlight.delete(request);
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    let quiet = 0;
    const deadline = Date.now() + VISIBLE_MS;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error(`${page.url()} was still loading after ${VISIBLE_MS} ms`);
      await page.waitForLoadState('load');
      const busy = inFlight.size > 0 || (await page.locator('[role="progressbar"]:visible').count()) > 0;
      quiet = busy ? 0 : quiet + 1;
      await page.waitForTimeout(150);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

async function signIn(page: Page, username: string): Promise<void> {
  await gotoWithPolicy(page, `${stack.console.url}/#/login`);
  await page.getByRole('textbox', { name: /^用户名/ }).fill(username);
  await page.getByRole('textbox', { name: /^密码/ }).fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await visible(page.getByRole('menuitem').first());
  await settled(page);
}

/** Clicks through every item of the signed-in role's menu, waiting for each screen; answers the screens visited. */
async function visitEveryMenuItem(page: Page): Promise<string[]> {
  const hrefs = await page.getByRole('menuitem').evaluateAll((items) => items.map((item) => item.getAttribute('href')).filter((href): href is string => href !== null));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    await page.locator(`[role="menuitem"][href="${href}"]`).click();
    await page.waitForURL((url) => url.hash === href || `${url.pathname}${url.hash}` === href);
    await settled(page);
  }
  return hrefs;
}

describe("the console's Content-Security-Policy in Chromium", () => {
  it('blocks inline script, eval and inline style without the nonce, and the watch reports each', async () => {
    const { page, violations } = await watchedPage();
    const nonce = await gotoWithPolicy(page, `${stack.console.url}/#/login`);
    await visible(page.getByRole('button', { name: '登录' }));
    expect(violations).toEqual([]);

    const outcome = await page.evaluate((pageNonce) => {
      const ran: string[] = [];
      (window as unknown as { cspRan: string[] }).cspRan = ran;
      const inline = document.createElement('script');
      inline.textContent = "window.cspRan.push('inline script')";
      document.head.append(inline);
      try {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the very thing the policy must block
        new Function("window.cspRan.push('eval')")();
      } catch {
        ran.push('eval refused');
      }
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid rgb(1, 2, 3); }';
      document.head.append(style);
      const withNonce = document.createElement('style');
      withNonce.nonce = pageNonce;
      withNonce.textContent = 'html { outline: 5px solid rgb(4, 5, 6); }';
      document.head.append(withNonce);
      return { ran, bodyOutline: getComputedStyle(document.body).outlineColor, htmlOutline: getComputedStyle(document.documentElement).outlineColor };
    }, nonce);

    // Blocked: neither the inline script nor eval ran, the style without the nonce did not apply; the nonce's did.
    expect(outcome).toEqual({ ran: ['eval refused'], bodyOutline: expect.not.stringContaining('rgb(1, 2, 3)'), htmlOutline: 'rgb(4, 5, 6)' });
    await expect.poll(() => violations.filter((text) => text.includes(': event ')).map((text) => /event (\S+)/.exec(text)?.[1]).sort()).toEqual(['script-src-elem', 'script-src', 'style-src-elem'].sort());
    expect(violations.filter((text) => text.includes(': console ')).length).toBeGreaterThanOrEqual(3);
  });

  it('sends a fresh nonce with every page', async () => {
    const { page } = await watchedPage();
    const nonces = new Set<string>();
    for (const path of ['/', '/#/login', '/citizen', '/citizen/w/jintun/W01']) nonces.add(await gotoWithPolicy(page, `${stack.console.url}${path}`));
    expect(nonces.size).toBe(4);
  });

  it.each(ROLES.map((account) => [account.role, account.username] as const))("reports no violation on the %s's screens", async (_role, username) => {
    const { page, violations } = await watchedPage();
    await signIn(page, username);
    const screens = await visitEveryMenuItem(page);
    expect({ screens, violations }).toEqual({ screens, violations: [] });
  });

  it("reports no violation on a case, the 统计分析 charts (ECharts) or a window's QR and printable poster", async () => {
    const reviewId = await stack.badReview('CSP 测试：窗口人员态度生硬');

    const handler = await watchedPage();
    await signIn(handler.page, 'csp-handler');
    await handler.page.goto(`${stack.console.url}/#/rectifications/${reviewId}/show`);
    await visible(handler.page.getByRole('button', { name: '核实', exact: true }));
    await handler.page.getByRole('button', { name: '核实', exact: true }).click();
    await visible(handler.page.getByRole('dialog'));
    await settled(handler.page);
    expect(handler.violations).toEqual([]);

    const county = await watchedPage();
    await signIn(county.page, 'csp-county');
    await county.page.getByRole('menuitem', { name: '统计分析' }).click();
    for (const chart of ['results-trend-chart', 'results-levels-chart']) await visible(county.page.getByTestId(chart).locator('svg'));
    await settled(county.page);
    expect(county.violations).toEqual([]);

    const admin = await watchedPage();
    await signIn(admin.page, 'csp-admin');
    await admin.page.goto(`${stack.console.url}/#/windows/jintun-W01/show`);
    // The QR from a blob: URL (img-src blob:), the poster in a new tab from another (it inherits the policy).
    const qr = admin.page.getByRole('img', { name: /评价二维码/ });
    await visible(qr);
    await expect.poll(() => qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const popup = admin.page.waitForEvent('popup');
    await admin.page.getByRole('button', { name: '打印海报' }).click();
    const poster = await popup;
    await visible(poster.getByText('扫码评价，您的意见我们认真对待'));
    // Its own <style> applies (the brand line is the poster's red): a blocked stylesheet would leave it black.
    await expect.poll(() => poster.locator('.brand').evaluate((brand) => getComputedStyle(brand).color)).toBe('rgb(198, 40, 40)');
    await settled(admin.page);
    expect(admin.violations).toEqual([]);
  });

  it('reports no violation on the citizen pages: home, window rating, submitted, status, invitation and feedback', async () => {
    await stack.cases.completedCase({ caseNumber: 'BT-CSP-0001', hallCode: 'jintun', windowCode: 'W01', serviceItemCode: 'RS-004', applicantName: '王丽娜', phone: '13800138000' });
    const { page, violations } = await watchedPage('phone');

    await gotoWithPolicy(page, `${stack.console.url}/citizen`);
    await settled(page);

    await gotoWithPolicy(page, `${stack.console.url}/citizen/w/jintun/W01`);
    await visible(page.getByRole('heading', { name: '金屯镇' }));
    await page.getByLabel('手机号').fill('13800138000');
    await page.getByRole('button', { name: '查找我的办件' }).click();
    await visible(page.getByText('社会保障卡申领'));
    await page.getByRole('radio', { name: '不满意', exact: true }).click();
    await page.getByLabel('办理效率低、等候时间长').check();
    await page.getByRole('button', { name: '提交评价' }).click();
    const code = page.getByTestId('tracking-code');
    await visible(code);
    const trackingCode = ((await code.textContent()) ?? '').trim();
    await settled(page);

    await gotoWithPolicy(page, `${stack.console.url}/citizen/status?code=${trackingCode}`);
    await page.getByLabel('手机号后四位').fill('8000');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await visible(page.getByTestId('review-stage'));
    await settled(page);

    const admin = { 'X-Dev-Actor': JSON.stringify({ userId: 'csp-test-admin', role: 'ADMIN', hallCodes: [] }), 'Content-Type': 'application/json' };
    const client = await fetch(`${stack.api.baseUrl}/admin/api-clients`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'CSP 测试业务系统' }) });
    const { key } = (await client.json()) as { key: string };
    await stack.cases.completedCase({ caseNumber: 'BT-CSP-0002', hallCode: 'jintun', windowCode: 'W02', serviceItemCode: 'YB-001', applicantName: '李建国', phone: '13900139000' });
    const invitation = await fetch(`${stack.api.baseUrl}/integration/cases/BT-CSP-0002/rating-invitation`, { method: 'POST', headers: { 'X-Api-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify({ sendSms: false }) });
    expect(invitation.status).toBe(201);
    const { url } = (await invitation.json()) as { url: string };
    await gotoWithPolicy(page, `${stack.console.url}${new URL(url).pathname}`);
    await visible(page.getByText('城乡居民基本医疗保险参保登记'));
    await settled(page);

    await gotoWithPolicy(page, `${stack.console.url}/citizen/feedback?hall=jintun`);
    await settled(page);

    expect(violations).toEqual([]);
  });
});
