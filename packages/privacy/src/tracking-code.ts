import { randomInt } from 'node:crypto';

/** Letters and digits a citizen cannot confuse when reading or typing (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 10;

/** A review's tracking code: 10 characters (~49 bits), random, shown once after rating and on SMS. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What the citizen typed, as stored: upper case, without spaces and dashes. */
export function normalizeTrackingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
