import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isContactPhone, isMobilePhone, lastFourDigits, maskName, maskPhone, normalizePhone, normalizeTrackingCode } from './index';
import {
  DataKeyRing,
  dataKeyRingFromEnv,
  DataProtector,
  DecryptionError,
  ensureDataKeyFile,
  keyIdOf,
  MissingDataKeyError,
  newTrackingCode,
  parseDataKey,
  parseDataKeys,
  randomDataKey,
  TEST_DATA_KEY,
} from './server';

const protector = new DataProtector(parseDataKey(randomDataKey()));

describe('DataProtector', () => {
  it.each(['13812345678', '张三', '嘉祥县某某农业专业合作社', ''])('round-trips %p', (plain) => {
    const stored = protector.encrypt(plain);
    expect(stored.startsWith('v2.legacy.')).toBe(true);
    expect(stored).not.toContain(plain === '' ? 'never' : plain);
    expect(protector.decrypt(stored)).toBe(plain);
  });

  it('encrypts the same value differently each time (random IV)', () => {
    expect(protector.encrypt('13812345678')).not.toBe(protector.encrypt('13812345678'));
  });

  it('refuses a ciphertext that was altered', () => {
    const stored = protector.encrypt('13812345678');
    const raw = Buffer.from(stored.slice('v2.legacy.'.length), 'base64url');
    raw[raw.length - 1] ^= 0x01;
    expect(() => protector.decrypt(`v2.legacy.${raw.toString('base64url')}`)).toThrow(DecryptionError);
  });

  it('refuses a ciphertext made with another key', () => {
    const other = new DataProtector(parseDataKey(randomDataKey()));
    expect(() => other.decrypt(protector.encrypt('13812345678'))).toThrow(DecryptionError);
  });

  it.each(['plain', 'v2.abc', 'v1.AAAA'])('refuses %p as a ciphertext', (stored) => {
    expect(() => protector.decrypt(stored)).toThrow(DecryptionError);
  });

  it('maps null and empty optional values to null', () => {
    expect(protector.encryptOptional(undefined)).toBeNull();
    expect(protector.encryptOptional('')).toBeNull();
    expect(protector.decryptOptional(null)).toBeNull();
  });

  it('hashes equal phones equally, whatever their spelling, and different phones differently', () => {
    const hash = protector.phoneHash('13812345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(protector.phoneHash('+86 138-1234-5678')).toBe(hash);
    expect(protector.phoneHash('008613812345678')).toBe(hash);
    expect(protector.phoneHash('13812345679')).not.toBe(hash);
  });

  it('keys the phone hash: another data key gives another hash (no rainbow table over 11-digit numbers)', () => {
    const other = new DataProtector(parseDataKey(randomDataKey()));
    expect(other.phoneHash('13812345678')).not.toBe(protector.phoneHash('13812345678'));
  });

  it('keys the request hash: equal requests match, another key or request does not, and it never equals a phone hash', () => {
    const request = JSON.stringify({ level: 2, reviewer: { kind: 'REAL_NAME', phone: '13812345678' } });
    const hash = protector.requestHash(request);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(protector.requestHash(request)).toBe(hash);
    expect(protector.requestHash(request.replace('"level":2', '"level":1'))).not.toBe(hash);
    expect(new DataProtector(parseDataKey(randomDataKey())).requestHash(request)).not.toBe(hash);
    expect(protector.requestHash('13812345678')).not.toBe(protector.phoneHash('13812345678'));
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new DataProtector(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(() => parseDataKey(Buffer.alloc(16).toString('base64'))).toThrow(/decodes to 16 bytes/);
  });
});

describe('key rotation: the key ring', () => {
  const root = parseDataKey(TEST_DATA_KEY);
  const keyA = parseDataKey(randomDataKey());
  const keyB = parseDataKey(randomDataKey());
  const legacyOnly = new DataProtector(root);
  const onA = new DataProtector(new DataKeyRing(root, new Map([['a', keyA]]), 'a'));
  const aAndB = new DataProtector(new DataKeyRing(root, new Map([['a', keyA], ['b', keyB]]), 'b'));
  const onlyB = new DataProtector(new DataKeyRing(root, new Map([['b', keyB]]), 'b'));
  /** Written by the code before key ids (commit c9b3e61: `v1.`, no key id) with TEST_DATA_KEY. */
  const LEGACY_PHONE = 'v1.5il1E3tv_zTfbYMju5oi-GfzmITtf_uojJe2VdIdtSNH4XkD6qt6';
  const LEGACY_NAME = 'v1.FkBMBjpoBmtRD7EBbXfxbAwOVdDfafRZMb_4Mcv7v7dMiZq0Iw';
  const flipLastByte = (stored: string) => {
    const at = stored.lastIndexOf('.') + 1;
    const raw = Buffer.from(stored.slice(at), 'base64url');
    raw[raw.length - 1] ^= 0x01;
    return stored.slice(0, at) + raw.toString('base64url');
  };
  const underA = onA.encrypt('13812345678');
  const underB = aAndB.encrypt('13812345678');

  it.each<[string, string, DataProtector, string | RegExp]>([
    ['a legacy phone, read with the root key alone', LEGACY_PHONE, legacyOnly, '13812345678'],
    ['a legacy name, read with the root key alone', LEGACY_NAME, legacyOnly, '王建国'],
    ['a legacy phone, read by a ring whose active key is another', LEGACY_PHONE, onlyB, '13812345678'],
    ['a value under a, read by the ring {a, b}', underA, aAndB, '13812345678'],
    ['a value under b, read by the ring {b}', underB, onlyB, '13812345678'],
    ['a value under a, read by the ring {b}: a is missing', underA, onlyB, /key "a", which PERSONAL_DATA_KEYS does not hold/],
    ['a value under b, read with the root key alone: b is missing', underB, legacyOnly, /key "b", which PERSONAL_DATA_KEYS does not hold/],
    ['a legacy value altered', flipLastByte(LEGACY_PHONE), legacyOnly, /does not match the data key "legacy"/],
    ['a value under b altered', flipLastByte(underB), aAndB, /does not match the data key "b"/],
    ['a value under b relabelled as a', underB.replace('v2.b.', 'v2.a.'), aAndB, /does not match the data key "a"/],
    ['a v2.legacy value relabelled as v1 (the header is authenticated)', legacyOnly.encrypt('13812345678').replace('v2.legacy.', 'v1.'), legacyOnly, /does not match the data key "legacy"/],
    ['no key id', 'v2..AAAA', aAndB, /unknown ciphertext format/],
    ['a key id with a space', 'v2.a b.AAAA', aAndB, /unknown ciphertext format/],
    ['an unknown version', `v3.b.${underB.slice(5)}`, aAndB, /unknown ciphertext format/],
  ])('%s', (_label, stored, reader, expected) => {
    if (typeof expected === 'string') expect(reader.decrypt(stored)).toBe(expected);
    else expect(() => reader.decrypt(stored)).toThrow(expected);
  });

  it('says which errors are a missing key, so start-up and the rotation can name it', () => {
    expect(() => onlyB.decrypt(underA)).toThrow(MissingDataKeyError);
    expect(() => onlyB.decrypt(underA)).toThrow(DecryptionError);
    expect(() => aAndB.decrypt(flipLastByte(underB))).not.toThrow(MissingDataKeyError);
  });

  it.each([
    [LEGACY_PHONE, 'legacy'],
    [legacyOnly.encrypt('x'), 'legacy'],
    [underA, 'a'],
    [underB, 'b'],
    ['v2.k2026-12_x.AAAA', 'k2026-12_x'],
  ])('names the key of %p: %p', (stored, keyId) => {
    expect(keyIdOf(stored)).toBe(keyId);
  });

  it('encrypts under the active key only, and re-encrypts a value onto it without changing the plaintext', () => {
    expect(keyIdOf(onA.encrypt('x'))).toBe('a');
    expect(keyIdOf(aAndB.encrypt('x'))).toBe('b');
    for (const stored of [LEGACY_PHONE, underA]) {
      const rotated = aAndB.reencrypt(stored);
      expect(keyIdOf(rotated)).toBe('b');
      expect(onlyB.decrypt(rotated)).toBe('13812345678');
    }
    expect(aAndB.reencrypt(underB)).toBe(underB);
    expect(aAndB.isOnActiveKey(underB)).toBe(true);
    expect(aAndB.isOnActiveKey(underA)).toBe(false);
  });

  it('keeps the phone and request hashes whatever key is active (they are blind indexes under the root key)', () => {
    // Known answer: what the code before key ids (commit c9b3e61) gave for TEST_DATA_KEY, so stored hashes keep matching.
    expect(legacyOnly.phoneHash('13812345678')).toBe('9408fded6c96cabc4d4467ceeb7011e04384b83edf13b1d88892dde383c876e3');
    for (const protector of [onA, aAndB, onlyB]) {
      expect(protector.phoneHash('13812345678')).toBe(legacyOnly.phoneHash('13812345678'));
      expect(protector.requestHash('{"level":1}')).toBe(legacyOnly.requestHash('{"level":1}'));
    }
  });

  const a = randomDataKey();
  const b = randomDataKey();
  it.each<[string, NodeJS.ProcessEnv, string[], string]>([
    ['DATA_ENCRYPTION_KEY alone', {}, ['legacy'], 'legacy'],
    ['a new key added, not yet active', { PERSONAL_DATA_KEYS: `a:${a}` }, ['legacy', 'a'], 'legacy'],
    ['two keys, b active', { PERSONAL_DATA_KEYS: `a:${a},b:${b}`, PERSONAL_DATA_ACTIVE_KEY: 'b' }, ['legacy', 'a', 'b'], 'b'],
    ['keys separated by new lines and spaces', { PERSONAL_DATA_KEYS: `\n a:${a}\n  b:${b} \n`, PERSONAL_DATA_ACTIVE_KEY: ' b ' }, ['legacy', 'a', 'b'], 'b'],
    ['the legacy key made active again', { PERSONAL_DATA_KEYS: `a:${a}`, PERSONAL_DATA_ACTIVE_KEY: 'legacy' }, ['legacy', 'a'], 'legacy'],
  ])('reads the ring from the environment: %s', (_label, env, keyIds, active) => {
    const protector = new DataProtector(dataKeyRingFromEnv({ DATA_ENCRYPTION_KEY: TEST_DATA_KEY, ...env }));
    expect(protector.keyIds).toEqual(keyIds);
    expect(protector.activeKeyId).toBe(active);
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['no DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: undefined, PERSONAL_DATA_KEYS: `a:${a}` }, /DATA_ENCRYPTION_KEY is required/],
    ['an active key the ring lacks', { PERSONAL_DATA_KEYS: `a:${a}`, PERSONAL_DATA_ACTIVE_KEY: 'b' }, /PERSONAL_DATA_ACTIVE_KEY=b names no key: the ring holds legacy, a/],
    ['a key without an id', { PERSONAL_DATA_KEYS: a }, /takes id:key pairs/],
    ['a key id with a dot', { PERSONAL_DATA_KEYS: `a.1:${a}` }, /key id "a\.1" must be 1-32 letters/],
    ['an id given twice', { PERSONAL_DATA_KEYS: `a:${a},a:${b}` }, /key id "a" is given twice/],
    ['the id legacy in the ring', { PERSONAL_DATA_KEYS: `legacy:${a}` }, /key id "legacy" is given twice/],
    ['a short key', { PERSONAL_DATA_KEYS: `a:${Buffer.alloc(16).toString('base64')}` }, /PERSONAL_DATA_KEYS \(key "a"\) must be 32 random bytes.*decodes to 16 bytes/],
    ['the same key under two ids', { PERSONAL_DATA_KEYS: `a:${a},b:${a}` }, /key "b" is the same key as "a"/],
    ['the root key again under an id', { PERSONAL_DATA_KEYS: `a:${TEST_DATA_KEY}` }, /key "a" is the same key as "legacy"/],
  ])('refuses a ring with %s', (_label, env, message) => {
    expect(() => dataKeyRingFromEnv({ DATA_ENCRYPTION_KEY: TEST_DATA_KEY, ...env })).toThrow(message);
  });

  it('parses id:key pairs', () => {
    expect([...parseDataKeys(`a:${a} b:${b}`).keys()]).toEqual(['a', 'b']);
  });
});

describe('phones', () => {
  // input, normalised digits, a mobile, a contact phone (mobile or fixed line)
  it.each([
    ['13812345678', '13812345678', true, true],
    ['138 1234 5678', '13812345678', true, true],
    ['138-1234-5678', '13812345678', true, true],
    [' 13812345678 ', '13812345678', true, true],
    ['+86 13812345678', '13812345678', true, true],
    ['+86-138-1234-5678', '13812345678', true, true],
    ['+8613812345678', '13812345678', true, true],
    ['008613812345678', '13812345678', true, true],
    ['0086 138 1234 5678', '13812345678', true, true],
    ['19912345678', '19912345678', true, true],
    ['0537-6851890', '05376851890', false, true],
    ['(0537) 6851890', '05376851890', false, true],
    ['010-62345678', '01062345678', false, true],
    ['021 6234 5678', '02162345678', false, true],
    ['6851890', '6851890', false, true],
    ['68518901', '68518901', false, true],
    // refused: letters and other symbols are not dropped, they make the phone wrong
    ['1390000000b', '1390000000', false, false],
    ['139O0000000', '1390000000', false, false],
    ['13900000000#', '13900000000', false, false],
    ['139.0000.0000', '13900000000', false, false],
    ['139 0000 0000 转 8', '139000000008', false, false],
    ['+1 13812345678', '113812345678', false, false],
    ['13+812345678', '13812345678', false, false],
    ['abc', '', false, false],
    ['', '', false, false],
    ['---', '', false, false],
    // refused: digits that are no mainland mobile or fixed line
    ['12812345678', '12812345678', false, false],
    ['1381234567', '1381234567', false, false],
    ['138123456789', '138123456789', false, false],
    ['0537-0851890', '05370851890', false, false],
    ['1851890', '1851890', false, false],
    ['685189', '685189', false, false],
    ['12345', '12345', false, false],
  ])('%p → %p, mobile %p, contact %p', (input, normalized, mobile, contact) => {
    expect(normalizePhone(input)).toBe(normalized);
    expect(isMobilePhone(input)).toBe(mobile);
    expect(isContactPhone(input)).toBe(contact);
  });
});

describe('masking', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['05376851890', '053****1890'],
    ['6851890', '***1890'],
    ['123', '***'],
  ])('maskPhone(%p) = %p', (phone, masked) => expect(maskPhone(phone)).toBe(masked));

  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '*'],
    [' 王小明 ', '王**'],
  ])('maskName(%p) = %p', (name, masked) => expect(maskName(name)).toBe(masked));

  it('takes the last four digits of a normalised phone', () => {
    expect(lastFourDigits('+86 138-1234-5678')).toBe('5678');
  });
});

describe('data key file', () => {
  it('creates a 0600 key file once, then reads the same key', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'hcp-key-')), 'secrets', 'data-encryption.key');
    const first = ensureDataKeyFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const second = ensureDataKeyFile(path);
    expect(second.created).toBe(false);
    expect(second.key.equals(first.key)).toBe(true);
    expect(parseDataKey(readFileSync(path, 'utf8')).equals(first.key)).toBe(true);
  });
});

describe('tracking codes', () => {
  it('are 10 unambiguous characters and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
  });

  it('normalise what a citizen types', () => {
    expect(normalizeTrackingCode(' abcd-efgh 23 ')).toBe('ABCDEFGH23');
  });
});
