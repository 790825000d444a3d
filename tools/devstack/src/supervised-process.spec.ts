import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SupervisedProcess } from './supervised-process';

describe('SupervisedProcess: output of a process that dies while its children write on', () => {
  it('keeps logging what the orphaned children write after the process exited, without a stream error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supervised-process-'));
    const logFile = path.join(dir, 'service.log');
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      // As a PostgreSQL postmaster killed with -9: its backends keep the output pipes and write after it is gone.
      const child = new SupervisedProcess('parent', 'sh', ['-c', 'echo parent; (sleep 0.3; echo orphan) & exit 0'], { logFile });
      expect(await child.whenEnded()).toBe('code 0');
      // The orphan's line arrives after the exit; the log takes it (polled, at most 5 s).
      for (const deadline = Date.now() + 5_000; !fs.readFileSync(logFile, 'utf8').includes('orphan') && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(errors).toEqual([]);
      expect(fs.readFileSync(logFile, 'utf8')).toBe('parent\norphan\n');
    } finally {
      process.off('uncaughtException', onError);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
