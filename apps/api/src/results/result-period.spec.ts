import { customPeriod, resultPeriod, trendBuckets } from './result-period';

describe('resultPeriod: Shanghai calendar periods containing a date', () => {
  it.each([
    ['day', '2026-11-30', '2026-11-30T00:00:00+08:00', '2026-12-01T00:00:00+08:00', '2026-11-30'],
    ['day', '2026-12-31', '2026-12-31T00:00:00+08:00', '2027-01-01T00:00:00+08:00', '2026-12-31'],
    // 2026-12-03 is a Thursday: Monday 11-30 to Sunday 12-06
    ['week', '2026-12-03', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00', '2026-11-30 至 2026-12-06'],
    ['week', '2026-12-06', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00', '2026-11-30 至 2026-12-06'],
    ['week', '2026-12-07', '2026-12-07T00:00:00+08:00', '2026-12-14T00:00:00+08:00', '2026-12-07 至 2026-12-13'],
    ['month', '2026-02-14', '2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00', '2026年2月'],
    ['month', '2026-12-07', '2026-12-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', '2026年12月'],
    ['quarter', '2026-11-15', '2026-10-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', '2026年第4季度'],
    ['quarter', '2026-04-01', '2026-04-01T00:00:00+08:00', '2026-07-01T00:00:00+08:00', '2026年第2季度'],
    ['year', '2026-07-01', '2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00', '2026年'],
  ] as const)('%s of %s is [%s, %s) "%s"', (kind, date, from, to, label) => {
    expect(resultPeriod(kind, date)).toEqual({ kind, from: new Date(from), to: new Date(to), label });
  });

  it('a custom range takes whole days, both named dates included', () => {
    expect(customPeriod('2026-11-01', '2026-11-15')).toEqual({
      kind: 'custom',
      from: new Date('2026-11-01T00:00:00+08:00'),
      to: new Date('2026-11-16T00:00:00+08:00'),
      label: '2026-11-01 至 2026-11-15',
    });
  });
});

describe('trendBuckets: whole Shanghai days, ISO weeks or months over a range', () => {
  it.each([
    ['day', '2026-11-30', '2026-12-02', ['2026-11-30', '2026-12-01', '2026-12-02']],
    // 2026-11-04 is a Wednesday: its week starts on Monday 11-02; 11-16 starts the last week
    ['week', '2026-11-04', '2026-11-16', ['2026-11-02', '2026-11-09', '2026-11-16']],
    ['month', '2026-11-15', '2027-01-01', ['2026-11-01', '2026-12-01', '2027-01-01']],
    ['day', '2026-12-02', '2026-12-01', []],
  ] as const)('%s from %s to %s: %j', (kind, from, to, keys) => {
    expect(trendBuckets(kind, from, to).map((bucket) => bucket.key)).toEqual(keys);
  });

  it('labels a bucket as a period of its kind, with its bounds', () => {
    expect(trendBuckets('week', '2026-11-04', '2026-11-04')).toEqual([
      { kind: 'week', key: '2026-11-02', from: new Date('2026-11-02T00:00:00+08:00'), to: new Date('2026-11-09T00:00:00+08:00'), label: '2026-11-02 至 2026-11-08' },
    ]);
  });

  it('stops one bucket past the limit (the caller refuses the range)', () => {
    expect(trendBuckets('day', '2026-01-01', '2026-12-31', 10)).toHaveLength(11);
  });
});
