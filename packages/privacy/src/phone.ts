// Pure (no Node built-ins): the console checks a phone with the same rules before the API checks it again.

/**
 * The phone as we store and compare it: digits only, without a leading +86 / 0086 country code.
 * `138 1234 5678`, `+86-13812345678` and `008613812345678` are all `13812345678`.
 * Call it only on a phone that passed isContactPhone / isMobilePhone: it does not judge the shape.
 */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

/**
 * How a phone may be written: digits with spaces, dashes and parentheses as separators, after an optional `+86`
 * (the only `+`, and only at the start). Letters and any other symbol make it no phone at all, rather than being
 * dropped (`1390000000b` is not `1390000000`).
 */
const WRITTEN_PHONE = /^(?:\+\s*86)?[\d\s()-]+$/;

/** A mainland mobile: 11 digits, 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/** A fixed line with its area code (010, 02x: 3 digits; others 4) and a 7–8 digit local number. */
const FIXED_LINE_WITH_AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}$/;
/** A local fixed line without area code: 7–8 digits, never starting 0 or 1. */
const FIXED_LINE_LOCAL = /^[2-9]\d{6,7}$/;

/** The digits of a well-written phone without country code, or null when it is not written as a phone. */
function phoneDigits(phone: string): string | null {
  const written = phone.trim();
  return WRITTEN_PHONE.test(written) && /\d/.test(written) ? normalizePhone(written) : null;
}

/** A mainland mobile number (11 digits starting 13–19), written as a phone. */
export function isMobilePhone(phone: string): boolean {
  const digits = phoneDigits(phone);
  return digits !== null && MOBILE.test(digits);
}

/** A number a citizen can be called back on: a mobile, or a fixed line with or without area code. */
export function isContactPhone(phone: string): boolean {
  const digits = phoneDigits(phone);
  return digits !== null && (MOBILE.test(digits) || FIXED_LINE_WITH_AREA_CODE.test(digits) || FIXED_LINE_LOCAL.test(digits));
}
