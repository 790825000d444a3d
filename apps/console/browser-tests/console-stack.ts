import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createAccounts, TEST_PASSWORD, type TestAccount } from '../../api/test/helpers/auth-accounts';
import { SCREENSHOT_DIR, startBrowserStack, type BrowserStack } from './helpers/citizen-stack';

export { SCREENSHOT_DIR, TEST_PASSWORD };

export interface ConsoleStack extends Omit<BrowserStack, 'newPage'> {
  /** Account ids by username. */
  accounts: Record<string, string>;
  /** A fresh desk-sized page (1280×800, zh-CN, Beijing time): every sign-in in its own context (own cookies). */
  deskPage(): Promise<Page>;
  /**
   * A real-name 差评 on 金屯镇's public form, through the API as a citizen sends it; resolves with its review id once
   * its case is in the read model (what the console lists and opens).
   */
  badReview(comment: string): Promise<string>;
}

/**
 * The staff console against the real stack, for one test file: the citizen tests' browser stack at desk size,
 * screenshots named `console-<name>.png` beside the citizen pages' ones, and the accounts the file signs in with.
 */
export async function startConsoleStack(accounts: readonly TestAccount[], e2e?: Parameters<typeof startBrowserStack>[0]['e2e']): Promise<ConsoleStack> {
  const stack = await startBrowserStack({
    context: { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    screenshotPrefix: 'console-',
    // A page that breaks says why in the test output, not only as a selector that never appears.
    onPage: (page) => page.on('pageerror', (error) => process.stderr.write(`console page error: ${error.message}\n`)),
    e2e,
  });
  try {
    const ids = await createAccounts(stack.api.db.url, accounts);
    return { ...stack, accounts: ids, deskPage: () => stack.newPage(), badReview: (comment) => badReview(stack, comment) };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

async function badReview(stack: BrowserStack, comment: string): Promise<string> {
  const response = await fetch(`${stack.api.baseUrl}/public/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hallCode: 'jintun', windowCode: 'W01', level: 2, comment, reviewer: { kind: 'REAL_NAME', name: '周八', phone: '13900139000' }, clientKey: randomUUID() }),
  });
  const review = (await response.json()) as { id?: string };
  if (response.status !== 201 || !review.id) throw new Error(`the review was not recorded: ${response.status} ${JSON.stringify(review)}`);
  const deadline = Date.now() + 30_000;
  while (!(await stack.cases.prisma.rectificationCase.findUnique({ where: { reviewId: review.id }, select: { reviewId: true } }))) {
    if (Date.now() > deadline) throw new Error(`the case of review ${review.id} did not reach the read model within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return review.id;
}
