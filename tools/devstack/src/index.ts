export { ensureTimeSkippingServer, TEST_SERVER_VERSION } from './temporal-test-server';
export { ensureTemporalCli, startTemporalDevServer, temporalAnswers, TEMPORAL_CLI_VERSION } from './temporal-cli';
export { startEmbeddedPostgres, ensureDatabase, dropDatabase, withDatabase } from './postgres';
export { createTestDatabase, testTemporalAddress, type TestDatabase } from './test-database';
export { migrate, migrateIfNeeded, migrationsOnDisk, seed } from './database';
export { freePort } from './ports';
export { SupervisedProcess } from './supervised-process';
export { waitUntil } from './ports';
