import { describe, expect, it } from '@jest/globals';
import { newClientKey } from '../rating/client-key';
import { normalizeLastFour } from '../status/tracking-code';
import { formatDateTime } from './format';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the clientKey of a rating', () => {
  it('is a v4 UUID from getRandomValues where randomUUID is missing (plain HTTP, old WebViews)', () => {
    const key = newClientKey({ getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) });
    expect(key).toMatch(UUID_V4);
    // What the API accepts as a clientKey.
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });
});

describe('what citizens type', () => {
  it('keeps four digits of the phone as typed', () => {
    expect(normalizeLastFour('80a0012')).toBe('8000');
  });
});

describe('dates on the citizen pages', () => {
  it('shows Beijing time whatever the offset it came with', () => {
    expect(formatDateTime('2026-11-28T01:05:00Z')).toBe('2026年11月28日 09:05');
    expect(formatDateTime('2026-11-28T00:30:00+08:00')).toBe('2026年11月28日 00:30');
  });

  it('shows what it cannot read as it came', () => {
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });
});
