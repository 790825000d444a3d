// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

/** Modules a workflow must never load: they are non-deterministic, do I/O, or belong to the worker side. */
const WORKFLOW_FORBIDDEN = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  '@prisma/client',
  '@haochaping/db',
  '@haochaping/worker',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
].map((name) => ({ name, message: 'Workflow code must be deterministic: no Node built-ins, database, Nest or worker-side modules.' }));

/** What runs only on a server: the browser bundle (the console) and the shared packages' pure entries never load it. */
const SERVER_ONLY = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  '@haochaping/db',
  '@haochaping/contracts/server',
  '@haochaping/privacy/server',
].map((name) => ({ name, message: 'Server-only: the pure shared model (and the console that bundles it) must not load it.' }));
const SERVER_ONLY_PATTERNS = [{ group: ['@temporalio/*', '@nestjs/*', '@prisma/*'], message: 'Server-only: not for the browser or the pure shared model.' }];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**', 'prisma/migrations/**', '**/*.js', '**/*.cjs', '**/*.mjs',
      'prisma/prisma.config.ts', // loaded by the Prisma CLI, outside every tsconfig project
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Spec files live in tsconfig.spec.json projects, which the project service would not find on its own.
        project: ['./*/*/tsconfig.json', './*/*/tsconfig.spec.json', './prisma/tsconfig.json', './prisma/tsconfig.spec.json', './bench/tsconfig.json', './bench/tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Nest's DI reads constructor parameter types at run time: a type-only import there would break injection.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['apps/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The console's app code and the pure entries of the shared packages: one model for server and browser, so
    // nothing in it may need Node, Temporal's runtime or the database (their server entries are `*/server.ts`).
    files: [
      'apps/console/src/**/*.{ts,tsx}',
      'workflows/contracts/src/**/*.ts',
      'packages/privacy/src/**/*.ts',
      'packages/working-time/src/**/*.ts',
    ],
    ignores: [
      'workflows/contracts/src/server.ts',
      'workflows/contracts/src/rectification-workflow.definitions.ts',
      'packages/privacy/src/server.ts',
      'packages/privacy/src/data-protector.ts',
      'packages/privacy/src/data-key.ts',
      'packages/privacy/src/new-tracking-code.ts',
      '**/*.spec.ts',
      '**/test-support/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: SERVER_ONLY, patterns: SERVER_ONLY_PATTERNS }],
    },
  },
  {
    // One way to a running case: only CaseWorkflowClient sends updates and queries (failure mapping and audit there).
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/temporal/case-workflow.client.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: '@haochaping/contracts/server', message: 'Talk to a rectification workflow through CaseWorkflowClient (apps/api/src/temporal).' }] },
      ],
    },
  },
  {
    // Determinism rules for workflow code (STYLE.md): activities are imported as types only.
    files: ['workflows/rectification/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: WORKFLOW_FORBIDDEN,
          patterns: [
            { group: ['@nestjs/*'], message: 'Workflow code must not load Nest.' },
            { group: ['**/activities', '**/*.activities', '**/activities/**'], allowTypeImports: true, message: 'Import activities as types only and call them through proxyActivities.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Workflow code cannot read the process environment.' }],
    },
  },
);
