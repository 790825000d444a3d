import { createHash, randomBytes } from 'node:crypto';

/** The header an integration client sends its key in. */
export const API_KEY_HEADER = 'x-api-key';

/** `hcpk_<8 hex prefix>_<43 base64url chars>`: the prefix tells keys apart in the admin list, the rest is the secret. */
const API_KEY_PATTERN = /^hcpk_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

export interface GeneratedApiKey {
  readonly key: string;
  readonly keyPrefix: string;
  readonly keyHash: string;
}

/** A fresh key: 4 random bytes of prefix and 32 random bytes (256 bits) of secret. */
export function generateApiKey(): GeneratedApiKey {
  const keyPrefix = randomBytes(4).toString('hex');
  const key = `hcpk_${keyPrefix}_${randomBytes(32).toString('base64url')}`;
  return { key, keyPrefix, keyHash: hashApiKey(key) };
}

/**
 * SHA-256 hex of the whole key. A fast hash is enough: the key is 256-bit random, so there is nothing to
 * brute-force the way there is with a password, and the lookup stays one indexed equality.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a header value has the shape of one of our keys (anything else is refused without a query). */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}
