import type { Page } from 'playwright-core';
import { createAccounts, TEST_PASSWORD, type TestAccount } from '../../api/test/helpers/auth-accounts';
import { SCREENSHOT_DIR, startBrowserStack, type BrowserStack } from './helpers/citizen-stack';

export { SCREENSHOT_DIR, TEST_PASSWORD };

export interface ConsoleStack extends Omit<BrowserStack, 'newPage'> {
  /** Account ids by username. */
  accounts: Record<string, string>;
  /** A fresh desk-sized page (1280×800, zh-CN, Beijing time): every sign-in in its own context (own cookies). */
  deskPage(): Promise<Page>;
}

/**
 * The staff console against the real stack, for one test file: the citizen tests' browser stack at desk size,
 * screenshots named `console-<name>.png` beside the citizen pages' ones, and the accounts the file signs in with.
 */
export async function startConsoleStack(accounts: readonly TestAccount[]): Promise<ConsoleStack> {
  const stack = await startBrowserStack({
    context: { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    screenshotPrefix: 'console-',
    // A page that breaks says why in the test output, not only as a selector that never appears.
    onPage: (page) => page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`)),
  });
  try {
    const ids = await createAccounts(stack.api.db.url, accounts);
    return { ...stack, accounts: ids, deskPage: () => stack.newPage() };
  } catch (error) {
    await stack.close();
    throw error;
  }
}
