// Known flake, not yet understood: about one run in five, one test of this project waits past its 120 s timeout
// inside the Java time-skipping server (seen in callback-unreachable, before and after its setup was shared).
// Every workflow test is retried twice, the failure logged, until the cause is found; no assertion is changed.
jest.retryTimes(2, { logErrorsBeforeRetry: true });
