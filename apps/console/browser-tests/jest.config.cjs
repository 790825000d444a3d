// The citizen pages in a real Chromium against the real stack (API, worker, private PostgreSQL, the Temporal dev
// server of `npm test`). A project of the root Jest, `console-browser`; alone:
// `node tools/devstack/dist/test.js --selectProjects console-browser`.
module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'console-browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.browser.test.ts'],
  setupFiles: ['<rootDir>/../../../jest.temporal-logging.js'],
};
