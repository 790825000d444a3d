import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { elapsed, say } from './log';
import { toolCacheDir } from './paths';
import { waitUntil } from './ports';
import { SupervisedProcess } from './supervised-process';

/**
 * Pinned Temporal CLI. v1.6+ carries a `replace` directive that `go install pkg@version` refuses
 * (temporalio/cli issue 213); v1.5.1 is the newest that builds this way (Temporal Server 1.29.1, UI 2.42.1).
 */
export const TEMPORAL_CLI_VERSION = '1.5.1';

export function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}

/** TEMPORAL_CLI_PATH, then `temporal` on PATH, then the tool cache; otherwise builds the pinned version once. */
export function ensureTemporalCli(): string {
  const configured = process.env.TEMPORAL_CLI_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`TEMPORAL_CLI_PATH points to ${configured}, which does not exist.`);
    return configured;
  }
  const installed = onPath('temporal');
  if (installed) return installed;

  const cacheDir = path.join(toolCacheDir(), `temporal-cli-${TEMPORAL_CLI_VERSION}`);
  const cached = path.join(cacheDir, 'temporal');
  if (fs.existsSync(cached)) return cached;

  if (!onPath('go')) {
    throw new Error(
      'The Temporal CLI was not found and Go is not installed to build it. Either install Go 1.24+ (https://go.dev/doc/install, ' +
        'or `apt-get install golang`), or install the Temporal CLI yourself and set TEMPORAL_CLI_PATH, ' +
        'or point TEMPORAL_ADDRESS at a running Temporal server.',
    );
  }
  say(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with \`go install\` into ${cacheDir} (once per machine;`);
  say('  about 4-5 minutes on 2 cores with empty Go caches, seconds when warm) ...');
  const started = Date.now();
  // Build into a private directory and rename, so that two clones building at once never see half a binary.
  fs.mkdirSync(toolCacheDir(), { recursive: true });
  const staging = fs.mkdtempSync(path.join(toolCacheDir(), '.temporal-cli-build-'));
  try {
    execFileSync(
      'go',
      ['install', '-ldflags', `-s -w -X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`, `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
      { env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.renameSync(path.join(staging, 'temporal'), cached);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  say(`built the Temporal CLI in ${elapsed(started)}`);
  return cached;
}

export interface TemporalDevServer {
  address: string;
  uiUrl?: string;
  /** Resolves when the server process ended (for the supervisor), saying how. */
  whenExited(): Promise<string>;
  stop(): Promise<void>;
}

/** Is a Temporal frontend answering at this address? */
export async function temporalAnswers(address: string, timeoutMs = 2_000): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    await connection.workflowService.getSystemInfo({});
    return true;
  } finally {
    await connection.close();
  }
}

/**
 * `temporal server start-dev`: SQLite in a file (kept across restarts) when `dbFile` is given, in memory otherwise.
 * WAL with synchronous=normal nearly triples start throughput on these machines and survives a process crash.
 */
export async function startTemporalDevServer(options: {
  port: number;
  uiPort?: number;
  dbFile?: string;
  logFile?: string;
}): Promise<TemporalDevServer> {
  const cli = ensureTemporalCli();
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--namespace', 'default', '--log-level', 'warn'];
  // One partition per task queue: with the default four, a task written to a partition no poller waits on is
  // forwarded, which adds latency to every workflow and activity task of a single-worker development setup.
  args.push('--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1', '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1');
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) {
    fs.mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  const server = new SupervisedProcess('temporal', cli, args, { logFile: options.logFile });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil('Temporal dev server', async () => {
    if (!server.running) throw new Error(`the Temporal dev server exited while starting:\n${server.tail()}`);
    return temporalAnswers(address, 1_000);
  }, 60_000).catch(async (error) => {
    await server.stop();
    throw error;
  });
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    whenExited: () => server.whenEnded(),
    stop: () => server.stop('SIGTERM', 20_000),
  };
}
