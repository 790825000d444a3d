import { fork } from 'node:child_process';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';

export const BARE_TASK_QUEUE = 'bench-bare';

/** What the bare worker says (worker-main.ts): each case's first projection, each deadline's activity and its lateness. */
export type BareMessage = { ready: true } | { projected: string } | { fired: string; lateMs: number };

export interface BareWorker {
  client: Client;
  /** Resolves when `done` answers true for the messages heard so far; rejects if the worker exits first. */
  until(done: (messages: readonly BareMessage[]) => boolean): Promise<readonly BareMessage[]>;
  stop(): Promise<void>;
}

/**
 * The bare baselines' worker as its own process (as the real worker is), on the same Temporal server as the
 * measured stack, and a client to start the bare workflows with. Resolves once it polls.
 */
export async function startBareWorker(temporalAddress: string): Promise<BareWorker> {
  const worker = fork(path.join(__dirname, 'worker-main.js'), [], { env: { ...process.env, TEMPORAL_ADDRESS: temporalAddress, BARE_TASK_QUEUE }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages: BareMessage[] = [];
  const waiting = new Set<() => void>();
  let exit: Error | undefined;
  worker.on('message', (message: BareMessage) => {
    messages.push(message);
    for (const wake of waiting) wake();
  });
  worker.once('exit', (code, signal) => {
    exit = new Error(`the bare worker exited (${code ?? signal})`);
    for (const wake of waiting) wake();
  });
  const until = (done: (heard: readonly BareMessage[]) => boolean) =>
    new Promise<readonly BareMessage[]>((resolve, reject) => {
      const check = () => {
        if (done(messages)) resolve(messages);
        else if (exit) reject(exit);
        else return;
        waiting.delete(check);
      };
      waiting.add(check);
      check();
    });
  await until((heard) => heard.some((message) => 'ready' in message));
  const connection = await Connection.connect({ address: temporalAddress });
  return {
    client: new Client({ connection }),
    until,
    async stop() {
      await connection.close();
      if (exit) return;
      const gone = new Promise((resolve) => worker.once('exit', resolve));
      worker.disconnect();
      await gone;
    },
  };
}

/** Runs `task` for each item, `concurrency` at a time. */
export async function eachConcurrently<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}
