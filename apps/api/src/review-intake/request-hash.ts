import { normalizePhone } from '@haochaping/privacy';
import type { DataProtector } from '@haochaping/privacy/server';

/**
 * A submission as compared with its retry: the validated body without its client key, keys in order, phones
 * normalised, lists of codes sorted, instants as ISO strings. `138 1234 5678` and `13812345678` are one request.
 */
export function canonicalRequest(value: unknown, key?: string): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalRequest(item));
    return items.every((item) => typeof item === 'string') ? [...items].sort() : items;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((name) => name !== 'clientKey' && record[name] !== undefined && record[name] !== '')
        .sort()
        .map((name) => [name, canonicalRequest(record[name], name)]),
    );
  }
  if (key === 'phone' && typeof value === 'string') return normalizePhone(value);
  return value;
}

/** The keyed hash stored with the review (review.request_hash): it holds names and phones, so never a plain hash. */
export function requestHash(protector: DataProtector, body: object): string {
  return protector.requestHash(JSON.stringify(canonicalRequest(body)));
}
