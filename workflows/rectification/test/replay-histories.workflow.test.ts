import { Worker } from '@temporalio/worker';
import { readHistories } from './helpers/history-files';
import { MAIN_PATHS } from './helpers/main-paths';
import { workflowBundle } from './helpers/test-environment';

/**
 * The committed histories of finished cases (test/histories/*.json), replayed against the workflow code as it is
 * now: a change that would issue other commands for a workflow started on older code fails here, unless it is
 * behind patched() (README.md, "Changing workflow code"). No Temporal server is needed.
 */
describe('recorded histories replay deterministically', () => {
  const histories = readHistories();

  it('has a recorded history for every main path', () => {
    const recorded = new Set(histories.map(({ file }) => file.path));
    expect(MAIN_PATHS.map((mainPath) => mainPath.name).filter((name) => !recorded.has(name))).toEqual([]);
  });

  it('replays every one of them without a nondeterminism error', async () => {
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle(), replayName: 'recorded-histories' }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.name}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(histories.length).toBeGreaterThanOrEqual(MAIN_PATHS.length);
  });
});
