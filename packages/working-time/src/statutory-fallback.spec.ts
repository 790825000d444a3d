import { CHINA_HOLIDAYS_2025, CHINA_HOLIDAYS_2026 } from './china-holidays.data';
import { LUNAR_FESTIVAL_DATES, LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from './lunar-festivals.data';
import { isStatutoryFallbackYear, statutoryFallbackYearCalendar } from './statutory-fallback';

const tableYears = Array.from({ length: LUNAR_TABLE_LAST_YEAR - LUNAR_TABLE_FIRST_YEAR + 1 }, (_, index) => LUNAR_TABLE_FIRST_YEAR + index);
const fallbackYears = tableYears.filter(isStatutoryFallbackYear);

describe('statutory fallback calendar', () => {
  it('builds 2027 from the statutory days: 除夕 is Feb 5, the day before 春节 (Feb 6)', () => {
    expect(statutoryFallbackYearCalendar(2027)).toEqual({
      year: 2027,
      holidays: [
        '2027-01-01',
        '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
        '2027-04-05',
        '2027-05-01', '2027-05-02',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01', '2027-10-02', '2027-10-03',
      ],
      makeUpWorkdays: [],
      source: 'provisional',
      notice: expect.stringContaining('临时') as unknown,
    });
  });

  it.each(fallbackYears.filter((year) => year !== 2028 && year !== 2031))('gives %i the 13 statutory days off and no make-up days', (year) => {
    const calendar = statutoryFallbackYearCalendar(year);
    expect(calendar.holidays).toHaveLength(13);
    expect(calendar.makeUpWorkdays).toEqual([]);
    expect(calendar.source).toBe('provisional');
  });

  it.each([
    [2028, '2028-10-03'],
    [2031, '2031-10-01'],
  ])('gives %i only 12 days because 中秋 falls on a 国庆 day (%s)', (year, midAutumn) => {
    const { holidays } = statutoryFallbackYearCalendar(year);
    expect(holidays).toHaveLength(12);
    expect(holidays).toContain(midAutumn);
  });

  it.each([
    ['2025', CHINA_HOLIDAYS_2025],
    ['2026', CHINA_HOLIDAYS_2026],
  ] as const)('puts every statutory day of %s inside the days off of that year’s State Council notice', (_year, official) => {
    const fallback = statutoryFallbackYearCalendar(official.year);
    expect(fallback.holidays.filter((date) => !official.holidays.includes(date))).toEqual([]);
  });

  it.each([2024, 2036, 2025.5, Number.NaN])('refuses year %p, which it has no rules or lunar dates for', (year) => {
    expect(() => statutoryFallbackYearCalendar(year)).toThrow(RangeError);
  });
});

describe('lunar festival table', () => {
  // The 寿星 formula for 21st-century 清明: day = [Y·0.2422 + 4.81] − [Y/4], Y = year mod 100.
  it.each(tableYears)('puts 清明 %i on the day the 寿星 formula gives', (year) => {
    const y = year % 100;
    const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
    expect(LUNAR_FESTIVAL_DATES[year]?.qingming).toBe(`${year}-04-0${day}`);
  });

  // Known years, from the State Council notices (2024: 春节 2/10–2/17, 清明 4/4–4/6, 端午 6/10, 中秋 9/15–9/17)
  // and from the Hong Kong Observatory for the near-midnight new moons that ICU gets wrong.
  it.each([
    [2024, 'springFestival', '2024-02-10'],
    [2024, 'dragonBoat', '2024-06-10'],
    [2024, 'midAutumn', '2024-09-17'],
    [2025, 'springFestival', '2025-01-29'],
    [2025, 'dragonBoat', '2025-05-31'],
    [2025, 'midAutumn', '2025-10-06'],
    [2026, 'springFestival', '2026-02-17'],
    [2026, 'dragonBoat', '2026-06-19'],
    [2026, 'midAutumn', '2026-09-25'],
    [2027, 'springFestival', '2027-02-06'],
    [2030, 'springFestival', '2030-02-03'],
  ] as const)('has %i %s on %s', (year, festival, date) => {
    expect(LUNAR_FESTIVAL_DATES[year]?.[festival]).toBe(date);
  });

  it.each(tableYears)('keeps %i festivals within their possible solar ranges', (year) => {
    const dates = LUNAR_FESTIVAL_DATES[year];
    if (!dates) {
      throw new Error(`The table has no row for ${year}`);
    }
    expect(dates.springFestival >= `${year}-01-21` && dates.springFestival <= `${year}-02-20`).toBe(true);
    expect(dates.dragonBoat >= `${year}-05-28` && dates.dragonBoat <= `${year}-06-25`).toBe(true);
    expect(dates.midAutumn >= `${year}-09-07` && dates.midAutumn <= `${year}-10-08`).toBe(true);
  });
});
