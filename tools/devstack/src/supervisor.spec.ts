import { RestartPolicy, Supervisor, type RestartPolicyOptions, type ServiceDefinition } from './supervisor';
import { SupervisedProcess } from './supervised-process';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('RestartPolicy: when a service that died is started again', () => {
  const policy: RestartPolicyOptions = { initialDelayMs: 1 * SECOND, maxDelayMs: 30 * SECOND, maxRestarts: 5, windowMs: 5 * MINUTE };

  it.each([
    // deaths at (s since the first)          → decisions
    { deaths: [0], expected: ['1s'] },
    { deaths: [0, 10, 20, 30, 40], expected: ['1s', '2s', '4s', '8s', '16s'] },
    { deaths: [0, 10, 20, 30, 40, 50], expected: ['1s', '2s', '4s', '8s', '16s', 'give up'] },
    // a quiet window forgets the old restarts: the pause starts again at 1 s
    { deaths: [0, 10, 20, 10 + 5 * 60 + 1], expected: ['1s', '2s', '4s', '2s'] },
    { deaths: [0, 301, 602, 903, 1204, 1505, 1806], expected: ['1s', '1s', '1s', '1s', '1s', '1s', '1s'] },
  ])('deaths at $deaths s → $expected', ({ deaths, expected }) => {
    const restarts = new RestartPolicy(policy);
    const decisions = deaths.map((at) => restarts.decide(at * SECOND)).map((d) => (d.restart ? `${d.delayMs / SECOND}s` : 'give up'));
    expect(decisions).toEqual(expected);
  });

  it('never pauses longer than maxDelayMs', () => {
    const restarts = new RestartPolicy({ ...policy, maxRestarts: 10 });
    const delays = Array.from({ length: 8 }, (_, i) => restarts.decide(i * SECOND)).map((d) => (d.restart ? d.delayMs / SECOND : -1));
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });
});

const FAST: RestartPolicyOptions = { initialDelayMs: 20, maxDelayMs: 100, maxRestarts: 3, windowMs: MINUTE };

async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A real child process running `script`, ready at once; its pids are collected so the test can kill them. */
function nodeService(name: string, script: string, pids: number[]): ServiceDefinition {
  return {
    name,
    start: () => {
      const child = new SupervisedProcess(name, process.execPath, ['-e', script]);
      pids.push(child.pid!);
      return Promise.resolve({ whenExited: () => child.whenEnded(), stop: () => child.stop('SIGTERM', 2_000) });
    },
  };
}

describe('Supervisor: a service that dies is started again; one that keeps dying stops the stack', () => {
  it('restarts a service killed with kill -9, says so, and stops the new one on stopAll', async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const supervisor = new Supervisor({ policy: FAST, say: (line) => lines.push(line), onGiveUp: (name) => gaveUp.push(name) });
    const pids: number[] = [];
    await supervisor.start(nodeService('worker', 'setInterval(() => {}, 1000)', pids));

    process.kill(pids[0], 'SIGKILL');
    await until('the restart', () => supervisor.restartCounts.get('worker') === 1);

    expect(pids).toHaveLength(2);
    expect(alive(pids[1])).toBe(true);
    expect(lines).toEqual(['worker exited unexpectedly (signal SIGKILL); restarting in 0.0 s (restart 1).', 'worker restarted and ready']);
    expect(gaveUp).toEqual([]);

    const stopped: string[] = [];
    await supervisor.stopAll((name) => stopped.push(name));
    expect(stopped).toEqual(['worker']);
    expect(alive(pids[1])).toBe(false);
  });

  it('gives up on a service that dies again after maxRestarts restarts, naming its exit code', async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const supervisor = new Supervisor({ policy: FAST, say: (line) => lines.push(line), onGiveUp: (name) => gaveUp.push(name) });
    const pids: number[] = [];
    await supervisor.start(nodeService('api', 'setTimeout(() => process.exit(3), 50)', pids));

    await until('giving up', () => gaveUp.length > 0);

    expect(gaveUp).toEqual(['api']);
    expect(pids).toHaveLength(1 + FAST.maxRestarts);
    expect(lines.filter((line) => line.startsWith('api exited unexpectedly (code 3); restarting'))).toHaveLength(FAST.maxRestarts);
    expect(lines.at(-1)).toBe('api exited unexpectedly (code 3), after 3 restarts in a short time: giving up.');
    await supervisor.stopAll();
  });

  it('counts a restart that cannot get ready as another death, and stops everything last-started first', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ policy: FAST, say: (line) => lines.push(line), onGiveUp: () => undefined });
    const pids: number[] = [];
    await supervisor.start(nodeService('postgres', 'setInterval(() => {}, 1000)', pids));
    let starts = 0;
    const flaky: ServiceDefinition = {
      name: 'temporal',
      start: async () => {
        starts += 1;
        if (starts === 2) throw new Error('port 7233 still in use\nmore detail');
        return nodeService('temporal', 'setInterval(() => {}, 1000)', pids).start();
      },
    };
    await supervisor.start(flaky);

    process.kill(pids[1], 'SIGKILL');
    await until('the restart after one failed start', () => supervisor.restartCounts.get('temporal') === 1);

    expect(lines).toEqual([
      'temporal exited unexpectedly (signal SIGKILL); restarting in 0.0 s (restart 1).',
      'temporal could not start again (port 7233 still in use); restarting in 0.0 s (restart 2).',
      'temporal restarted and ready',
    ]);
    const stopped: string[] = [];
    await supervisor.stopAll((name) => stopped.push(name));
    expect(stopped).toEqual(['temporal', 'postgres']);
    expect(pids.filter(alive)).toEqual([]);
  });
});
