import { describe, expect, it } from '@jest/globals';
import { beijingDateTime, countdown, formatCountdown, nearestDue } from './countdown';

const NOW = Date.parse('2026-11-28T10:00:00+08:00');

describe('countdowns', () => {
  it.each([
    ['2026-11-30T13:00:00+08:00', false, '2天3小时'],
    ['2026-11-28T13:05:00+08:00', false, '3小时05分'],
    ['2026-11-28T10:04:09+08:00', false, '04分09秒'],
    ['2026-11-28T09:00:00+08:00', true, '1小时00分'],
    ['2026-11-25T09:00:00+08:00', true, '3天1小时'],
  ])('until %s: overdue %s, %s', (dueAt, overdue, text) => {
    const left = countdown(dueAt, NOW);
    expect(left.overdue).toBe(overdue);
    expect(formatCountdown(left)).toBe(text);
  });

  it('takes the nearest of the callback and the result', () => {
    expect(nearestDue({ callbackDueAt: '2026-11-28T12:00:00+08:00', resultDueAt: '2026-11-28T11:00:00+08:00' })).toBe('2026-11-28T11:00:00+08:00');
    expect(nearestDue({ callbackDueAt: '2026-11-28T12:00:00+08:00', resultDueAt: null })).toBe('2026-11-28T12:00:00+08:00');
    expect(nearestDue({ callbackDueAt: null, resultDueAt: null })).toBeUndefined();
  });

  it('shows instants in Beijing time whatever their offset', () => {
    expect(beijingDateTime('2026-11-28T02:15:00Z')).toBe('2026-11-28 10:15');
    expect(beijingDateTime(null)).toBe('—');
  });
});
