import { normalizePhone } from './phone';

/**
 * 138****5678: the first three and last four digits stay, the middle is starred. Short numbers (landlines
 * without area code) keep only their last four.
 */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  if (digits.length >= 11) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '*'.repeat(digits.length);
}

/** 张* / 欧** / 嘉祥县某某有限公司 → 嘉祥县********: the first character stays, the rest is starred. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** The last four digits of a phone: what a citizen types on the status page to prove it is theirs. */
export function lastFourDigits(phone: string): string {
  return normalizePhone(phone).slice(-4);
}
