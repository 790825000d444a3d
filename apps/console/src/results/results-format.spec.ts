import { describe, expect, it } from '@jest/globals';
import { FIGURE_KEYS, type Figures } from '@haochaping/contracts';
import { formatFigure, formatRate, paretoOfReasons } from './results-format';
import { resultsSearch, shanghaiToday, trendRange } from './results-query';
import type { ResultsRow } from './results.types';

describe('formatFigure: as the table and the exports print a figure', () => {
  it.each([
    ['goodRate', 0.4444, '44.4%'],
    ['goodRate', 1, '100.0%'],
    ['goodRate', 0, '0.0%'],
    ['badRate', 0.5556, '55.6%'],
    ['onTimeRate', 0.0004, '0.0%'],
    ['onTimeRate', 0.0006, '0.1%'],
    ['goodRate', null, '—'],
    ['reviews', 10, '10'],
    ['reviews', 0, '0'],
    ['averageHandlingHours', 23.2, '23.2'],
    ['p90HandlingHours', null, '—'],
  ] as const)('%s %p → %s', (key, value, shown) => {
    expect(formatFigure(key, value)).toBe(shown);
  });

  it('formatRate alone: no rate is a dash, not 0 %', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(0.375)).toBe('37.5%');
  });
});

describe('paretoOfReasons: reasons by bad reviews, most first, with the cumulative share', () => {
  const row = (code: string, level2: number, level1: number, level5 = 0): ResultsRow => ({
    key: code,
    code,
    name: `原因${code}`,
    levels: { level5, level4: 0, level3: 0, level2, level1 },
    figures: Object.fromEntries(FIGURE_KEYS.map((key) => [key, null])) as Figures,
  });

  it('sorts by bad reviews (ties by code), drops reasons without one, and adds up to 100 %', () => {
    expect(paretoOfReasons([row('B1', 1, 0), row('A1', 2, 3), row('C1', 0, 0, 4), row('A2', 0, 1)])).toEqual([
      { code: 'A1', name: '原因A1', bad: 5, cumulative: 0.7143 },
      { code: 'A2', name: '原因A2', bad: 1, cumulative: 0.8571 },
      { code: 'B1', name: '原因B1', bad: 1, cumulative: 1 },
    ]);
  });

  it('no bad review at all: an empty Pareto', () => {
    expect(paretoOfReasons([row('A1', 0, 0, 3)])).toEqual([]);
  });
});

describe('trendRange: buckets that tile the chosen period', () => {
  it.each([
    ['day', '2026-11-15', { bucket: 'day', from: '2026-11-15', to: '2026-11-15' }],
    // Thursday 2026-12-03: Monday 11-30 to Sunday 12-06
    ['week', '2026-12-03', { bucket: 'day', from: '2026-11-30', to: '2026-12-06' }],
    ['month', '2026-02-14', { bucket: 'day', from: '2026-02-01', to: '2026-02-28' }],
    ['month', '2026-12-07', { bucket: 'day', from: '2026-12-01', to: '2026-12-31' }],
    ['quarter', '2026-11-15', { bucket: 'month', from: '2026-10-01', to: '2026-12-31' }],
    ['year', '2026-07-01', { bucket: 'month', from: '2026-01-01', to: '2026-12-31' }],
  ] as const)('%s of %s', (kind, date, range) => {
    expect(trendRange({ period: kind, date, from: '', to: '' })).toEqual(range);
  });

  it.each([
    ['one day', '2026-11-15', '2026-11-15', 'day'],
    ['a quarter of days', '2026-09-10', '2026-12-09', 'day'],
    // 2025-11-01 to 2026-12-05 is exactly 400 days: still by day; one more and it is drawn by month.
    ['400 days', '2025-11-01', '2026-12-05', 'day'],
    ['401 days', '2025-11-01', '2026-12-06', 'month'],
  ] as const)('a custom range of %s (%s to %s) is drawn by %s', (_name, from, to, bucket) => {
    expect(trendRange({ period: 'custom', date: '2026-12-07', from, to })).toEqual({ bucket, from, to });
  });
});

describe('the query of what is shown', () => {
  it('is the export’s query string too', () => {
    const month = { dimension: 'hall', period: 'month', date: '2026-11-15', from: '2026-11-01', to: '2026-11-20' } as const;
    expect(resultsSearch(month)).toBe('dimension=hall&period=month&date=2026-11-15');
    expect(resultsSearch(month, { figure: 'badRate' })).toBe('dimension=hall&period=month&date=2026-11-15&figure=badRate');
    // A custom range sends its days, not the date.
    expect(resultsSearch({ ...month, period: 'custom' })).toBe('dimension=hall&period=custom&from=2026-11-01&to=2026-11-20');
  });

  it('today is Shanghai’s date: 17:00 UTC is already tomorrow there', () => {
    expect(shanghaiToday(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(shanghaiToday(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
  });
});
