import type { Locator } from 'playwright-core';
import type { BrowserStack } from './citizen-stack';

/** How long a browser test waits for something to show before it fails (generous on a loaded two-core machine). */
export const VISIBLE_MS = 20_000;

/**
 * A test file's `visible(locator)`: waits until the locator shows; when it never does, the page as it was is saved
 * (`<stack's prefix><failedName>-N.png`) to tell why, then the wait's error is thrown. `stack` is read at each call
 * (files start their stack in beforeAll).
 */
export function visibleOrScreenshot(stack: () => Pick<BrowserStack, 'screenshot'>, failedName = 'failed'): (locator: Locator, timeout?: number) => Promise<void> {
  let failures = 0;
  return async (locator, timeout = VISIBLE_MS) => {
    try {
      await locator.first().waitFor({ state: 'visible', timeout });
    } catch (error) {
      failures += 1;
      await stack().screenshot(locator.page(), `${failedName}-${failures}`).catch(() => undefined);
      throw error;
    }
  };
}
