import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

/**
 * A child process the start and test commands own. Output goes to a log file (and, when asked, to the
 * terminal with a prefix); `stop()` asks politely, then insists, so nothing outlives the command.
 */
export class SupervisedProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private exitSignal: NodeJS.Signals | null = null;
  private recentOutput: string[] = [];

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: SpawnOptions & { logFile?: string; echo?: boolean } = {},
  ) {
    const { logFile, echo, ...spawnOptions } = options;
    this.child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    // Opened before the process runs, so the log file exists as soon as the process does (an asynchronous open
    // left it missing after a quick process had already ended, on a busy machine).
    const log = logFile ? fs.createWriteStream(logFile, { fd: fs.openSync(logFile, 'a') }) : undefined;
    // The log ends when the output pipes close, not when the process exits: processes it started may hold them
    // and write on (PostgreSQL's backends after a kill -9 of the postmaster). A write after the end would be an
    // unhandled stream error, which ended the whole start command.
    const endLog = () => {
      if (log && !log.writableEnded) log.end();
    };
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (log && !log.writableEnded) log.write(text);
      this.recentOutput.push(text);
      if (this.recentOutput.length > 200) this.recentOutput = this.recentOutput.slice(-100);
      if (echo) for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`${name.padEnd(9)}| ${line}\n`);
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitSignal = signal;
        resolve(code);
      });
      this.child.once('close', endLog);
      this.child.once('error', (error) => {
        this.recentOutput.push(String(error));
        endLog();
        resolve(-1);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process printed, for error messages. */
  tail(lines = 30): string {
    return this.recentOutput.join('').split('\n').slice(-lines).join('\n');
  }

  whenExited(): Promise<number | null> {
    return this.exited;
  }

  /** Resolves when the process ended, saying how: "code 1", "signal SIGKILL". */
  async whenEnded(): Promise<string> {
    const code = await this.exited;
    return this.exitSignal ? `signal ${this.exitSignal}` : `code ${code}`;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
    if (!this.running) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
