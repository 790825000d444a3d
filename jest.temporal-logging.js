// Test files that run Temporal workers log at WARN: the SDK's INFO lines (worker state changes, workflow logs)
// would bury Jest's own report. Each test file has its own module registry, hence its own Runtime to install.
const { Runtime, DefaultLogger } = require('@temporalio/worker');

Runtime.install({ logger: new DefaultLogger('WARN') });
