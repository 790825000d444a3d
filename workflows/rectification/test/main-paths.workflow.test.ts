import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { recordHistory } from './helpers/history-files';
import { MAIN_PATHS } from './helpers/main-paths';
import { useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';
import { workflowBundle } from './helpers/test-environment';

/**
 * Every main path of a case, run to its end and replayed at once. With RECORD_HISTORIES=<tag> (e.g. v2) each
 * history is also written to test/histories/<path>.<tag>.json for replay-histories.workflow.test.ts; an existing
 * file is never overwritten. See README.md ("Changing workflow code").
 */
const RECORD_TAG = process.env.RECORD_HISTORIES;

describe('main paths, run to the end', () => {
  let env: TestWorkflowEnvironment;
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ env, harness } = suite));

  it.each(MAIN_PATHS.map((mainPath) => [mainPath.name, mainPath] as const))('%s', async (_name, mainPath) => {
    const handle = await mainPath.run(harness, env);
    const finished = await handle.result();
    expect(finished).toMatchObject({ state: 'CLOSED', ...mainPath.outcome });
    await expect(Worker.runReplayHistory({ workflowBundle: await workflowBundle(), replayName: mainPath.name }, await handle.fetchHistory())).resolves.toBeUndefined();
    if (RECORD_TAG) {
      const file = await recordHistory(handle, mainPath.name, RECORD_TAG, mainPath.description);
      console.info(`recorded ${path.relative(process.cwd(), file)}`);
    }
  });
});
