import { describe, expect, it } from '@jest/globals';
import { DEFAULT_OFFICE_HOURS, hallBody, hallFormValues, validateHallForm } from './hall-form';
import { daysBeyondTwoPeriods, describeOfficeHours, fromOfficeDayRows, officeDayRowsErrors, toOfficeDayRows, type OfficeDayRow } from './office-hours-form';

const MORNING = { start: '09:00', end: '12:00' };
const AFTERNOON = { start: '13:00', end: '17:00' };
const DEFAULT_HOURS = { 1: [MORNING, AFTERNOON], 2: [MORNING, AFTERNOON], 3: [MORNING, AFTERNOON], 4: [MORNING, AFTERNOON], 5: [MORNING, AFTERNOON] };
const ERR = 'app.masterData.officeHours.errors';

/** Seven closed days with the given rows filled in. */
const week = (filled: Partial<Record<number, Omit<OfficeDayRow, 'weekday'>>>): OfficeDayRow[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...(filled[weekday] ?? {}) }));

describe('office hours form', () => {
  it('shows the stored hours as a morning and an afternoon per weekday, and stores them back unchanged', () => {
    const rows = toOfficeDayRows(DEFAULT_HOURS);
    expect(rows[0]).toEqual({ weekday: 1, morningStart: '09:00', morningEnd: '12:00', afternoonStart: '13:00', afternoonEnd: '17:00' });
    expect(rows[6]).toEqual({ weekday: 7 });
    expect(fromOfficeDayRows(rows)).toEqual(DEFAULT_HOURS);
  });

  it('puts a lone period that starts at noon or later in the afternoon, and an earlier one in the morning', () => {
    const rows = toOfficeDayRows({ 6: [{ start: '14:00', end: '17:00' }], 7: [{ start: '08:30', end: '11:30' }] });
    expect(rows[5]).toEqual({ weekday: 6, afternoonStart: '14:00', afternoonEnd: '17:00' });
    expect(rows[6]).toEqual({ weekday: 7, morningStart: '08:30', morningEnd: '11:30' });
  });

  it('leaves closed days and empty periods out of what it stores', () => {
    expect(fromOfficeDayRows(week({ 2: { afternoonStart: '13:30', afternoonEnd: '18:00', morningStart: '', morningEnd: null } }))).toEqual({ 2: [{ start: '13:30', end: '18:00' }] });
  });

  it('finds the days the form cannot show in full', () => {
    expect(daysBeyondTwoPeriods({ 3: [MORNING, AFTERNOON, { start: '18:00', end: '20:00' }] })).toEqual([3]);
    expect(daysBeyondTwoPeriods(DEFAULT_HOURS)).toEqual([]);
  });

  it.each<[string, Partial<Record<number, Omit<OfficeDayRow, 'weekday'>>>, number, Record<string, string>]>([
    ['the default day', { 1: { morningStart: '09:00', morningEnd: '12:00', afternoonStart: '13:00', afternoonEnd: '17:00' } }, 0, {}],
    ['a morning only', { 6: { morningStart: '09:00', morningEnd: '12:00' } }, 5, {}],
    ['a start without an end', { 1: { morningStart: '09:00' } }, 0, { morningEnd: `${ERR}.incomplete` }],
    ['an end before the start', { 2: { afternoonStart: '17:00', afternoonEnd: '13:00' } }, 1, { afternoonEnd: `${ERR}.end_before_start` }],
    ['a time that is not HH:MM', { 3: { morningStart: '9点', morningEnd: '12:00' } }, 2, { morningStart: `${ERR}.time` }],
    ['an afternoon that starts before the morning ends', { 4: { morningStart: '09:00', morningEnd: '13:30', afternoonStart: '13:00', afternoonEnd: '17:00' } }, 3, { afternoonStart: `${ERR}.overlap` }],
    ['a week without an open day', {}, 0, { morningStart: `${ERR}.never_open` }],
  ])('%s', (_label, filled, row, expected) => {
    expect(officeDayRowsErrors(week(filled))[row]).toEqual(expected);
  });

  it.each([
    [DEFAULT_HOURS, '周一至周五 09:00–12:00、13:00–17:00'],
    [{ ...DEFAULT_HOURS, 6: [MORNING] }, '周一至周五 09:00–12:00、13:00–17:00；周六 09:00–12:00'],
    [{ 1: [MORNING], 2: [MORNING], 4: [MORNING] }, '周一、周二 09:00–12:00；周四 09:00–12:00'],
    [{}, ''],
  ])('describes %j as %s', (hours, text) => {
    expect(describeOfficeHours(hours)).toBe(text);
  });
});

describe('hall form', () => {
  it('starts a new hall with the default hours and sends them with the code', () => {
    const values = { ...hallFormValues(), code: ' shiyan ', name: ' 试验镇 ' };
    expect(validateHallForm(values, true)).toEqual({});
    expect(hallBody(values, true)).toEqual({ code: 'shiyan', name: '试验镇', kind: 'TOWN', officeHours: DEFAULT_OFFICE_HOURS });
  });

  it('refuses a code the API would refuse and sends no code when editing', () => {
    expect(validateHallForm({ ...hallFormValues(), code: 'Shi-Yan', name: '试验镇' }, true)).toEqual({ code: 'app.masterData.errors.hall_code' });
    expect(hallBody({ ...hallFormValues({ code: 'jintun', name: '金屯镇', kind: 'TOWN', officeHours: DEFAULT_HOURS }) }, false)).toEqual({
      name: '金屯镇',
      kind: 'TOWN',
      officeHours: DEFAULT_HOURS,
    });
  });

  it('puts office-hours errors on their row', () => {
    const values = hallFormValues({ code: 'jintun', name: '金屯镇', kind: 'TOWN', officeHours: DEFAULT_HOURS });
    const rows = values.weeklyHours ?? [];
    rows[0] = { ...rows[0], weekday: 1, afternoonEnd: '12:30' };
    const errors = validateHallForm({ ...values, weeklyHours: rows }, false);
    expect((errors.weeklyHours as object[])[0]).toEqual({ afternoonEnd: `${ERR}.end_before_start` });
  });
});
