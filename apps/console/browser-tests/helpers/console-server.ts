import { SupervisedProcess, freePort, waitUntil } from '@haochaping/devstack';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CONSOLE_DIR = path.resolve(__dirname, '../..');

export interface ConsoleServer {
  /** `http://127.0.0.1:<port>`: the console as a browser sees it, /api proxied to the test API. */
  url: string;
  /** The production build it serves (index.html still holding the CSP nonce placeholder), for nginx to serve too. */
  distDir: string;
  close(): Promise<void>;
}

/**
 * The console as it ships: a production build served by `vite preview` with the /api proxy of vite.config.ts
 * pointed at the test API. A build, not the dev server: the dev server optimises dependencies on first use and
 * reloads the page while it does, which would make the tests flaky, and what the county deploys is the build.
 */
export async function startConsoleServer(apiOrigin: string): Promise<ConsoleServer> {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'haochaping-console-'));
  const build = spawnSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: CONSOLE_DIR, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build of the console failed:\n${build.stdout}\n${build.stderr}`);
  // Readable by nginx's worker processes too (another user when the tests run as root): see console-nginx.ts.
  fs.chmodSync(outDir, 0o755);

  const port = await freePort();
  const preview = new SupervisedProcess('console', process.execPath, [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'], {
    cwd: CONSOLE_DIR,
    env: { ...process.env, CONSOLE_PORT: String(port), API_URL: apiOrigin },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil('vite preview of the console', async () => (await fetch(`${url}/citizen`)).ok, 30_000);
  } catch (error) {
    await preview.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${preview.tail()}`);
  }
  return {
    url,
    distDir: outDir,
    async close() {
      await preview.stop();
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
