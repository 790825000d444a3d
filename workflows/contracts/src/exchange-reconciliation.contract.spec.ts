import { exchangeReconciliationDays } from './exchange-reconciliation.contract';

describe('the days the exchange reconciliation checks', () => {
  it.each<[string, string, number, string[]]>([
    ['just after midnight in Shanghai (still the day before in UTC)', '2026-12-06T16:05:00Z', 3, ['2026-12-05', '2026-12-06', '2026-12-07']],
    ['just before midnight in Shanghai', '2026-12-07T15:59:59Z', 2, ['2026-12-06', '2026-12-07']],
    ['across a month and a year', '2027-01-01T01:00:00+08:00', 3, ['2026-12-30', '2026-12-31', '2027-01-01']],
    ['one day', '2026-03-01T12:00:00+08:00', 1, ['2026-03-01']],
  ])('%s', (_name, now, count, days) => {
    expect(exchangeReconciliationDays(new Date(now), count)).toEqual(days);
  });

  it('checks today and the six days before by default', () => {
    expect(exchangeReconciliationDays(new Date('2026-12-07T10:00:00+08:00'))).toEqual(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07']);
  });
});
