import { ensureTimeSkippingServer } from '@haochaping/devstack';
import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The time-skipping test server from the tool cache, as the workflow tests start it (workflows/rectification/test/
 * helpers), for the exchange's loops (delivery, pull). A slow start on a busy machine is tried again twice.
 */
export async function timeSkipping(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      const env = await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_TEST_SERVER_PATH ?? ensureTimeSkippingServer() }, extraArgs: ['--enable-time-skipping'] },
      });
      await env.connection.testService?.lockTimeSkipping({});
      return env;
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('did not start within')) throw error;
    }
  }
}
