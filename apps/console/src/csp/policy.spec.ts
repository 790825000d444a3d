import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { CSP_NONCE_PLACEHOLDER, contentSecurityPolicy, cspDirectives, nginxSecurityHeaders, securityHeaders } from './policy';

const CONSOLE_DIR = path.resolve(__dirname, '../..');
const NONCE = 'bm9uY2Utb2YtdGhpcy1wYWdl';

/** The policy as directive → sources, parsed back from the header's text (what a browser reads). */
function parsed(header: string): Map<string, string[]> {
  return new Map(header.split('; ').map((directive) => {
    const [name, ...sources] = directive.split(' ');
    return [name, sources] as [string, string[]];
  }));
}

describe("the console's Content-Security-Policy", () => {
  const production = parsed(contentSecurityPolicy({ nonce: NONCE }));
  const dev = parsed(contentSecurityPolicy({ nonce: NONCE, dev: true }));

  // What issue 17 asks of it, directive by directive.
  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", `'nonce-${NONCE}'`]],
    ['img-src', ["'self'", 'blob:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ])('in production sends %s %j', (directive, sources) => {
    expect(production.get(directive)).toEqual(sources);
  });

  it("never allows inline code or eval: no 'unsafe-*' source and no wildcard anywhere", () => {
    for (const policy of [production, dev]) {
      for (const [directive, sources] of policy) {
        for (const source of sources) expect(`${directive} ${source}`).not.toMatch(/'unsafe-|\*|data:|https?:$/);
      }
    }
  });

  it("adds only the nonce to the dev server's script-src (React Refresh's inline preamble)", () => {
    expect(dev.get('script-src')).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect([...dev].filter(([directive]) => directive !== 'script-src')).toEqual([...production].filter(([directive]) => directive !== 'script-src'));
  });

  it('names every directive once', () => {
    const names = cspDirectives({ nonce: NONCE }).map(([directive]) => directive);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is sent with the other security headers of a page', () => {
    expect(Object.fromEntries(securityHeaders({ nonce: NONCE }))).toMatchObject({
      'Content-Security-Policy': contentSecurityPolicy({ nonce: NONCE }),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
    });
  });
});

describe("nginx's copy (production)", () => {
  const snippetFile = path.join(CONSOLE_DIR, 'nginx-security-headers.conf');

  it('nginx-security-headers.conf is generated from the policy (WRITE_NGINX_HEADERS=1 rewrites it)', () => {
    if (process.env.WRITE_NGINX_HEADERS === '1') fs.writeFileSync(snippetFile, nginxSecurityHeaders());
    expect(fs.readFileSync(snippetFile, 'utf8')).toBe(nginxSecurityHeaders());
  });

  it("fills the nonce with $request_id in index.html and in the header", () => {
    const snippet = nginxSecurityHeaders();
    expect(snippet).toContain(`sub_filter '${CSP_NONCE_PLACEHOLDER}' $request_id;`);
    expect(snippet).toContain(`add_header Content-Security-Policy "${contentSecurityPolicy({ nonce: '$request_id' })}" always;`);
  });

  it('is installed by the image and included in every location that serves the console', () => {
    const dockerfile = fs.readFileSync(path.join(CONSOLE_DIR, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('COPY apps/console/nginx-security-headers.conf /etc/nginx/console-security-headers.conf');
    const conf = fs.readFileSync(path.join(CONSOLE_DIR, 'nginx.conf'), 'utf8');
    for (const location of ['/', '/assets/']) {
      const block = new RegExp(`location ${location.replaceAll('/', '\\/')} \\{([^}]*)\\}`).exec(conf)?.[1];
      expect(block).toContain('include /etc/nginx/console-security-headers.conf;');
    }
    // A header of its own in the server block or a location would be a second, diverging definition.
    expect(conf).not.toMatch(/add_header (Content-Security-Policy|X-Frame-Options|Referrer-Policy)/);
  });
});
