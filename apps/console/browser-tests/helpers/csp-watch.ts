import type { ConsoleMessage, Page } from 'playwright-core';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy } from '../../src/csp/policy';

/** Chromium's console line for a blocked load or inline code ("Refused to … Content Security Policy directive …"). */
const CSP_CONSOLE_MESSAGE = /Content Security Policy/i;

/**
 * Every Content-Security-Policy violation in a page's browser context, its popups included, by both routes a
 * browser reports one: the `securitypolicyviolation` event (recorded from a script the page runs before its own)
 * and Chromium's console message. Call before the first navigation; read `violations` at any time.
 */
export async function watchCspViolations(page: Page): Promise<{ violations: string[] }> {
  const violations: string[] = [];
  const context = page.context();
  await context.exposeBinding('__haochapingCspViolation', ({ page: from }, text: string) => {
    violations.push(`${from.url()}: event ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { __haochapingCspViolation: (text: string) => void }).__haochapingCspViolation;
        report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} «${event.sample}»`);
      },
      true,
    );
  });
  const onConsole = (message: ConsoleMessage) => {
    if (CSP_CONSOLE_MESSAGE.test(message.text())) violations.push(`${message.page()?.url() ?? '?'}: console ${message.text()}`);
  };
  for (const open of context.pages()) open.on('console', onConsole);
  context.on('page', (opened) => opened.on('console', onConsole));
  return { violations };
}

/**
 * Opens `url` and checks the answer carries the console's policy (src/csp/policy.ts) with the nonce the page itself
 * carries (Vite's csp-nonce meta, filled by the server): fails when the header is missing or differs, or the page
 * still holds the build's placeholder. Answers the nonce.
 */
export async function gotoWithPolicy(page: Page, url: string): Promise<string> {
  const response = await page.goto(url);
  if (!response) throw new Error(`no answer for ${url}`);
  const header = response.headers()['content-security-policy'];
  if (!header) throw new Error(`${url} was answered without a Content-Security-Policy header`);
  const nonce = await page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '');
  // 128 bits at least: base64 from the preview server, 32 hex digits ($request_id) from nginx; never the placeholder.
  if (!/^[A-Za-z0-9+/=]{22,}$/.test(nonce) || nonce === CSP_NONCE_PLACEHOLDER) throw new Error(`${url}: the page's nonce is missing or was not filled in: «${nonce}»`);
  const expected = contentSecurityPolicy({ nonce });
  if (header !== expected) throw new Error(`${url}: Content-Security-Policy\n  sent:     ${header}\n  expected: ${expected}`);
  return nonce;
}
