import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The environment variable carrying the root data key: 32 random bytes, base64 (`openssl rand -base64 32`). It keys
 * the phone and request hashes for good, and is the encryption key with the id `legacy` (LEGACY_KEY_ID).
 */
export const DATA_KEY_ENV = 'DATA_ENCRYPTION_KEY';
/** Further encryption keys, `id:base64` separated by commas or white space (docs/DEPLOYMENT.md, key rotation). */
export const DATA_KEYS_ENV = 'PERSONAL_DATA_KEYS';
/** The id of the key new values are encrypted with; default `legacy` (DATA_ENCRYPTION_KEY). */
export const ACTIVE_KEY_ENV = 'PERSONAL_DATA_ACTIVE_KEY';
/** The id of DATA_ENCRYPTION_KEY in the ring; the `v1.` values written before key ids existed are under it. */
export const LEGACY_KEY_ID = 'legacy';
/** What a key id may be: it is written into every ciphertext (`v2.<id>.…`), so no dot. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * The keys of personal data: the root key (DATA_ENCRYPTION_KEY, id `legacy`), any further keys by id, and which one
 * encrypts new values. Decryption takes whichever key a ciphertext names.
 *
 * The keyed hashes (phone hash, request hash) are blind indexes: rows are found by them, and some tables keep only
 * the hash (sms_opt_out, call_log_entry), so they cannot be recomputed. They stay keyed by the root key whatever key
 * is active: rotating changes the encryption key, never the hashes.
 */
export class DataKeyRing {
  readonly keys: ReadonlyMap<string, Buffer>;

  constructor(
    readonly rootKey: Buffer,
    additional: ReadonlyMap<string, Buffer> = new Map(),
    readonly activeKeyId: string = LEGACY_KEY_ID,
  ) {
    if (rootKey.length !== 32) throw new Error(`the data key must be 32 bytes (256 bits), got ${rootKey.length}`);
    const keys = new Map<string, Buffer>([[LEGACY_KEY_ID, rootKey]]);
    for (const [id, key] of additional) {
      if (!KEY_ID_PATTERN.test(id)) throw new Error(`${DATA_KEYS_ENV}: key id "${id}" must be 1-32 letters, digits, _ or -`);
      if (keys.has(id)) throw new Error(`${DATA_KEYS_ENV}: key id "${id}" is given twice (\`${LEGACY_KEY_ID}\` is ${DATA_KEY_ENV})`);
      if (key.length !== 32) throw new Error(`${DATA_KEYS_ENV}: key "${id}" must be 32 bytes (256 bits), got ${key.length}`);
      const twin = [...keys].find(([, other]) => other.equals(key));
      if (twin) throw new Error(`${DATA_KEYS_ENV}: key "${id}" is the same key as "${twin[0]}"; generate a new one (openssl rand -base64 32)`);
      keys.set(id, key);
    }
    if (!keys.has(activeKeyId)) {
      throw new Error(`${ACTIVE_KEY_ENV}=${activeKeyId} names no key: the ring holds ${[...keys.keys()].join(', ')} (add it to ${DATA_KEYS_ENV})`);
    }
    this.keys = keys;
  }
}

/** Parses `id:base64` pairs (separated by commas or white space), with messages that name the variable. */
export function parseDataKeys(spec: string, source = DATA_KEYS_ENV): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const entry of spec.split(/[\s,]+/).filter(Boolean)) {
    const colon = entry.indexOf(':');
    if (colon < 1) throw new Error(`${source} takes id:key pairs (e.g. k2026:$(openssl rand -base64 32)); "${entry.slice(0, 8)}…" has no id`);
    const id = entry.slice(0, colon);
    if (keys.has(id)) throw new Error(`${source}: key id "${id}" is given twice`);
    keys.set(id, parseDataKey(entry.slice(colon + 1), `${source} (key "${id}")`));
  }
  return keys;
}

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
 * The key ring from the environment: DATA_ENCRYPTION_KEY (required, id `legacy`), PERSONAL_DATA_KEYS and
 * PERSONAL_DATA_ACTIVE_KEY (both optional). With neither of the two, everything is as before key ids: one key.
 */
export function dataKeyRingFromEnv(env: NodeJS.ProcessEnv = process.env): DataKeyRing {
  const root = dataKeyFromEnv(env);
  const additional = env[DATA_KEYS_ENV] ? parseDataKeys(env[DATA_KEYS_ENV]) : new Map<string, Buffer>();
  return new DataKeyRing(root, additional, env[ACTIVE_KEY_ENV]?.trim() || LEGACY_KEY_ID);
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
