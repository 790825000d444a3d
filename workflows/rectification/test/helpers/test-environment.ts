import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ensureTimeSkippingServer } from '@haochaping/devstack';

/**
 * The one way workflow tests get a time-skipping Temporal: the Java test server from our tool cache
 * (the SDK's own download cannot reach its site here), started through a wrapper as an existing-path executable.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await startTimeSkippingServer();
  // Started this way the Java server begins with time skipping unlocked, while the SDK assumes it is locked:
  // without this the first workflow jumps straight to its 10-year run timeout ("Workflow execution timed out").
  const testService = env.connection.testService;
  if (!testService) throw new Error('the time-skipping environment has no test service');
  await testService.lockTimeSkipping({});
  return env;
}

/**
 * The SDK gives the server 5 s to open its port, a limit no option changes. The JVM needs ~0.5 s idle, but on two
 * cores busy with parallel suites it has missed it; a server that missed it is stopped by the SDK, so try again.
 */
async function startTimeSkippingServer(attempts = 3): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: {
          executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? ensureTimeSkippingServer() },
          extraArgs: ['--enable-time-skipping'],
        },
      });
    } catch (error) {
      if (attempt >= attempts || !String(error).includes('did not start within')) throw error;
      console.warn(`time-skipping test server did not start in time (attempt ${attempt} of ${attempts}); starting another`);
    }
  }
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The workflow bundle, built once per test file (webpack takes seconds). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../src/index'), logger: quietLogger });
  return bundle;
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};
