// A known bug of the Java time-skipping test server, not of the workflow: when a timer fires while a workflow task is
// in progress and that task's completion cancels the same timer, the server refuses the completion ("invalid history
// builder state for action") and never times out or redelivers the task, so the case hangs
// (temporalio/sdk-java#2606, #3088; fix proposed in #3060, not released in 1.38.0). The real server accepts the cancel.
// About one full run in five here hit it in some test of this project; the test then waits until its 120 s timeout.
// Every workflow test is retried twice, each failure logged; no assertion is changed. Remove this when the test
// server carries the fix (TEST_SERVER_VERSION in tools/devstack/src/temporal-test-server.ts).
jest.retryTimes(2, { logErrorsBeforeRetry: true });
