// Run by the root Jest (add '<rootDir>/apps/console' to the projects in /jest.config.js) or alone:
// `npx jest -c apps/console/jest.config.cjs`. Only plain .ts specs: components are not tested here.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'console',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
