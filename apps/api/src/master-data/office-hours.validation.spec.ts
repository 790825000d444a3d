import { checkOfficeHours } from './office-hours.validation';

const DEFAULT_DAY = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

describe('checkOfficeHours', () => {
  it('accepts the default hours and answers them in weekday order, periods sorted, closed days left out', () => {
    const check = checkOfficeHours({ 5: [...DEFAULT_DAY].reverse(), 1: DEFAULT_DAY, 6: [] });
    expect(check).toEqual({ ok: true, officeHours: { 1: DEFAULT_DAY, 5: DEFAULT_DAY } });
  });

  it('accepts a Saturday morning and an evening that ends at 24:00', () => {
    expect(checkOfficeHours({ 6: [{ start: '08:30', end: '11:30' }], 7: [{ start: '20:00', end: '24:00' }] })).toMatchObject({ ok: true });
  });

  it.each([
    ['not an object', [], 'officeHours', '办公时间须按星期（1 = 周一 … 7 = 周日）列出时段'],
    ['a weekday 8', { 8: DEFAULT_DAY }, 'officeHours.8', '“8”不是星期，只能是 1（周一）到 7（周日）'],
    ['a day that is not a list', { 1: '09:00-17:00' }, 'officeHours.1', '周一的办公时间须为时段列表'],
    ['a start that is not HH:MM', { 2: [{ start: '9:00', end: '12:00' }] }, 'officeHours.2.0.start', '周二第 1 个时段的开始时间须为 HH:MM（00:00–24:00）'],
    ['a time past 24:00', { 2: [{ start: '09:00', end: '24:30' }] }, 'officeHours.2.0.end', '周二第 1 个时段的结束时间须为 HH:MM（00:00–24:00）'],
    ['a missing end', { 3: [{ start: '09:00' }] }, 'officeHours.3.0.end', '周三第 1 个时段的结束时间须为 HH:MM（00:00–24:00）'],
    ['an end before the start', { 4: [DEFAULT_DAY[0], { start: '17:00', end: '13:00' }] }, 'officeHours.4.1.end', '周四第 2 个时段的结束时间须晚于开始时间'],
    ['an empty period', { 4: [{ start: '13:00', end: '13:00' }] }, 'officeHours.4.0.end', '周四第 1 个时段的结束时间须晚于开始时间'],
    ['overlapping morning and afternoon', { 5: [{ start: '09:00', end: '13:30' }, { start: '13:00', end: '17:00' }] }, 'officeHours.5', '周五的时段 09:00–13:30 与 13:00–17:00 重叠'],
    ['five periods in a day', { 1: ['08', '10', '12', '14', '16'].map((hour) => ({ start: `${hour}:00`, end: `${hour}:30` })) }, 'officeHours.1', '周一最多 4 个时段'],
    ['a hall that never opens', { 1: [], 7: [] }, 'officeHours', '每周至少要有一天办公，否则任何期限都无法计算'],
  ])('refuses %s with a Chinese message on the field', (_label, value, field, message) => {
    expect(checkOfficeHours(value)).toEqual({ ok: false, errors: [{ field, message }] });
  });

  it('reports every problem at once', () => {
    const check = checkOfficeHours({ 1: [{ start: 'x', end: 'y' }], 9: [] });
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.errors.map((error) => error.field)).toEqual(['officeHours.1.0.start', 'officeHours.1.0.end', 'officeHours.9']);
  });
});
