import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { TestAccount } from '../../api/test/helpers/auth-accounts';
import { startConsoleStack, TEST_PASSWORD, type ConsoleStack } from './console-stack';
import { startConsoleNginx } from './helpers/console-nginx';
import type { ConsoleServer } from './helpers/console-server';
import { gotoWithPolicy, watchCspViolations } from './helpers/csp-watch';
import { VISIBLE_MS, visibleOrScreenshot } from './helpers/visible';

/**
 * The Content-Security-Policy of src/csp/policy.ts (issue 17, "The web surface") in Chromium against the real stack:
 * every page answer carries it with a fresh nonce, and the console's main screens for each role and the citizen
 * pages report no violation at all (the `securitypolicyviolation` event and Chromium's console both listened to).
 * The first test shows the watch catches what the policy blocks, so that "no violation" means something. The screens
 * are served by `vite preview` (as in every browser test) and, last, by nginx with the configuration that ships.
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

/** Polls `condition` until it holds, failing after VISIBLE_MS. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + VISIBLE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`still not so after ${VISIBLE_MS} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signIn(page: Page, username: string, consoleUrl = stack.console.url): Promise<void> {
  await gotoWithPolicy(page, `${consoleUrl}/#/login`);
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

    // eval is tried by a script of the page's own origin (as the app's code would), not by the test's evaluate(),
    // which DevTools runs outside the policy. Chromium fetches it from the console's origin; the test answers it.
    await page.route(`${stack.console.url}/csp-probe.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: "window.cspRan.push('own script'); try { new Function(\"window.cspRan.push('eval')\")(); } catch { window.cspRan.push('eval refused'); }" }),
    );
    const outcome = await page.evaluate(async (pageNonce) => {
      const ran: string[] = [];
      (window as unknown as { cspRan: string[] }).cspRan = ran;
      const own = document.createElement('script');
      own.src = '/csp-probe.js';
      await new Promise((resolve, reject) => {
        own.onload = resolve;
        own.onerror = reject;
        document.head.append(own);
      });
      const inline = document.createElement('script');
      inline.textContent = "window.cspRan.push('inline script')";
      document.head.append(inline);
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid rgb(1, 2, 3); }';
      document.head.append(style);
      const withNonce = document.createElement('style');
      withNonce.nonce = pageNonce;
      withNonce.textContent = 'html { outline: 5px solid rgb(4, 5, 6); }';
      document.head.append(withNonce);
      return { ran, bodyOutline: getComputedStyle(document.body).outlineColor, htmlOutline: getComputedStyle(document.documentElement).outlineColor };
    }, nonce);

    // The origin's own script ran, its eval did not, nor did the inline script; the style without the nonce did not
    // apply, the one with it did.
    expect(outcome).toEqual({ ran: ['own script', 'eval refused'], bodyOutline: expect.not.stringContaining('rgb(1, 2, 3)'), htmlOutline: 'rgb(4, 5, 6)' });
    const reported = () => violations.filter((text) => text.includes(': event ')).map((text) => /event (\S+)/.exec(text)?.[1]).sort();
    await until(() => reported().length >= 3).catch(() => undefined);
    expect(reported()).toEqual(['script-src', 'script-src-elem', 'style-src-elem']);
    // Chromium's console names the blocked inline script and style too (the refused eval is the EvalError above).
    const logged = () => violations.filter((text) => text.includes(': console '));
    await until(() => logged().some((text) => /inline script/i.test(text)) && logged().some((text) => /inline style/i.test(text))).catch(() => undefined);
    expect(logged()).toEqual(expect.arrayContaining([expect.stringMatching(/inline script/i), expect.stringMatching(/inline style/i)]));
  });

  it('sends a fresh nonce with every page', async () => {
    const { page } = await watchedPage();
    const nonces = new Set<string>();
    for (const path of ['/', '/citizen', '/citizen/status', '/citizen/w/jintun/W01']) nonces.add(await gotoWithPolicy(page, `${stack.console.url}${path}`));
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
    await until(async () => (await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)) > 0);
    const popup = admin.page.waitForEvent('popup');
    await admin.page.getByRole('button', { name: '打印海报' }).click();
    const poster = await popup;
    await visible(poster.getByText('扫码评价，您的意见我们认真对待'));
    // Its own <style> applies (the brand line is the poster's red): a blocked stylesheet would leave it black.
    const brandColour = () => poster.locator('.brand').evaluate((brand) => getComputedStyle(brand).color);
    await until(async () => (await brandColour()) === 'rgb(198, 40, 40)').catch(() => undefined);
    expect(await brandColour()).toBe('rgb(198, 40, 40)');
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

describe('the same policy from nginx (production)', () => {
  let nginx: ConsoleServer;

  beforeAll(async () => {
    nginx = await startConsoleNginx(stack.console.distDir, new URL(stack.api.baseUrl).origin);
  }, 60_000);

  afterAll(async () => {
    await nginx?.close();
  });

  it("sends the policy with a fresh nonce ($request_id) and reports no violation on the citizen pages and the county's screens", async () => {
    const { page, violations } = await watchedPage();
    const nonces = new Set<string>();
    for (const path of ['/citizen', '/citizen/status', '/citizen/w/jintun/W01']) nonces.add(await gotoWithPolicy(page, `${nginx.url}${path}`));
    expect([...nonces].map((nonce) => /^[0-9a-f]{32}$/.test(nonce))).toEqual([true, true, true]);
    // The window's page asks the API through nginx's /api/ proxy.
    await visible(page.getByRole('heading', { name: '金屯镇' }));
    await settled(page);

    await signIn(page, 'csp-county', nginx.url);
    const screens = await visitEveryMenuItem(page);
    expect({ screens, violations }).toEqual({ screens, violations: [] });
  });
});
