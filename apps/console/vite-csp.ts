import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { CSP_NONCE_PLACEHOLDER, securityHeaders, type CspOptions } from './src/csp/policy.ts';

/** 128 random bits, base64: a CSP nonce. */
const newNonce = () => randomBytes(16).toString('base64');

function setSecurityHeaders(res: ServerResponse, options: CspOptions): void {
  for (const [name, value] of securityHeaders(options)) res.setHeader(name, value);
}

/**
 * The console's Content-Security-Policy (src/csp/policy.ts) on Vite's servers, as nginx sends it in production:
 * - `vite build` writes CSP_NONCE_PLACEHOLDER as the nonce of index.html (Vite's `html.cspNonce`), for the server
 *   to replace on every answer;
 * - `vite preview` (the browser tests) answers index.html, and every path that is not a built file (the SPA's deep
 *   links, as nginx's try_files), with a fresh nonce in the page and in the header;
 * - `vite` (the dev server of `npm start`) uses one nonce per start, since it writes the page itself; its policy
 *   adds that nonce to script-src for React Refresh's inline preamble.
 */
export function consoleCsp(): Plugin {
  const devNonce = newNonce();
  return {
    name: 'haochaping-console-csp',
    config(_config, { command, isPreview }) {
      if (command === 'build') return { html: { cspNonce: CSP_NONCE_PLACEHOLDER } };
      if (!isPreview) return { html: { cspNonce: devNonce } };
      return undefined;
    },
    configureServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
        if (!isApi(req)) setSecurityHeaders(res, { nonce: devNonce, dev: true });
        next();
      });
    },
    configurePreviewServer(server) {
      const outDir = path.resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
        if (isApi(req)) {
          next();
          return;
        }
        const nonce = newNonce();
        setSecurityHeaders(res, { nonce });
        // As nginx.conf: a built file as it is, /assets/ never falls back to the page, anything else is the page.
        if ((req.method !== 'GET' && req.method !== 'HEAD') || (req.url ?? '/').startsWith('/assets/') || isBuiltFile(outDir, req.url ?? '/')) {
          next();
          return;
        }
        const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8').replaceAll(CSP_NONCE_PLACEHOLDER, nonce);
        res.statusCode = 200;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : html);
      });
    },
  };
}

/** The API's answers (proxied, as nginx's `location /api/`) keep the API's own headers (helmet). */
const isApi = (req: IncomingMessage) => /^\/api(\/|\?|$)/.test(req.url ?? '');

/** Whether the URL names a file of the build other than index.html (which is always answered with a nonce). */
function isBuiltFile(outDir: string, url: string): boolean {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://console').pathname);
  } catch {
    return false;
  }
  const file = path.join(outDir, pathname);
  if (!file.startsWith(outDir + path.sep) || file === path.join(outDir, 'index.html')) return false;
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
