// The same normalising rules as @haochaping/privacy's normalizePhone/isContactPhone (that package uses node:crypto
// and cannot be bundled for the browser). The API checks again; this only spares the citizen a round trip.

/** Digits only, without a leading +86 / 0086: `138 0013 8000` and `+86-13800138000` are `13800138000`. */
export function normalizePhone(input: string): string {
  let digits = input.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits;
}

/** A mainland mobile number (11 digits starting 13–19). */
export function isMobilePhone(input: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(input));
}

/** A number a citizen can be called back on: a mobile, or a landline of 7–12 digits. */
export function isContactPhone(input: string): boolean {
  const digits = normalizePhone(input);
  return isMobilePhone(digits) || /^0?\d{7,11}$/.test(digits);
}
