import { DEFAULT_OFFICE_HOURS, standardWorkingDayMinutes } from './office-hours';
import type { OfficeHours } from './types';

const morning = { start: '09:00', end: '12:00' };
const afternoon = { start: '13:00', end: '17:00' };

describe('standardWorkingDayMinutes', () => {
  it.each<[string, OfficeHours, number]>([
    ['the default hours: 7 hours', DEFAULT_OFFICE_HOURS, 420],
    ['summer hours 08:30–12:00 and 14:00–17:30', { 1: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }] }, 420],
    ['one unbroken 09:00–17:00 day', { 1: [{ start: '09:00', end: '17:00' }] }, 480],
    ['the fullest weekday when Monday is short', { 1: [morning], 2: [morning, { start: '13:00', end: '18:00' }] }, 480],
    ['a short Friday does not shrink the day', { ...DEFAULT_OFFICE_HOURS, 5: [morning] }, 420],
    ['a hall open only on Saturday mornings', { 6: [morning] }, 180],
    ['a hall closed on Mondays', { 2: [morning, afternoon], 3: [morning] }, 420],
  ])('is %s → %i', (_label, officeHours, expected) => {
    expect(standardWorkingDayMinutes(officeHours)).toBe(expected);
  });

  it('refuses office hours with no office time at all', () => {
    expect(() => standardWorkingDayMinutes({})).toThrow(RangeError);
  });
});
