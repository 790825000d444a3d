import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The environment variable carrying the data key: 32 random bytes, base64 (`openssl rand -base64 32`). */
export const DATA_KEY_ENV = 'DATA_ENCRYPTION_KEY';

/** Parses a base64 data key, with a message that says what is wrong. */
export function parseDataKey(base64: string, source = DATA_KEY_ENV): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw new Error(`${source} must be 32 random bytes in base64 (openssl rand -base64 32); it decodes to ${key.length} bytes`);
  }
  return key;
}

/**
 * The embedded default: reads the key file, or creates it (mode 0600) with a fresh random key the first time.
 * Returns the key and whether it was just created, so the caller can say so. Losing this file makes every
 * encrypted name and phone unreadable: back it up with the database.
 */
export function ensureDataKeyFile(path: string): { key: Buffer; created: boolean } {
  if (existsSync(path)) return { key: parseDataKey(readFileSync(path, 'utf8'), path), created: false };
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, created: true };
}

/** The data key from the environment, or a clear error naming the variable and where npm start keeps its key. */
export function dataKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer {
  const value = env[DATA_KEY_ENV];
  if (!value) {
    throw new Error(`${DATA_KEY_ENV} is required: 32 random bytes in base64 (npm start generates one into .data/secrets/data-encryption.key).`);
  }
  return parseDataKey(value);
}

/**
 * A fixed key for test databases only: every test process must read what the template database's seed wrote.
 * Never used outside tests (start.ts generates a random key per installation).
 */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/** A throwaway key for tests and benchmarks. */
export function randomDataKey(): string {
  return randomBytes(32).toString('base64');
}
