import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { ReviewSeeder } from '../../api/test/helpers/review-seed';
import { startBrowserStack, SCREENSHOT_DIR, type BrowserStack } from './helpers/citizen-stack';
import { startConsoleNginx } from './helpers/console-nginx';
import { gotoWithPolicy, watchCspViolations } from './helpers/csp-watch';
import { visibleOrScreenshot } from './helpers/visible';

/**
 * 结果公开 (issue 14, "Public pages") in Chromium against the real API, no sign-in: a hall's page and the county's on a
 * phone (390×844, WeChat's browser), and the hall's TV screen at 1920×1080 — large type, ECharts drawn, refreshed every
 * minute with its 更新于 line. The Content-Security-Policy is watched on every page; nginx as it ships lets the
 * answers' Cache-Control through.
 *
 * This month (now, the real clock), written straight into the database:
 *   金屯镇 L5, L5, L4, ●L2 (real-name, a comment) → 4 adopted reviews, 好评率 3/4 = 75.0%, 差评率 25.0%
 *   纸坊镇 L5, ●L1 → 2: fewer than the minimum of 3, withheld
 *   the county: 6 adopted reviews, 好评率 4/6 = 66.7%
 */
let stack: BrowserStack;
const contexts: BrowserContext[] = [];
const REVIEWER = { name: '钱七八', phone: '13900139077' };
const COMMENT = '窗口工作人员一直在玩手机';

/** Shanghai's calendar month and year labels of `at`, as the API names them. */
const shanghai = (at: Date) => new Date(at.getTime() + 8 * 3_600_000);
const monthLabel = (at: Date) => `${shanghai(at).getUTCFullYear()}年${shanghai(at).getUTCMonth() + 1}月`;
const clock = (at: Date) => shanghai(at).toISOString().slice(11, 16);

beforeAll(async () => {
  stack = await startBrowserStack({
    context: { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    screenshotPrefix: 'public-results-',
    onPage: (page) => page.on('pageerror', (error) => process.stderr.write(`public results page error: ${error.message}\n`)),
  });
  const seed = new ReviewSeeder(stack.cases.prisma);
  // A few seconds ago: this month, whatever day the test runs.
  const justNow = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
  await seed.review({ hallCode: 'jintun', level: 5, createdAt: justNow(9) });
  await seed.review({ hallCode: 'jintun', level: 5, createdAt: justNow(8) });
  await seed.review({ hallCode: 'jintun', level: 4, createdAt: justNow(7) });
  await seed.review({ hallCode: 'jintun', level: 2, createdAt: justNow(6), reviewer: REVIEWER, comment: COMMENT });
  await seed.review({ hallCode: 'zhifang', level: 5, createdAt: justNow(5) });
  await seed.review({ hallCode: 'zhifang', level: 1, createdAt: justNow(4) });
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await stack?.close();
  process.stdout.write(`\npublic results screenshots: ${SCREENSHOT_DIR}\n`);
});

const visible = visibleOrScreenshot(() => stack, 'failed');

/** A phone in WeChat's browser (390×844), its CSP violations collected from the start. */
async function phonePage(): Promise<{ page: Page; violations: string[] }> {
  const desk = await stack.newPage();
  const context = await desk.context().browser()!.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    userAgent: 'Mozilla/5.0 (Linux; Android 13; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560 WeChat/arm64 Weixin',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`public results page error: ${error.message}\n`));
  const { violations } = await watchCspViolations(page);
  return { page, violations };
}

/** The chart under `testId` is drawn: an SVG with its marks (slices, bars, axes). */
async function drawn(page: Page, testId: string): Promise<void> {
  await visible(page.getByTestId(testId).locator('svg'));
  expect(await page.getByTestId(testId).locator('svg path').count()).toBeGreaterThan(4);
}

