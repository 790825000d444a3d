import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Passwords: argon2id with @node-rs/argon2's defaults (m=19456 KiB, t=2, p=1: OWASP's minimum for argon2id), stored
// as the PHC string. The policy is short on purpose: length and two character classes, no composition zoo.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_POLICY_MESSAGE = `密码至少 ${PASSWORD_MIN_LENGTH} 位，且须同时包含字母和数字`;

/** Whether a new password meets the policy: 10–128 characters with at least one letter and one digit. */
export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a stored hash that is not one (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Letters without look-alikes (no I, l, O, 0, 1), so a temporary password read out over the phone survives. */
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const TEMPORARY_DIGITS = '23456789';

/** A random temporary password of 14 characters that meets the policy (an admin hands it over once). */
export function generateTemporaryPassword(): string {
  const all = TEMPORARY_ALPHABET + TEMPORARY_DIGITS;
  const chars = Array.from({ length: 12 }, () => all[randomInt(all.length)]);
  chars.push(TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)] ?? 'a', TEMPORARY_DIGITS[randomInt(TEMPORARY_DIGITS.length)] ?? '2');
  // Shuffle so the guaranteed letter and digit are not always at the end.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
