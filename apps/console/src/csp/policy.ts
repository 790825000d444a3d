/**
 * The console's Content-Security-Policy and the other security headers of its pages: the one definition that every
 * server of the console sends (the Vite dev and preview servers through vite-csp.ts, nginx in production through
 * nginx-security-headers.conf, generated from here and checked by policy.spec.ts). docs/DEPLOYMENT.md,
 * "Content-Security-Policy", says how to add an origin.
 *
 * Scripts: only the build's own files ('self'): no inline script, no eval. Styles: the build's CSS file and the
 * <style> elements that MUI's emotion writes, which carry the page's nonce (src/csp/nonce.ts); no
 * 'unsafe-inline'. The nonce is fresh on every answer of index.html: the built page carries CSP_NONCE_PLACEHOLDER,
 * and the server replaces it (nginx's sub_filter with $request_id, the preview server with crypto random bytes).
 */

/** What the built index.html carries where the nonce goes (Vite's `html.cspNonce`); servers replace every copy. */
export const CSP_NONCE_PLACEHOLDER = '__HAOCHAPING_CSP_NONCE__';

/** A directive and its sources, in the order they are sent. */
export type CspDirectives = ReadonlyArray<readonly [directive: string, sources: readonly string[]]>;

export interface CspOptions {
  /** The nonce of this answer (base64 or hex, at least 128 bits), or nginx's `$request_id`. */
  nonce: string;
  /**
   * Vite's dev server (`npm start`): @vitejs/plugin-react's React Refresh preamble is an inline module script, which
   * Vite gives the nonce; the production build has no inline script, so its script-src stays 'self' alone.
   */
  dev?: boolean;
}

/**
 * The policy's directives. Every origin the console talks to is here: the API is served under /api on the console's
 * own origin (the Vite proxy, nginx's `location /api/`), so connect-src is 'self'; an API on another origin would be
 * added to connect-src (and to the API's CORS_ORIGINS the other way round).
 */
export function cspDirectives({ nonce, dev = false }: CspOptions): CspDirectives {
  const nonceSource = `'nonce-${nonce}'`;
  return [
    ['default-src', ["'self'"]],
    ['script-src', dev ? ["'self'", nonceSource] : ["'self'"]],
    ['style-src', ["'self'", nonceSource]],
    // blob: the window's QR, fetched with the staff token and shown from an object URL (WindowQrPreview).
    ['img-src', ["'self'", 'blob:']],
    ['font-src', ["'self'"]],
    // 'self' covers the dev server's HMR web socket too (ws: on the same host and port, CSP Level 3).
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
}

/** The Content-Security-Policy header's value. */
export function contentSecurityPolicy(options: CspOptions): string {
  return cspDirectives(options)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Every header a page of the console carries, the policy included. X-Frame-Options repeats frame-ancestors for
 * browsers without CSP Level 2; the referrer stays on the console's origin (invitation tokens are in citizen URLs).
 */
export function securityHeaders(options: CspOptions): ReadonlyArray<readonly [name: string, value: string]> {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(options)],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/**
 * nginx-security-headers.conf: the same headers as nginx `add_header` lines, the nonce being nginx's $request_id
 * (128 random bits per request), which its sub_filter writes into index.html in place of the placeholder.
 */
export function nginxSecurityHeaders(): string {
  const lines = securityHeaders({ nonce: '$request_id' }).map(([name, value]) => `add_header ${name} "${value}" always;`);
  return [
    '# GENERATED from apps/console/src/csp/policy.ts: do not edit. After changing the policy there, rewrite it with',
    '#   WRITE_NGINX_HEADERS=1 npx jest -c apps/console/jest.config.cjs src/csp',
    '# (without the variable, that spec fails while this file differs). nginx.conf includes it in each location.',
    '',
    '# The nonce of this answer: index.html (text/html) gets $request_id wherever the build wrote the placeholder.',
    `sub_filter '${CSP_NONCE_PLACEHOLDER}' $request_id;`,
    'sub_filter_once off;',
    '',
    ...lines,
    '',
  ].join('\n');
}
