/**
 * Keeps the services of `npm start` running: a service whose process dies is started again after a pause that
 * doubles with each death, and the whole stack stops only when one service keeps dying (a crash loop no restart
 * will cure). Every restart is said on the terminal with the service's log file.
 */

/** One running instance of a service. */
export interface RunningService {
  /** Resolves when the process ended, with a short description ("code 1", "signal SIGKILL"). */
  whenExited(): Promise<string>;
  stop(): Promise<void>;
}

export interface ServiceDefinition {
  readonly name: string;
  /** Starts one instance and resolves once it is ready (answers, polls…); throws when it cannot get there. */
  start(): Promise<RunningService>;
  /** Where its output goes, named in the restart lines. */
  readonly logFile?: string;
}

export interface RestartPolicyOptions {
  /** Pause before the first restart; doubled for each further restart inside the window. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up when a service needed this many restarts within `windowMs` and dies once more. */
  readonly maxRestarts: number;
  readonly windowMs: number;
}

/** 1 s, 2 s, 4 s, 8 s, 16 s; a sixth death within five minutes stops the stack. */
export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { initialDelayMs: 1_000, maxDelayMs: 30_000, maxRestarts: 5, windowMs: 5 * 60_000 };

export type RestartDecision =
  | { readonly restart: true; readonly delayMs: number; /** 1 for the first restart inside the window. */ readonly attempt: number }
  | { readonly restart: false; readonly restartsInWindow: number };

/**
 * When to restart a service that died, from the times of its recent restarts only: after a quiet window the
 * pause starts again from `initialDelayMs`.
 */
export class RestartPolicy {
  private restarts: number[] = [];

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** The service died at `now` (ms): restart it after `delayMs`, or give up. */
  decide(now: number): RestartDecision {
    this.restarts = this.restarts.filter((at) => now - at < this.options.windowMs);
    if (this.restarts.length >= this.options.maxRestarts) return { restart: false, restartsInWindow: this.restarts.length };
    const attempt = this.restarts.length + 1;
    this.restarts.push(now);
    return { restart: true, delayMs: Math.min(this.options.maxDelayMs, this.options.initialDelayMs * 2 ** (attempt - 1)), attempt };
  }
}

export interface SupervisorOptions {
  readonly policy?: RestartPolicyOptions;
  /** Progress lines (the devstack's `say`). */
  readonly say: (line: string) => void;
  /** A service kept dying: the caller stops everything. */
  readonly onGiveUp: (name: string) => void;
  readonly now?: () => number;
}

interface Entry {
  readonly definition: ServiceDefinition;
  readonly policy: RestartPolicy;
  current?: RunningService;
  /** Set while a restart is pending or starting, so a stop can wait for it. */
  restarting?: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

export class Supervisor {
  private readonly entries: Entry[] = [];
  private stopping = false;
  private readonly now: () => number;
  /** How many times each service was restarted so far (for tests and the status line). */
  readonly restartCounts = new Map<string, number>();

  constructor(private readonly options: SupervisorOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Starts a service (a failure to start the first time is the caller's: it throws) and watches it from then on. */
  async start(definition: ServiceDefinition): Promise<void> {
    const entry: Entry = { definition, policy: new RestartPolicy(this.options.policy) };
    this.entries.push(entry);
    const running = await definition.start();
    if (this.stopping) {
      await running.stop();
      return;
    }
    this.watch(entry, running);
  }

  /** Stops every service, the last started first, including one whose restart is under way. */
  async stopAll(onStopped: (name: string, error?: string) => void = () => undefined): Promise<void> {
    this.stopping = true;
    for (const entry of [...this.entries].reverse()) {
      await entry.restarting;
      try {
        await entry.current?.stop();
        onStopped(entry.definition.name);
      } catch (error) {
        onStopped(entry.definition.name, describe(error));
      }
    }
  }

  private watch(entry: Entry, running: RunningService): void {
    entry.current = running;
    void running.whenExited().then((how) => {
      if (this.stopping || entry.current !== running) return;
      entry.restarting = this.restart(entry, `exited unexpectedly (${how})`).finally(() => {
        entry.restarting = undefined;
      });
    });
  }

  private async restart(entry: Entry, why: string): Promise<void> {
    const { name, logFile } = entry.definition;
    for (;;) {
      const decision = entry.policy.decide(this.now());
      if (!decision.restart) {
        this.options.say(`${name} ${why}, after ${decision.restartsInWindow} restarts in a short time: giving up.${logFile ? ` Its log: ${logFile}` : ''}`);
        this.options.onGiveUp(name);
        return;
      }
      this.options.say(`${name} ${why}; restarting in ${(decision.delayMs / 1000).toFixed(1)} s (restart ${decision.attempt}).${logFile ? ` Its log: ${logFile}` : ''}`);
      await sleep(decision.delayMs);
      if (this.stopping) return;
      try {
        const running = await entry.definition.start();
        this.restartCounts.set(name, (this.restartCounts.get(name) ?? 0) + 1);
        if (this.stopping) {
          await running.stop();
          return;
        }
        this.options.say(`${name} restarted and ready`);
        this.watch(entry, running);
        return;
      } catch (error) {
        why = `could not start again (${describe(error)})`;
      }
    }
  }
}
