import os from 'node:os';
import path from 'node:path';

/** The repository root (tools/devstack/dist → ../../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Where `npm start` keeps PostgreSQL's cluster and Temporal's SQLite file. */
export const DATA_DIR = process.env.HAOCHAPING_DATA_DIR ?? path.join(REPO_ROOT, '.data');

/**
 * Per-user tool cache, keyed by tool version, shared by every clone on the machine (CI's fresh clones
 * included), so the Temporal CLI is built and the test server fetched once per machine.
 */
export function toolCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(base, 'haochaping');
}
