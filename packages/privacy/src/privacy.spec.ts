import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isContactPhone, isMobilePhone, lastFourDigits, maskName, maskPhone, normalizePhone, normalizeTrackingCode } from './index';
import { DataProtector, DecryptionError, ensureDataKeyFile, newTrackingCode, parseDataKey, randomDataKey } from './server';

const protector = new DataProtector(parseDataKey(randomDataKey()));

describe('DataProtector', () => {
  it.each(['13812345678', '张三', '嘉祥县某某农业专业合作社', ''])('round-trips %p', (plain) => {
    const stored = protector.encrypt(plain);
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain(plain === '' ? 'never' : plain);
    expect(protector.decrypt(stored)).toBe(plain);
  });

  it('encrypts the same value differently each time (random IV)', () => {
    expect(protector.encrypt('13812345678')).not.toBe(protector.encrypt('13812345678'));
  });

  it('refuses a ciphertext that was altered', () => {
    const stored = protector.encrypt('13812345678');
    const raw = Buffer.from(stored.slice(3), 'base64url');
    raw[raw.length - 1] ^= 0x01;
    expect(() => protector.decrypt(`v1.${raw.toString('base64url')}`)).toThrow(DecryptionError);
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
