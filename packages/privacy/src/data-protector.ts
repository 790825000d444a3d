import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { normalizePhone } from './phone';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Prefix of every ciphertext this module writes; a new scheme gets a new prefix, old values stay readable. */
const FORMAT_V1 = 'v1.';

/** A field could not be decrypted: wrong key, or the value was altered. */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/**
 * Encrypts personal data for storage and derives keyed hashes to find it again without decrypting.
 *
 * One 256-bit data key feeds two sub-keys (HKDF-SHA-256): one for AES-256-GCM, one for HMAC-SHA-256. A ciphertext
 * is `v1.` + base64url(iv ‖ tag ‖ ciphertext), with a fresh random IV each time, so equal phones encrypt
 * differently; the phone hash is deterministic, so equal phones match.
 */
export class DataProtector {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(dataKey: Buffer) {
    if (dataKey.length !== 32) throw new Error(`the data key must be 32 bytes (256 bits), got ${dataKey.length}`);
    this.encryptionKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'haochaping/field-encryption/v1', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'haochaping/phone-hash/v1', 32));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return FORMAT_V1 + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith(FORMAT_V1)) throw new DecryptionError('unknown ciphertext format');
    const raw = Buffer.from(stored.slice(FORMAT_V1.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext too short');
    const decipher = createDecipheriv(CIPHER, this.encryptionKey, raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('ciphertext does not match the data key (wrong key or altered value)');
    }
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