describe('the public results pages on a phone', () => {
  it('a hall’s page: its figures, the level distribution and twelve months drawn, no personal data; the county’s page links to it', async () => {
    const { page, violations } = await phonePage();
    await gotoWithPolicy(page, `${stack.console.url}/public/results/halls/jintun`);
    await visible(page.getByTestId('public-hall-good-rate').filter({ hasText: '75.0%' }));
    await visible(page.getByTestId('public-hall').getByText(`金屯镇 · ${monthLabel(new Date())}`));
    await visible(page.getByTestId('public-hall').getByText('25.0%'));
    await drawn(page, 'public-hall-levels');
    await drawn(page, 'public-hall-trend');
    await visible(page.getByText('评价数不足3条的，不公布数据', { exact: false }));
    expect(await page.title()).toContain('金屯镇好差评结果');
    // Sized for the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const text = await page.locator('body').innerText();
    for (const secret of [REVIEWER.name, REVIEWER.phone, COMMENT]) expect(text).not.toContain(secret);
    await stack.screenshot(page, 'hall-phone');

    await page.getByRole('button', { name: '本年' }).click();
    await visible(page.getByTestId('public-hall').getByText(`金屯镇 · ${shanghai(new Date()).getUTCFullYear()}年`, { exact: true }));
    expect(page.url()).toMatch(/\?period=year$/);

    await page.getByRole('link', { name: '全县及各服务大厅' }).click();
    await visible(page.getByTestId('public-county'));
    const halls = page.getByTestId('public-halls');
    await visible(halls.getByRole('link').filter({ hasText: '金屯镇' }).filter({ hasText: '好评率 75.0% · 评价 4 条' }));
    await visible(halls.getByRole('link').filter({ hasText: '纸坊镇' }).filter({ hasText: '评价数不足3条，暂不公布' }));
    await drawn(page, 'public-county-trend');
    await page.getByRole('button', { name: '本月' }).click();
    await visible(page.getByTestId('public-county').getByText(`全县 · ${monthLabel(new Date())}`));
    await visible(page.getByTestId('public-county-good-rate').filter({ hasText: '66.7%' })); // 4 of 6 county-wide
    await drawn(page, 'public-county-trend');
    await stack.screenshot(page, 'county-phone');
    await halls.getByRole('link').filter({ hasText: '纸坊镇' }).click();
    await visible(page.getByTestId('public-hall').getByText('评价数不足3条，暂不公布'));
    expect(violations).toEqual([]);
  }, 120_000);

  it('an unknown hall says so', async () => {
    const { page } = await phonePage();
    await page.goto(`${stack.console.url}/public/results/halls/nowhere`);
    await visible(page.getByRole('alert').filter({ hasText: '没有编码为 nowhere 的服务大厅' }));
  }, 60_000);
});

