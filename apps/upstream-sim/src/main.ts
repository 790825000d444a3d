#!/usr/bin/env node
/**
 * Runs the upstream simulator on its own: `node apps/upstream-sim/dist/main.js` (UPSTREAM_PORT, default 7300;
 * UPSTREAM_APP_KEY, default "dev-upstream-key"). `npm start` runs it as the embedded default upstream.
 */
import { startUpstreamSimulator } from './simulator';

async function main(): Promise<void> {
  const simulator = await startUpstreamSimulator({
    port: Number(process.env.UPSTREAM_PORT ?? 7300),
    host: process.env.UPSTREAM_HOST ?? '127.0.0.1',
    appKey: process.env.UPSTREAM_APP_KEY ?? 'dev-upstream-key',
  });
  process.stdout.write(`upstream simulator listening at ${simulator.url} (records: POST /api/v1/records; faults: PUT /_control/fault)\n`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`upstream simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
