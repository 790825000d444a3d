// Pure (no Node built-ins): the console checks a phone with the same rules before the API checks it again.

/**
 * The phone as we store and compare it: digits only, without a leading +86 / 0086 country code.
 * `138 1234 5678`, `+86-13812345678` and `008613812345678` are all `13812345678`.
 */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

/** A mainland mobile number (11 digits starting 13–19), after normalising. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(phone));
}

/** A number a citizen can be called back on: a mobile, or a landline of 7–12 digits (with or without area code). */
export function isContactPhone(phone: string): boolean {
  const digits = normalizePhone(phone);
  return isMobilePhone(digits) || /^0?\d{7,11}$/.test(digits);
}