describe('the hall’s TV screen at 1920×1080', () => {
  it('large type, the charts drawn, 更新于 HH:mm, and asks again every minute', async () => {
    const page = await stack.newPage();
    const { violations } = await watchCspViolations(page);
    // The page's clock only: the API's figures are the real month's. Five seconds into a minute, so the refresh a
    // minute later shows the next minute.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 5_000);
    await page.clock.install({ time: start });
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/public/results/halls/jintun')) asked.push(request.url());
    });
    await gotoWithPolicy(page, `${stack.console.url}/screen/halls/jintun`);
    await visible(page.getByTestId('screen-good-rate').filter({ hasText: '75.0%' }));
    await visible(page.getByTestId('screen-updated').filter({ hasText: `更新于 ${clock(start)}` }));
    await visible(page.getByTestId('screen-hall').filter({ hasText: '金屯镇' }));
    await visible(page.getByText(`政务服务“好差评”结果公开 · ${monthLabel(new Date())}`));
    await drawn(page, 'screen-levels');
    await drawn(page, 'screen-trend');

    // Readable from three metres: every line of text at 32 px or more, the headline 好评率 at 150 px or more, the
    // charts' own text at 26 px or more; and all of it on the screen (nothing below 1080 px, no chart over the footer).
    const sizes = await page.evaluate(() => {
      const texts = Array.from(document.querySelectorAll('#root *')).filter(
        (element) => !(element instanceof SVGElement) && Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
      );
      return {
        smallest: Math.min(...texts.map((element) => parseFloat(getComputedStyle(element).fontSize))),
        headline: parseFloat(getComputedStyle(document.querySelector('[data-testid="screen-good-rate"]')!).fontSize),
        chartText: Math.min(...Array.from(document.querySelectorAll('[data-testid^="screen-"] svg text')).map((text) => parseFloat(text.getAttribute('font-size') ?? getComputedStyle(text).fontSize))),
        bottom: Math.max(...texts.map((element) => element.getBoundingClientRect().bottom)),
        chartsBottom: Math.max(...Array.from(document.querySelectorAll('[data-testid="screen-levels"], [data-testid="screen-trend"]')).map((chart) => chart.getBoundingClientRect().bottom)),
        footerTop: document.querySelector('[data-testid="screen-footer"]')!.getBoundingClientRect().top,
        small: texts.filter((element) => parseFloat(getComputedStyle(element).fontSize) < 32).map((element) => element.outerHTML.slice(0, 200)),
      };
    });
    expect(sizes.small).toEqual([]);
    expect(sizes.smallest).toBeGreaterThanOrEqual(32);
    expect(sizes.headline).toBeGreaterThanOrEqual(150);
    expect(sizes.chartText).toBeGreaterThanOrEqual(26);
    expect(sizes.bottom).toBeLessThanOrEqual(1080);
    expect(sizes.chartsBottom).toBeLessThanOrEqual(sizes.footerTop);
    await stack.screenshot(page, 'screen-1920');

    const before = asked.length;
    await page.clock.fastForward('01:00');
    await visible(page.getByTestId('screen-updated').filter({ hasText: `更新于 ${clock(new Date(start.getTime() + 60_000))}` }));
    expect(asked.length).toBeGreaterThan(before);
    expect(violations).toEqual([]);
  }, 120_000);

  it('a hall below the minimum shows the notice, no figure', async () => {
    const page = await stack.newPage();
    await page.goto(`${stack.console.url}/screen/halls/zhifang`);
    await visible(page.getByTestId('screen-notice').filter({ hasText: '本月评价数不足3条，暂不公布' }));
    await expect(page.getByTestId('screen-good-rate').count()).resolves.toBe(0);
    await visible(page.getByTestId('screen-updated'));
  }, 60_000);
});

describe('served by nginx as it ships', () => {
  it('the JSON feed keeps its Cache-Control and ETag through nginx; the rest of the API stays no-store', async () => {
    const nginx = await startConsoleNginx(stack.console.distDir, new URL(stack.api.baseUrl).origin);
    try {
      const direct = (await fetch(`${stack.api.baseUrl}/public/results`)).headers.get('etag')!;
      expect(direct).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      // Unzipped, the API's strong tag as it is; gzipped by nginx, the same tag made weak (another representation of
      // the same body), which If-None-Match still matches.
      const plain = await fetch(`${nginx.url}/api/public/results`, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('cache-control')).toBe('public, max-age=60');
      expect(plain.headers.get('etag')).toBe(direct);
      const zipped = await fetch(`${nginx.url}/api/public/results`);
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('cache-control')).toBe('public, max-age=60');
      expect(zipped.headers.get('etag')).toBe(`W/${direct}`);
      for (const etag of [direct, `W/${direct}`]) expect((await fetch(`${nginx.url}/api/public/results`, { headers: { 'if-none-match': etag } })).status).toBe(304);
      const other = await fetch(`${nginx.url}/api/public/option-sets/current?nature=OFFLINE`);
      expect(other.headers.get('cache-control')).toBe('no-store');
      const page = await stack.newPage();
      const { violations } = await watchCspViolations(page);
      await gotoWithPolicy(page, `${nginx.url}/screen/halls/jintun`);
      await visible(page.getByTestId('screen-good-rate').filter({ hasText: '75.0%' }));
      expect(violations).toEqual([]);
    } finally {
      await nginx.close();
    }
  }, 90_000);
});
