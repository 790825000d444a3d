import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../../../api/test/helpers/e2e-stack';
import { launchChromium } from './chromium';
import { startConsoleServer, type ConsoleServer } from './console-server';
import { CaseSeeder } from './seed-cases';

/** Where each run leaves a screenshot of every page it visits (gitignored). */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', 'screenshots');

// An Android WeChat in-app browser: the pages are meant for it, and a server or a stylesheet may look at it.
const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; V2219A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 ' +
  'Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN';

/** The real stack a browser test drives: Chromium, the API and worker on a private database, a build of the console. */
export interface BrowserStack {
  api: E2eStack;
  console: ConsoleServer;
  cases: CaseSeeder;
  /** A page in a fresh context (own cookies, no state shared between tests). */
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot as `<prefix><name>.png` in SCREENSHOT_DIR. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a browser stack for one test file; `prepare` may do more with it before it is handed out (and the whole
 * stack is stopped if that fails). `close` stops what was started, in reverse.
 */
export async function startBrowserStack(options: {
  context: BrowserContextOptions;
  screenshotPrefix: string;
  onPage?: (page: Page) => void;
  /** What the API's stack is started with (the worker's upward exchange, for 上报管理). */
  e2e?: Parameters<typeof startE2eStack>[0];
}): Promise<BrowserStack> {
  const stops: Array<() => Promise<void>> = [];
  const contexts: BrowserContext[] = [];
  const stopAll = async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
  };
  try {
    // First, so a machine without Chromium fails at once with the message that says what to install.
    const browser: Browser = await launchChromium();
    stops.push(() => browser.close());
    const api = await startE2eStack(options.e2e);
    stops.push(() => api.close());
    const consoleServer = await startConsoleServer(new URL(api.baseUrl).origin);
    stops.push(() => consoleServer.close());
    const cases = new CaseSeeder(api.db.url);
    stops.push(() => cases.close());
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return {
      api,
      console: consoleServer,
      cases,
      async newPage() {
        const context = await browser.newContext(options.context);
        contexts.push(context);
        const page = await context.newPage();
        options.onPage?.(page);
        return page;
      },
      async screenshot(page, name) {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${options.screenshotPrefix}${name}.png`), fullPage: true, animations: 'disabled' });
      },
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface CitizenStack extends Omit<BrowserStack, 'newPage'> {
  /** A fresh phone-sized page (375×667, touch, zh-CN, Beijing time): no state shared between tests. */
  phonePage(): Promise<Page>;
}

/** Everything a citizen's phone talks to, started for one test file. */
export async function startCitizenStack(): Promise<CitizenStack> {
  const stack = await startBrowserStack({
    context: {
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      userAgent: WECHAT_ANDROID,
    },
    screenshotPrefix: '',
  });
  return { ...stack, phonePage: () => stack.newPage() };
}
