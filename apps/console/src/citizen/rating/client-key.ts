/**
 * The idempotency key of one rating (POST /api/public/reviews `clientKey`): made once when the form opens and
 * sent again on every retry, so a submission whose answer was lost is never recorded twice.
 * `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); an old WeChat WebView or a plain-HTTP
 * test deployment falls back to the same 122 random bits from `getRandomValues`, which works everywhere.
 */
export function newClientKey(cryptoImpl: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
