import { freePort, SupervisedProcess, waitUntil } from '@haochaping/devstack';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConsoleServer } from './console-server';

const CONSOLE_DIR = path.resolve(__dirname, '../..');
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx'];
const INSTALL_HINT = "install Debian's package (`sudo apt-get install -y nginx`; .ci/run does this) or set NGINX_PATH to an nginx binary";

function findNginx(): string {
  const fromEnv = process.env.NGINX_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`NGINX_PATH=${fromEnv} does not exist: ${INSTALL_HINT}.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`nginx is not installed: the console's production server is tested with it and never skipped; ${INSTALL_HINT}.`);
  return found;
}

/**
 * The console as production serves it: nginx with apps/console/nginx.conf and nginx-security-headers.conf as the
 * image installs them, only its paths pointed at this machine: the port, the build to serve (`distDir`), the included
 * headers file, and the API upstream (`http://api:3000` in Compose) at the test API. Everything else, sub_filter and
 * add_header included, is the file that ships.
 */
export async function startConsoleNginx(distDir: string, apiOrigin: string): Promise<ConsoleServer> {
  const nginx = findNginx();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'haochaping-nginx-'));
  const edits: Array<[string | RegExp, string]> = [
    ['listen 8080;', `listen 127.0.0.1:${port};`],
    ['root /usr/share/nginx/html;', `root ${distDir};`],
    ['http://api:3000', apiOrigin],
    [/include \/etc\/nginx\/console-security-headers\.conf;/g, `include ${path.join(CONSOLE_DIR, 'nginx-security-headers.conf')};`],
  ];
  const serverBlock = edits.reduce((text, [pattern, replacement]) => replaceOnce(text, pattern, replacement), fs.readFileSync(path.join(CONSOLE_DIR, 'nginx.conf'), 'utf8'));
  fs.writeFileSync(path.join(dir, 'default.conf'), serverBlock);
  const runAsRoot = process.getuid?.() === 0;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      // As root, nginx would hand requests to workers running as `nobody`, who cannot read a private temp directory.
      ...(runAsRoot ? ['user root;'] : []),
      'daemon off;',
      'worker_processes 1;',
      `pid ${dir}/nginx.pid;`,
      'error_log stderr warn;',
      'events {}',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`),
      `  include ${dir}/default.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const server = new SupervisedProcess('nginx', nginx, ['-e', 'stderr', '-p', dir, '-c', path.join(dir, 'nginx.conf')]);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil('nginx serving the console', async () => (await fetch(`${url}/healthz`)).ok, 15_000);
  } catch (error) {
    await close();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.tail()}`);
  }
  return { url, distDir, close };
}

/** `text` with `pattern` replaced; fails when nginx.conf no longer holds what is replaced (so the test cannot drift). */
function replaceOnce(text: string, pattern: string | RegExp, replacement: string): string {
  const found = typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
  if (!found) throw new Error(`apps/console/nginx.conf no longer contains ${String(pattern)}: update console-nginx.ts`);
  return typeof pattern === 'string' ? text.replace(pattern, replacement) : text.replace(new RegExp(pattern.source, pattern.flags), replacement);
}
