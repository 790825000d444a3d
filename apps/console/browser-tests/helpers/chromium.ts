import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const INSTALL_HINT = "install Debian's package (`sudo apt-get install -y chromium`; .ci/run does this) or set CHROMIUM_PATH to a Chromium binary";

/**
 * Debian's Chromium (TOOLCHAIN.md: never `npx playwright install`, which downloads a browser). CHROMIUM_PATH
 * overrides. Missing, the tests fail with this message: a browser test that skips itself proves nothing.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist: ${INSTALL_HINT}. The citizen browser tests are never skipped.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? onPath('chromium');
  if (!found) {
    throw new Error(`Chromium is not installed: the citizen browser tests need it and are never skipped; ${INSTALL_HINT}.`);
  }
  return found;
}

function onPath(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    // The flags seen working on these machines (TOOLCHAIN.md, "Browsers"); playwright adds a fresh profile.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
