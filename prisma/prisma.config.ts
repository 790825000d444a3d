import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createMigrationAdapterFactory } from './src/pg-catalog-shim';

// Prisma 6.19 offline: the WebAssembly schema engine through adapter-pg (see ../shared TOOLCHAIN notes and
// src/pg-catalog-shim.ts). Run the CLI through scripts/prisma.js, which keeps it from downloading engines.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: the Prisma CLI needs the database to work on.');
    return createMigrationAdapterFactory(url);
  },
});
