/** Letters and digits a citizen cannot confuse when reading or typing (no 0/O, 1/I/L). */
export const TRACKING_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 10;

/** What the citizen typed, as stored: upper case, without spaces and dashes. */
export function normalizeTrackingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
