import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DataKeyRing, DATA_KEYS_ENV, KEY_ID_PATTERN, LEGACY_KEY_ID } from './data-key';
import { normalizePhone } from './phone';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Values written before key ids existed: `v1.` + base64url(iv ‖ tag ‖ ciphertext), all under the `legacy` key. */
const FORMAT_V1 = 'v1.';
/** Every value written now: `v2.<key id>.` + base64url(iv ‖ tag ‖ ciphertext), the header bound as GCM's AAD. */
const FORMAT_V2 = 'v2.';

/**
 * The key id of a stored value in SQL (PostgreSQL's `substring(value from pattern)`): the id of a `v2.` value, null
 * for anything else (a `v1.` value is under LEGACY_KEY_ID). The same rule as `keyIdOf`, for counting in the database.
 */
export const KEY_ID_SQL_PATTERN = '^v2\\.([A-Za-z0-9_-]{1,32})\\.';
/** How every `v1.` value starts, for SQL (`starts_with`). */
export const LEGACY_CIPHERTEXT_PREFIX = FORMAT_V1;

/** The header of every value encrypted under a key id; a value starting with it is on that key. */
export function ciphertextHeader(keyId: string): string {
  return `${FORMAT_V2}${keyId}.`;
}

/** A field could not be decrypted: wrong key, or the value was altered. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** A value names a key id the ring does not hold (removed too early, or a process not given the new key). */
export class MissingDataKeyError extends DecryptionError {
  constructor(readonly keyId: string) {
    super(`personal data encrypted under key "${keyId}", which ${DATA_KEYS_ENV} does not hold: add the key back to the ring (docs/DEPLOYMENT.md, "Rotating the personal-data key")`);
    this.name = 'MissingDataKeyError';
  }
}

/** The key id a stored value names (`legacy` for `v1.` values), or a DecryptionError for anything else. */
export function keyIdOf(stored: string): string {
  if (stored.startsWith(FORMAT_V1)) return LEGACY_KEY_ID;
  if (stored.startsWith(FORMAT_V2)) {
    const end = stored.indexOf('.', FORMAT_V2.length);
    const keyId = end < 0 ? '' : stored.slice(FORMAT_V2.length, end);
    if (KEY_ID_PATTERN.test(keyId)) return keyId;
  }
  throw new DecryptionError('unknown ciphertext format');
}

/**
 * Encrypts personal data for storage and derives keyed hashes to find it again without decrypting.
 *
 * Each data key feeds an AES-256-GCM key (HKDF-SHA-256); the root key (DATA_ENCRYPTION_KEY) also feeds the
 * HMAC-SHA-256 key of the hashes. A ciphertext is `v2.<key id>.` + base64url(iv ‖ tag ‖ ciphertext), with a fresh
 * random IV each time, so equal phones encrypt differently; the phone hash is deterministic, so equal phones match.
 * New values are encrypted under the ring's active key; a value is decrypted with the key it names (DataKeyRing).
 */
export class DataProtector {
  private readonly encryptionKeys: ReadonlyMap<string, Buffer>;
  private readonly hashKey: Buffer;
  /** The id of the key new values are encrypted with. */
  readonly activeKeyId: string;

  /** A ring, or one key alone (the ring of DATA_ENCRYPTION_KEY only, as before key ids). */
  constructor(keys: Buffer | DataKeyRing) {
    const ring = keys instanceof DataKeyRing ? keys : new DataKeyRing(keys);
    this.encryptionKeys = new Map([...ring.keys].map(([id, key]) => [id, Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'haochaping/field-encryption/v1', 32))]));
    this.hashKey = Buffer.from(hkdfSync('sha256', ring.rootKey, Buffer.alloc(0), 'haochaping/phone-hash/v1', 32));
    this.activeKeyId = ring.activeKeyId;
  }

  /** The ids of every key this protector can decrypt with. */
  get keyIds(): string[] {
    return [...this.encryptionKeys.keys()];
  }

  encrypt(plaintext: string): string {
    const header = ciphertextHeader(this.activeKeyId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.keyFor(this.activeKeyId), iv);
    cipher.setAAD(Buffer.from(header, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return header + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  decrypt(stored: string): string {
    const keyId = keyIdOf(stored);
    const header = stored.startsWith(FORMAT_V1) ? FORMAT_V1 : ciphertextHeader(keyId);
    const raw = Buffer.from(stored.slice(header.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext too short');
    const decipher = createDecipheriv(CIPHER, this.keyFor(keyId), raw.subarray(0, IV_BYTES));
    if (header !== FORMAT_V1) decipher.setAAD(Buffer.from(header, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError(`ciphertext does not match the data key "${keyId}" (wrong key or altered value)`);
    }
  }

  /** Whether a stored value is under the active key already (rotation skips it). */
  isOnActiveKey(stored: string): boolean {
    return stored.startsWith(ciphertextHeader(this.activeKeyId));
  }

  /** The same plaintext under the active key (a fresh IV); the value itself when it is on the active key already. */
  reencrypt(stored: string): string {
    return this.isOnActiveKey(stored) ? stored : this.encrypt(this.decrypt(stored));
  }

  private keyFor(keyId: string): Buffer {
    const key = this.encryptionKeys.get(keyId);
    if (!key) throw new MissingDataKeyError(keyId);
    return key;
  }

  encryptOptional(plaintext: string | null | undefined): string | null {
    return plaintext == null || plaintext === '' ? null : this.encrypt(plaintext);
  }

  decryptOptional(stored: string | null | undefined): string | null {
    return stored == null ? null : this.decrypt(stored);
  }

  /** Keyed hash of a phone number (normalised first), hex. Store it next to the ciphertext; match on it. */
  phoneHash(phone: string): string {
    return createHmac('sha256', this.hashKey).update(normalizePhone(phone)).digest('hex');
  }

  /**
   * Keyed hash of a request that may hold personal data (a name, a phone), hex: equal requests match, and the hash
   * reveals nothing without the key. Prefixed so it never equals a phone hash.
   */
  requestHash(canonicalRequest: string): string {
    return createHmac('sha256', this.hashKey).update('request\u0000').update(canonicalRequest).digest('hex');
  }
}
