import { describe, expect, it } from '@jest/globals';
import { statisticsPeriod } from './statistics-rates';

describe('statisticsPeriod', () => {
  const now = new Date('2026-11-28T10:00:00Z');

  it('defaults to the 30 days before now', () => {
    expect(statisticsPeriod(undefined, undefined, now)).toEqual({ from: new Date('2026-10-29T10:00:00Z'), to: now });
  });

  it('keeps a period that was asked for, and counts 30 days back from its end when only the end is given', () => {
    const to = new Date('2026-04-01T00:00:00+08:00');
    expect(statisticsPeriod(new Date('2026-03-01T00:00:00+08:00'), to, now)).toEqual({ from: new Date('2026-03-01T00:00:00+08:00'), to });
    expect(statisticsPeriod(undefined, to, now).from).toEqual(new Date('2026-03-02T00:00:00+08:00'));
  });
});
