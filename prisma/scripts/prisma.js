#!/usr/bin/env node
// Runs the Prisma CLI offline. Prisma 6.19 uses its WebAssembly schema engine (prisma.config.ts) and the
// Rust-free client, so the native engines are never used; pointing the engine variables at an existing file
// stops the CLI from trying to download them (these machines reach package registries only).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const placeholder = path.join(__dirname, 'native-engine-not-used');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
  PRISMA_DISABLE_WARNINGS: '1',
};
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: path.join(__dirname, '..'),
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
