import createCache, { type EmotionCache } from '@emotion/cache';

/**
 * The nonce of this page, as the server wrote it into Vite's `<meta property="csp-nonce">` (src/csp/policy.ts).
 * Read from the element's `nonce` property: browsers hide the attribute's value from scripts once it is applied.
 */
export function pageNonce(doc: Document = document): string | undefined {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || undefined;
}

/**
 * The emotion cache for both apps (the console and the citizen pages): every <style> element that MUI writes carries
 * the page's nonce, which the Content-Security-Policy's style-src allows instead of 'unsafe-inline'.
 */
export function createNonceEmotionCache(nonce = pageNonce()): EmotionCache {
  return createCache({ key: 'css', ...(nonce === undefined ? {} : { nonce }) });
}

/**
 * A whole HTML page from the API (the window's printable poster) to be opened from a blob: URL: such a document
 * inherits this page's policy, so its own <style> elements get this page's nonce (`pageNonce()`), or the browser would
 * drop them.
 */
export function withPageNonce(html: string, nonce: string | undefined): string {
  return nonce === undefined ? html : html.replace(/<style(?=[\s>])/g, `<style nonce="${nonce}"`);
}
