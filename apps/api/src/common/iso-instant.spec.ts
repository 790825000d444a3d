import { formatShanghaiInstant, parseIsoInstant } from './iso-instant';

describe('ISO 8601 instants at the API boundary', () => {
  it.each([
    ['2026-03-06T16:30:00+08:00', '2026-03-06T08:30:00.000Z'],
    ['2026-03-06T08:30:00Z', '2026-03-06T08:30:00.000Z'],
    ['2026-03-06T16:30+08:00', '2026-03-06T08:30:00.000Z'],
    ['2026-03-06T03:30:00.250-05:00', '2026-03-06T08:30:00.250Z'],
    ['2028-02-29T00:00:00+08:00', '2028-02-28T16:00:00.000Z'],
  ])('reads %s', (text, utc) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(utc);
  });

  it.each(['2026-03-06T16:30:00', '2026-03-06', '2026-02-30T10:00:00+08:00', '2027-02-29T10:00:00Z', '2026-03-06T24:00:00Z', '2026-03-06T16:60:00Z', '2026-03-06T16:30:00+0800', '2026-03-06 16:30:00Z', 'yesterday'])(
    'refuses %s',
    (text) => {
      expect(parseIsoInstant(text)).toBeUndefined();
    },
  );

  it.each([
    ['2026-03-09T01:30:00.000Z', '2026-03-09T09:30:00+08:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00+08:00'],
    ['2026-03-09T01:30:20.500Z', '2026-03-09T09:30:20.500+08:00'],
  ])('writes %s as Shanghai time %s', (utc, text) => {
    expect(formatShanghaiInstant(new Date(utc))).toBe(text);
  });
});
