// One Jest run over every workspace project; tools/devstack/src/test.ts starts the services first.
/** @type {import('jest').Config} */
module.exports = {
  // Real services behind most suites: a migration or a first workflow bundle takes seconds, not milliseconds.
  testTimeout: 120_000,
  projects: [
    '<rootDir>/workflows/contracts',
    '<rootDir>/packages/working-time',
    '<rootDir>/packages/privacy',
    '<rootDir>/prisma',
    '<rootDir>/tools/devstack',
    '<rootDir>/workflows/rectification',
    '<rootDir>/apps/upstream-sim',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/api',
    '<rootDir>/apps/console',
    '<rootDir>/bench',
    // The citizen pages in Chromium against the real API (needs Debian's chromium; fails, never skips, without it).
    '<rootDir>/apps/console/browser-tests',
  ],
};
