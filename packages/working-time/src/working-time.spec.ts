import { CHINA_HOLIDAYS_2025, CHINA_OFFICIAL_YEAR_CALENDARS } from './china-holidays.data';
import { DEFAULT_OFFICE_HOURS } from './office-hours';
import { at, shanghai } from './test-support/shanghai-clock.fixture';
import type { OfficeHours, WorkingCalendar, YearCalendar } from './types';
import { DEFAULT_WORKING_CALENDAR, WorkingTime, createWorkingTime, missingOfficialYears } from './working-time';

const workingTime = createWorkingTime();

const dueAfterHours = (from: string, hours: number): string => shanghai(workingTime.addWorkingHours(at(from), hours).dueAt);
const dueAfterMinutes = (from: string, minutes: number): string =>
  shanghai(workingTime.addWorkingMinutes(at(from), minutes).dueAt);
const dueAfterDays = (from: string, days: number): string => shanghai(workingTime.addWorkingDays(at(from), days).dueAt);

describe('WorkingTime', () => {
  describe('the examples in DOMAIN.md (default hours)', () => {
    it('counts Friday 16:30 plus one working hour as Monday 09:30', () => {
      expect(dueAfterHours('2026-03-06 16:30', 1)).toBe('2026-03-09 09:30');
    });

    it('counts 11:30 plus one working hour as 13:30, skipping lunch', () => {
      expect(dueAfterHours('2026-03-10 11:30', 1)).toBe('2026-03-10 13:30');
    });

    it('counts 16:00 plus one working hour as 17:00 the same day', () => {
      expect(dueAfterHours('2026-03-10 16:00', 1)).toBe('2026-03-10 17:00');
    });

    it('counts Saturday 10:00 plus one working hour as Monday 10:00', () => {
      expect(dueAfterHours('2026-03-07 10:00', 1)).toBe('2026-03-09 10:00');
    });

    it('counts 2026-09-30 10:00 plus one working day as 2026-10-08 10:00, over 国庆', () => {
      expect(dueAfterDays('2026-09-30 10:00', 1)).toBe('2026-10-08 10:00');
    });
  });

  describe('isOfficeTime at the edges of office periods', () => {
    it.each([
      ['Tuesday 08:59', '2026-03-10 08:59', false],
      ['Tuesday 09:00, the morning opens', '2026-03-10 09:00', true],
      ['Tuesday 11:59', '2026-03-10 11:59', true],
      ['Tuesday 11:59:59.999', '2026-03-10 11:59:59.999', true],
      ['Tuesday 12:00, lunch begins', '2026-03-10 12:00', false],
      ['Tuesday 12:59', '2026-03-10 12:59', false],
      ['Tuesday 13:00, the afternoon opens', '2026-03-10 13:00', true],
      ['Tuesday 16:59', '2026-03-10 16:59', true],
      ['Tuesday 17:00, the hall closes', '2026-03-10 17:00', false],
      ['Tuesday 23:59', '2026-03-10 23:59', false],
      ['Wednesday 00:00', '2026-03-11 00:00', false],
      ['an ordinary Saturday 10:00', '2026-03-07 10:00', false],
      ['an ordinary Sunday 10:00', '2026-03-08 10:00', false],
      ['a 国庆 Thursday 10:00', '2026-10-01 10:00', false],
      ['a 春节 Tuesday 10:00', '2026-02-17 10:00', false],
      ['make-up Saturday 2026-02-14 10:00', '2026-02-14 10:00', true],
      ['make-up Sunday 2026-01-04 16:59', '2026-01-04 16:59', true],
      ['make-up Sunday 2025-09-28 12:30 (lunch still applies)', '2025-09-28 12:30', false],
    ])('says %s (%s) is office time: %p', (_label, instant, expected) => {
      expect(workingTime.isOfficeTime(at(instant))).toBe(expected);
    });

    it('reads the instant in Shanghai whatever the machine timezone: 01:00Z is 09:00 in Shanghai', () => {
      expect(workingTime.isOfficeTime(new Date('2026-03-10T01:00:00Z'))).toBe(true);
      expect(workingTime.isOfficeTime(new Date('2026-03-10T00:59:59Z'))).toBe(false);
    });
  });

  describe('addWorkingMinutes around office-time edges', () => {
    it.each([
      ['11:59 + 1 minute ends at 12:00, the end of the morning', '2026-03-10 11:59', 1, '2026-03-10 12:00'],
      ['11:59 + 2 minutes resumes after lunch', '2026-03-10 11:59', 2, '2026-03-10 13:01'],
      ['12:00 + 1 minute starts after lunch', '2026-03-10 12:00', 1, '2026-03-10 13:01'],
      ['12:30 + 60 minutes starts after lunch', '2026-03-10 12:30', 60, '2026-03-10 14:00'],
      ['13:00 + 60 minutes', '2026-03-10 13:00', 60, '2026-03-10 14:00'],
      ['16:59 + 1 minute ends at closing time', '2026-03-10 16:59', 1, '2026-03-10 17:00'],
      ['16:59 + 2 minutes runs into the next morning', '2026-03-10 16:59', 2, '2026-03-11 09:01'],
      ['17:00 + 60 minutes starts the next morning', '2026-03-10 17:00', 60, '2026-03-11 10:00'],
      ['09:00 + 420 minutes is one full day', '2026-03-10 09:00', 420, '2026-03-10 17:00'],
      ['09:00 + 421 minutes spills into the next day', '2026-03-10 09:00', 421, '2026-03-11 09:01'],
      ['10:00 + 180 minutes crosses lunch', '2026-03-10 10:00', 180, '2026-03-10 14:00'],
      ['keeps seconds: 16:30:20 + 60 minutes', '2026-03-06 16:30:20', 60, '2026-03-09 09:30:20'],
    ])('counts %s', (_label, from, minutes, expected) => {
      expect(dueAfterMinutes(from, minutes)).toBe(expected);
    });
  });

  describe('a clock that starts outside office time', () => {
    it.each([
      ['before opening, Tuesday 08:00', '2026-03-10 08:00', '2026-03-10 10:00'],
      ['at night, Tuesday 02:00', '2026-03-10 02:00', '2026-03-10 10:00'],
      ['at night, Tuesday 22:00', '2026-03-10 22:00', '2026-03-11 10:00'],
      ['at lunch, Tuesday 12:15', '2026-03-10 12:15', '2026-03-10 14:00'],
      ['on Friday night 23:30', '2026-03-06 23:30', '2026-03-09 10:00'],
      ['on Sunday 23:59', '2026-03-08 23:59', '2026-03-09 10:00'],
      ['on a 国庆 holiday', '2026-10-03 10:00', '2026-10-08 10:00'],
      ['on 除夕 2026', '2026-02-16 15:00', '2026-02-24 10:00'],
      ['on an ordinary Saturday before a make-up Sunday', '2026-09-19 10:00', '2026-09-20 10:00'],
    ])('starts when office time next begins: %s + 1 working hour', (_label, from, expected) => {
      expect(dueAfterHours(from, 1)).toBe(expected);
    });

    it.each([
      ['office time itself', '2026-03-10 10:00', '2026-03-10 10:00'],
      ['opening time itself', '2026-03-10 09:00', '2026-03-10 09:00'],
      ['lunch', '2026-03-10 12:00', '2026-03-10 13:00'],
      ['closing time', '2026-03-10 17:00', '2026-03-11 09:00'],
      ['Saturday', '2026-03-07 10:00', '2026-03-09 09:00'],
      ['春节', '2026-02-17 09:00', '2026-02-24 09:00'],
      ['the evening before a make-up Saturday', '2026-02-13 18:00', '2026-02-14 09:00'],
    ])('gives the next office-time start for %s', (_label, instant, expected) => {
      expect(shanghai(workingTime.nextOfficeTimeStart(at(instant)))).toBe(expected);
    });

    it('treats a zero-length clock like any other: it is due when office time next begins', () => {
      expect(dueAfterMinutes('2026-03-07 10:00', 0)).toBe('2026-03-09 09:00');
      expect(dueAfterMinutes('2026-03-10 10:00', 0)).toBe('2026-03-10 10:00');
      expect(dueAfterDays('2026-03-10 12:30', 0)).toBe('2026-03-10 13:00');
    });
  });

  describe('weekends and 调休 make-up working days', () => {
    it.each([
      ['an ordinary Friday to Monday', '2026-03-06 16:30', '2026-03-09 09:30'],
      ['2025 春节 eve: Friday to make-up Sunday 1/26', '2025-01-24 16:30', '2025-01-26 09:30'],
      ['make-up Sunday 2025-01-26 to Monday', '2025-01-26 16:30', '2025-01-27 09:30'],
      ['the last day before 2025 春节 to the first day after', '2025-01-27 16:30', '2025-02-05 09:30'],
      ['Friday to make-up Saturday 2025-02-08', '2025-02-07 16:30', '2025-02-08 09:30'],
      ['Friday to make-up Sunday 2025-04-27', '2025-04-25 16:30', '2025-04-27 09:30'],
      ['Friday to make-up Sunday 2025-09-28', '2025-09-26 16:30', '2025-09-28 09:30'],
      ['2025-09-30 over 国庆 and 中秋 to 10/9', '2025-09-30 16:30', '2025-10-09 09:30'],
      ['Friday to make-up Saturday 2025-10-11', '2025-10-10 16:30', '2025-10-11 09:30'],
      ['New Year 2026 to make-up Sunday 1/4', '2025-12-31 16:30', '2026-01-04 09:30'],
      ['make-up Sunday 2026-01-04 to Monday', '2026-01-04 16:30', '2026-01-05 09:30'],
      ['Friday to make-up Saturday 2026-02-14', '2026-02-13 16:30', '2026-02-14 09:30'],
      ['make-up Saturday 2026-02-14 over 春节 to 2/24', '2026-02-14 16:30', '2026-02-24 09:30'],
      ['Friday to make-up Saturday 2026-02-28', '2026-02-27 16:30', '2026-02-28 09:30'],
      ['清明 2026: Friday to Tuesday', '2026-04-03 16:30', '2026-04-07 09:30'],
      ['劳动节 2026: Thursday to Wednesday', '2026-04-30 16:30', '2026-05-06 09:30'],
      ['Friday to make-up Saturday 2026-05-09', '2026-05-08 16:30', '2026-05-09 09:30'],
      ['端午 2026: Thursday to Monday', '2026-06-18 16:30', '2026-06-22 09:30'],
      ['Friday to make-up Sunday 2026-09-20', '2026-09-18 16:30', '2026-09-20 09:30'],
      ['中秋 2026: Thursday to Monday', '2026-09-24 16:30', '2026-09-28 09:30'],
      ['Friday to make-up Saturday 2026-10-10', '2026-10-09 16:30', '2026-10-10 09:30'],
    ])('counts 16:30 plus one working hour across %s', (_label, from, expected) => {
      expect(dueAfterHours(from, 1)).toBe(expected);
    });

    it.each([
      ['2026-03-07', 'an ordinary Saturday', false],
      ['2026-03-08', 'an ordinary Sunday', false],
      ['2026-03-09', 'an ordinary Monday', true],
      ['2026-01-01', '元旦', false],
      ['2026-01-02', 'a Friday inside the 元旦 span', false],
      ['2026-01-04', 'a make-up Sunday', true],
      ['2026-02-14', 'a make-up Saturday', true],
      ['2026-02-23', 'the last 春节 day, a Monday', false],
      ['2026-02-24', 'the first day after 春节', true],
      ['2026-04-06', 'a 清明 Monday', false],
      ['2026-06-19', '端午', false],
      ['2026-09-25', '中秋', false],
      ['2026-10-07', 'the last 国庆 day', false],
      ['2026-10-08', 'the first day after 国庆', true],
      ['2025-10-08', 'the last day of 2025 国庆 and 中秋', false],
      ['2025-10-11', 'a make-up Saturday', true],
    ])('says whether %s (%s) is a working day: %p', (date, _label, expected) => {
      expect(workingTime.isWorkingDay(date)).toBe(expected);
    });

    it.each(['2026-02-30', '2026-2-3', 'tomorrow', ''])('refuses %j as a date', (date) => {
      expect(() => workingTime.isWorkingDay(date)).toThrow(RangeError);
    });
  });

  describe('working days across 春节 and 国庆', () => {
    it.each([
      ['Friday before 春节 2026 to make-up Saturday', '2026-02-13 10:00', 1, '2026-02-14 10:00'],
      ['make-up Saturday over 春节 2026', '2026-02-14 10:00', 1, '2026-02-24 10:00'],
      ['three days from Thursday over 春节 2026', '2026-02-12 10:00', 3, '2026-02-24 10:00'],
      ['three days from 9/30 to make-up Saturday 10/10', '2026-09-30 10:00', 3, '2026-10-10 10:00'],
      ['Friday to make-up Sunday 9/20', '2026-09-18 10:00', 1, '2026-09-20 10:00'],
      ['ten days from Monday 9/28 over 国庆', '2026-09-28 10:00', 10, '2026-10-16 10:00'],
      ['2025-09-30 over 国庆 and 中秋', '2025-09-30 10:00', 1, '2025-10-09 10:00'],
      ['an afternoon start keeps its time of day', '2026-03-10 15:00', 1, '2026-03-11 15:00'],
      ['five days is one ordinary week', '2026-03-09 10:00', 5, '2026-03-16 10:00'],
      ['half a day (210 minutes) from 09:00', '2026-03-10 09:00', 0.5, '2026-03-10 13:30'],
    ])('counts %s', (_label, from, days, expected) => {
      expect(dueAfterDays(from, days)).toBe(expected);
    });
  });

  describe('year boundaries', () => {
    it('counts 2025-12-31 17:00 plus one working hour over 元旦 2026 to the make-up Sunday', () => {
      expect(dueAfterHours('2025-12-31 17:00', 1)).toBe('2026-01-04 10:00');
    });

    it('counts 2026-12-31 17:00 plus one working hour into provisional 2027 and says so', () => {
      const deadline = workingTime.addWorkingHours(at('2026-12-31 17:00'), 1);
      expect(shanghai(deadline.dueAt)).toBe('2027-01-04 10:00');
      expect(deadline.provisional).toBe(true);
      expect(deadline.provisionalYears).toEqual([2027]);
    });

    it('uses the Shanghai date at midnight UTC+8, not the UTC date', () => {
      // 2026-12-31T16:30Z is already 2027-01-01 00:30 in Shanghai, a holiday.
      const deadline = workingTime.addWorkingHours(new Date('2026-12-31T16:30:00Z'), 1);
      expect(shanghai(deadline.dueAt)).toBe('2027-01-04 10:00');
    });
  });

  describe('provisional years (no State Council notice entered)', () => {
    it('marks a computation that stays inside official years as not provisional', () => {
      const deadline = workingTime.addWorkingDays(at('2026-09-30 10:00'), 1);
      expect(deadline).toEqual({ dueAt: at('2026-10-08 10:00'), provisional: false, provisionalYears: [] });
    });

    it('counts 2027 with the statutory days: Thursday before 除夕 (Feb 5) plus one hour is Tuesday after 初三', () => {
      const deadline = workingTime.addWorkingHours(at('2027-02-04 16:30'), 1);
      expect(shanghai(deadline.dueAt)).toBe('2027-02-09 09:30');
      expect(deadline.provisionalYears).toEqual([2027]);
    });

    it.each([
      ['2027-01-01', '元旦', false],
      ['2027-02-05', '除夕', false],
      ['2027-02-06', '正月初一 (a Saturday)', false],
      ['2027-02-08', '正月初三 (a Monday)', false],
      ['2027-02-09', 'the day after 初三 (no bridge days are guessed)', true],
      ['2027-04-05', '清明', false],
      ['2027-05-03', 'the Monday after 劳动节 (no bridge days are guessed)', true],
      ['2027-06-09', '端午', false],
      ['2027-09-15', '中秋', false],
      ['2027-10-01', '国庆', false],
      ['2027-10-04', 'the Monday after the three 国庆 days', true],
      ['2027-02-20', 'a Saturday (no make-up days are guessed)', false],
    ])('says whether provisional %s (%s) is a working day: %s', (date, _label, expected) => {
      expect(workingTime.isWorkingDay(date)).toBe(expected);
    });

    it('reports every provisional year a long computation passes through', () => {
      const deadline = workingTime.addWorkingDays(at('2026-12-01 10:00'), 500);
      expect(deadline.provisionalYears).toEqual([2027, 2028]);
    });

    it('lets an entered 2027 notice replace the fallback', () => {
      const notice2027: YearCalendar = {
        year: 2027,
        holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'],
        makeUpWorkdays: ['2027-02-20'],
        source: 'official',
      };
      const withNotice = new WorkingTime({ ...DEFAULT_WORKING_CALENDAR, years: [...CHINA_OFFICIAL_YEAR_CALENDARS, notice2027] });
      expect(withNotice.calendarForYear(2027).source).toBe('official');
      expect(withNotice.isWorkingDay('2027-02-09')).toBe(false);
      expect(withNotice.isWorkingDay('2027-02-20')).toBe(true);
      expect(withNotice.addWorkingHours(at('2026-12-31 17:00'), 1).provisional).toBe(false);
    });

    it('answers which calendar is in force for a year', () => {
      expect(workingTime.calendarForYear(2026).source).toBe('official');
      expect(workingTime.calendarForYear(2030).source).toBe('provisional');
      expect(workingTime.provisionalYearsBetween(at('2027-06-01 10:00'), at('2025-06-01 10:00'))).toEqual([2027]);
    });

    it.each([
      ['2024, before the amended 放假办法', '2024-06-03 10:00'],
      ['2036, beyond the lunar table', '2036-06-02 10:00'],
    ])('refuses to guess a year with neither data nor fallback: %s', (_label, from) => {
      expect(() => workingTime.addWorkingHours(at(from), 1)).toThrow(RangeError);
    });

    it('refuses a clock that would run past the last supported year', () => {
      expect(() => workingTime.addWorkingHours(at('2035-12-31 17:00'), 1)).toThrow(/2036/);
    });
  });

  describe('input validation', () => {
    it.each([-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
      'throws RangeError for %p working minutes, hours or days',
      (amount) => {
        const from = at('2026-03-10 10:00');
        expect(() => workingTime.addWorkingMinutes(from, amount)).toThrow(RangeError);
        expect(() => workingTime.addWorkingHours(from, amount)).toThrow(RangeError);
        expect(() => workingTime.addWorkingDays(from, amount)).toThrow(RangeError);
      },
    );

    it('throws RangeError for an invalid Date', () => {
      const invalid = new Date('not a date');
      expect(() => workingTime.addWorkingHours(invalid, 1)).toThrow(RangeError);
      expect(() => workingTime.isOfficeTime(invalid)).toThrow(RangeError);
      expect(() => workingTime.nextOfficeTimeStart(invalid)).toThrow(RangeError);
      expect(() => workingTime.workingMinutesBetween(invalid, at('2026-03-10 10:00'))).toThrow(RangeError);
    });

    it.each<[string, YearCalendar[]]>([
      ['a holiday dated in another year', [{ year: 2027, holidays: ['2026-12-31'], makeUpWorkdays: [], source: 'official' }]],
      ['a day that is both off and on', [{ year: 2027, holidays: ['2027-02-20'], makeUpWorkdays: ['2027-02-20'], source: 'official' }]],
      ['a date that does not exist', [{ year: 2027, holidays: ['2027-02-29'], makeUpWorkdays: [], source: 'official' }]],
      ['the same year twice', [CHINA_HOLIDAYS_2025, { ...CHINA_HOLIDAYS_2025 }]],
      ['an unknown source', [{ year: 2027, holidays: [], makeUpWorkdays: [], source: 'rumour' as 'official' }]],
    ])('refuses a calendar with %s', (_label, years) => {
      expect(() => new WorkingTime({ officeHours: DEFAULT_OFFICE_HOURS, years })).toThrow(RangeError);
    });
  });

  describe('custom office hours', () => {
    const summerHours: OfficeHours = {
      1: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }],
      2: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }],
      3: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }],
      4: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }],
      5: [{ start: '14:00', end: '17:30' }, { start: '08:30', end: '12:00' }],
    };
    const withSaturdayMorning: OfficeHours = { ...DEFAULT_OFFICE_HOURS, 6: [{ start: '09:00', end: '12:00' }] };
    const shortWednesday: OfficeHours = { ...DEFAULT_OFFICE_HOURS, 3: [{ start: '09:00', end: '12:00' }] };
    const fullDay = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
    const closedMonday: OfficeHours = { 2: fullDay, 3: fullDay, 4: fullDay, 5: fullDay, 6: fullDay };
    const hall = (officeHours: OfficeHours): WorkingTime => new WorkingTime({ officeHours, years: CHINA_OFFICIAL_YEAR_CALENDARS });

    it.each([
      ['summer hours: Friday 17:00 + 1h is Monday 09:00', summerHours, '2026-03-06 17:00', 60, '2026-03-09 09:00'],
      ['summer hours: 11:30 + 1h is 14:30', summerHours, '2026-03-10 11:30', 60, '2026-03-10 14:30'],
      ['summer hours: 08:30 + 420 minutes is 17:30, a full day', summerHours, '2026-03-10 08:30', 420, '2026-03-10 17:30'],
      ['Saturday mornings: Friday 16:30 + 1h is Saturday 09:30', withSaturdayMorning, '2026-03-06 16:30', 60, '2026-03-07 09:30'],
      ['Saturday mornings: Saturday 11:30 + 1h is Monday 09:30', withSaturdayMorning, '2026-03-07 11:30', 60, '2026-03-09 09:30'],
      ['Saturday mornings are still off on a 国庆 Saturday', withSaturdayMorning, '2026-10-03 10:00', 60, '2026-10-08 10:00'],
      ['short Wednesday: 11:00 + 2h is Thursday 10:00', shortWednesday, '2026-03-11 11:00', 120, '2026-03-12 10:00'],
      ['closed Monday: Sunday 10:00 + 1h is Tuesday 10:00', closedMonday, '2026-03-08 10:00', 60, '2026-03-10 10:00'],
      ['closed Monday: Friday 16:30 + 1h is Saturday 09:30', closedMonday, '2026-03-06 16:30', 60, '2026-03-07 09:30'],
    ])('counts %s', (_label, officeHours, from, minutes, expected) => {
      expect(shanghai(hall(officeHours).addWorkingMinutes(at(from), minutes).dueAt)).toBe(expected);
    });

    it('keeps the standard working day on a make-up Saturday, even for a hall open only Saturday mornings', () => {
      const saturdayHall = hall(withSaturdayMorning);
      expect(saturdayHall.isOfficeTime(at('2026-02-14 16:00'))).toBe(true);
      expect(saturdayHall.isOfficeTime(at('2026-02-21 10:00'))).toBe(false); // a 春节 Saturday
    });

    it('counts a working day as the standard day even when the next day is shorter', () => {
      // 1 day = 420 minutes: Tuesday 15:00 → 17:00 (120), Wednesday 09:00–12:00 (180), Thursday 09:00–11:00 (120).
      expect(shanghai(hall(shortWednesday).addWorkingDays(at('2026-03-10 15:00'), 1).dueAt)).toBe('2026-03-12 11:00');
    });

    it.each<[string, OfficeHours]>([
      ['a time without a leading zero', { 1: [{ start: '9:00', end: '12:00' }] }],
      ['an hour past 24', { 1: [{ start: '09:00', end: '25:00' }] }],
      ['a minute past 59', { 1: [{ start: '09:00', end: '12:60' }] }],
      ['24:30', { 1: [{ start: '09:00', end: '24:30' }] }],
      ['a period that ends before it starts', { 1: [{ start: '12:00', end: '09:00' }] }],
      ['an empty period', { 1: [{ start: '09:00', end: '09:00' }] }],
      ['overlapping periods', { 1: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] }],
      ['a weekday 0', { 0: [{ start: '09:00', end: '12:00' }] } as unknown as OfficeHours],
      ['a weekday 8', { 8: [{ start: '09:00', end: '12:00' }] } as unknown as OfficeHours],
      ['no office time at all', { 1: [], 2: [] }],
    ])('refuses office hours with %s', (_label, officeHours) => {
      expect(() => new WorkingTime({ officeHours, years: [] })).toThrow(RangeError);
    });

    it('accepts a period that runs to 24:00 and continues at 00:00 the next day', () => {
      const roundTheClock: OfficeHours = Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, [{ start: '00:00', end: '24:00' }]]),
      );
      const always = hall(roundTheClock);
      expect(always.standardWorkingDayMinutes).toBe(1440);
      expect(shanghai(always.addWorkingHours(at('2026-03-07 23:00'), 2).dueAt)).toBe('2026-03-08 01:00');
      expect(shanghai(always.addWorkingHours(at('2026-09-30 23:00'), 1).dueAt)).toBe('2026-10-01 00:00');
      expect(shanghai(always.addWorkingHours(at('2026-09-30 23:00'), 2).dueAt)).toBe('2026-10-08 01:00');
    });
  });

  describe('workingMinutesBetween', () => {
    it.each([
      ['Friday 16:30 to Monday 09:30', '2026-03-06 16:30', '2026-03-09 09:30', 60],
      ['11:30 to 13:30 over lunch', '2026-03-10 11:30', '2026-03-10 13:30', 60],
      ['the same instant', '2026-03-10 10:00', '2026-03-10 10:00', 0],
      ['Saturday to Sunday', '2026-03-07 09:00', '2026-03-08 17:00', 0],
      ['lunch to lunch', '2026-03-10 12:10', '2026-03-10 12:50', 0],
      ['a full ordinary week', '2026-03-09 09:00', '2026-03-13 17:00', 5 * 420],
      ['over 春节 2026 with its make-up Saturday', '2026-02-13 09:00', '2026-02-24 09:00', 2 * 420],
      ['over 国庆 2026', '2026-09-30 10:00', '2026-10-08 10:00', 420],
      ['backwards: Monday 09:30 to Friday 16:30', '2026-03-09 09:30', '2026-03-06 16:30', -60],
      ['night to night', '2026-03-09 20:00', '2026-03-10 20:00', 420],
    ])('counts %s (%s → %s) as %p minutes', (_label, a, b, expected) => {
      expect(workingTime.workingMinutesBetween(at(a), at(b))).toBe(expected);
    });

    describe('is the inverse of addWorkingMinutes', () => {
      // Starts every 97 minutes over three weeks around 国庆 2026 (holidays, a make-up Saturday, nights, lunches)
      // plus the exact edges, each with amounts that land on and next to period boundaries.
      const sampledStarts = Array.from({ length: Math.floor((21 * 24 * 60) / 97) }, (_, index) =>
        new Date(at('2026-09-26 00:00').getTime() + index * 97 * 60_000),
      );
      const edgeStarts = ['09:00', '11:59', '12:00', '13:00', '16:59', '17:00'].map((time) => at(`2026-09-30 ${time}`));
      const amounts = [0, 1, 59, 60, 61, 179, 180, 181, 419, 420, 421, 1000, 2940];

      const measureBack = (from: Date): { from: string; minutes: number; measured: number; endsInOfficeTime: boolean }[] =>
        amounts.map((minutes) => {
          const { dueAt } = workingTime.addWorkingMinutes(from, minutes);
          return {
            from: shanghai(from),
            minutes,
            measured: workingTime.workingMinutesBetween(from, dueAt),
            // The clock's last millisecond was office time, so the due time never lands after a gap.
            endsInOfficeTime: minutes === 0 || workingTime.isOfficeTime(new Date(dueAt.getTime() - 1)),
          };
        });
      const expectedFor = (from: Date): ReturnType<typeof measureBack> =>
        amounts.map((minutes) => ({ from: shanghai(from), minutes, measured: minutes, endsInOfficeTime: true }));

      it.each(edgeStarts.map((from) => [shanghai(from), from] as const))('measures back exactly the minutes added from %s', (_label, from) => {
        expect(measureBack(from)).toEqual(expectedFor(from));
      });

      it(`measures back exactly the minutes added from ${sampledStarts.length} starts over three weeks around 国庆 2026`, () => {
        expect(sampledStarts.flatMap(measureBack)).toEqual(sampledStarts.flatMap(expectedFor));
      });

      it('splits additively: adding m1 then m2 equals adding m1 + m2 for positive amounts', () => {
        for (const from of sampledStarts.slice(0, 60)) {
          const splits: [number, number][] = [[60, 60], [1, 419], [180, 240], [420, 1]];
          for (const [first, second] of splits) {
            const viaStep = workingTime.addWorkingMinutes(workingTime.addWorkingMinutes(from, first).dueAt, second).dueAt;
            expect(viaStep).toEqual(workingTime.addWorkingMinutes(from, first + second).dueAt);
          }
        }
      });

      it('adds up over consecutive spans', () => {
        const [a, b, c] = [at('2026-09-29 11:00'), at('2026-10-03 08:00'), at('2026-10-10 15:20')];
        expect(workingTime.workingMinutesBetween(a, b) + workingTime.workingMinutesBetween(b, c)).toBe(
          workingTime.workingMinutesBetween(a, c),
        );
      });
    });
  });

  describe('missingOfficialYears', () => {
    const defaultCalendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR;

    it.each([
      ['mid-2026, both years entered or not yet due', '2026-06-01 10:00', []],
      ['2026-10-31 23:59 Shanghai, before the notice is expected', '2026-10-31 23:59', []],
      ['2026-11-01 00:00 Shanghai, when the 2027 notice is expected', '2026-11-01 00:00', [2027]],
      ['late 2025, with 2026 already entered', '2025-11-28 10:00', []],
      ['spring 2027, running on the fallback', '2027-03-01 10:00', [2027]],
      ['late 2027, with neither year entered', '2027-11-28 10:00', [2027, 2028]],
      ['late 2024, a year the package never shipped', '2024-12-01 10:00', [2024]],
    ])('at %s (%s) warns about %p', (_label, now, expected) => {
      expect(missingOfficialYears(defaultCalendar, at(now))).toEqual(expected);
    });

    it('judges the date in Shanghai: 2026-10-31T16:00Z is already 1 November there', () => {
      expect(missingOfficialYears(defaultCalendar, new Date('2026-10-31T16:00:00Z'))).toEqual([2027]);
      expect(missingOfficialYears(defaultCalendar, new Date('2026-10-31T15:59:59Z'))).toEqual([]);
    });

    it('does not count a provisional year entered by hand as the notice', () => {
      const withProvisional2027: WorkingCalendar = {
        ...defaultCalendar,
        years: [...defaultCalendar.years, { year: 2027, holidays: [], makeUpWorkdays: [], source: 'provisional' }],
      };
      expect(missingOfficialYears(withProvisional2027, at('2026-12-01 10:00'))).toEqual([2027]);
    });

    it('lets the county warn earlier about next year', () => {
      const options = { nextYearNoticeExpectedFrom: { month: 10, day: 1 } };
      expect(missingOfficialYears(defaultCalendar, at('2026-10-01 08:00'), options)).toEqual([2027]);
    });
  });
});
