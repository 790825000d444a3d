// Shared Jest settings for every workspace project. Type checking is `tsc -b` (npm run typecheck),
// so ts-jest only transpiles here: faster, and one source of truth for type errors.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true, experimentalDecorators: true, emitDecoratorMetadata: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true } }],
    // ESM-only dependencies that CommonJS code requires (Node 20.19+ can, Jest's module loader cannot).
    '^.+/node_modules/(content-disposition)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
