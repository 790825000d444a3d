import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccounts, TEST_PASSWORD, type TestAccount } from '../../api/test/helpers/auth-accounts';
import { startE2eStack, type E2eStack } from '../../api/test/helpers/e2e-stack';
import { SCREENSHOT_DIR } from './helpers/citizen-stack';
import { launchChromium } from './helpers/chromium';
import { startConsoleServer, type ConsoleServer } from './helpers/console-server';
import { CaseSeeder } from './helpers/seed-cases';

export { SCREENSHOT_DIR, TEST_PASSWORD };

export interface ConsoleStack {
  api: E2eStack;
  console: ConsoleServer;
  cases: CaseSeeder;
  /** Account ids by username. */
  accounts: Record<string, string>;
  /** A fresh desk-sized page (1280×800, zh-CN, Beijing time): every sign-in in its own context (own cookies). */
  deskPage(): Promise<Page>;
  /** Saves a full-page screenshot as `console-<name>.png` beside the citizen pages' ones. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The staff console against the real stack, for one test file: Chromium, the API and worker on a private database
 * (the citizen tests' harness), a build of the console, and the accounts the file signs in with.
 */
export async function startConsoleStack(accounts: readonly TestAccount[]): Promise<ConsoleStack> {
  const stops: Array<() => Promise<void>> = [];
  const contexts: BrowserContext[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`));
  };
  try {
    const browser: Browser = await launchChromium();
    stops.push(() => browser.close());
    const api = await startE2eStack();
    stops.push(() => api.close());
    const consoleServer = await startConsoleServer(new URL(api.baseUrl).origin);
    stops.push(() => consoleServer.close());
    const cases = new CaseSeeder(api.db.url);
    stops.push(() => cases.close());
    const ids = await createAccounts(api.db.url, accounts);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return {
      api,
      console: consoleServer,
      cases,
      accounts: ids,
      async deskPage() {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        contexts.push(context);
        const page = await context.newPage();
        // A page that breaks says why in the test output, not only as a selector that never appears.
        page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`));
        return page;
      },
      async screenshot(page, name) {
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `console-${name}.png`), fullPage: true, animations: 'disabled' });
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => undefined);
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
