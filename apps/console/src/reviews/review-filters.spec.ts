import { describe, expect, it } from '@jest/globals';
import { dayEnd, dayOfEnd, dayOfStart, dayStart, exportQuery } from './review-filters';

describe('the list’s dates as the API’s instants (Beijing days, end exclusive)', () => {
  it.each([
    ['2026-11-05', '2026-11-05T00:00:00+08:00', '2026-11-06T00:00:00+08:00'],
    ['2026-02-28', '2026-02-28T00:00:00+08:00', '2026-03-01T00:00:00+08:00'],
    ['2026-12-31', '2026-12-31T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
  ])('%s → from %s, to %s', (day, from, to) => {
    expect(dayStart(day)).toBe(from);
    expect(dayEnd(day)).toBe(to);
    expect(dayOfStart(from)).toBe(day);
    expect(dayOfEnd(to)).toBe(day);
  });

  it.each([[''], [null], [undefined], ['2026-11-5'], ['yesterday']])('leaves %p out of the filter', (day) => {
    expect(dayStart(day)).toBeUndefined();
    expect(dayEnd(day)).toBeUndefined();
  });

  it('shows an empty input for a value it did not write', () => {
    expect(dayOfStart('2026-11-05T10:00:00+08:00')).toBe('');
    expect(dayOfEnd(undefined)).toBe('');
  });
});

describe('the CSV export’s query', () => {
  it('carries the current filter without cleared inputs, and the sort', () => {
    const query = new URLSearchParams(exportQuery({ hallCode: ['jintun'], q: '', level: [], channel: 'HOTLINE' }, { field: 'level', order: 'ASC' }));
    expect(JSON.parse(query.get('filter') ?? '')).toEqual({ hallCode: ['jintun'], channel: 'HOTLINE' });
    expect(JSON.parse(query.get('sort') ?? '')).toEqual(['level', 'ASC']);
  });
});
