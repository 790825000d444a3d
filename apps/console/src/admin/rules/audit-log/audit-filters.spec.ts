import { describe, expect, it } from '@jest/globals';
import { actionKey, ACTION_GROUP_CHOICES, toInstant } from './audit-filters';

describe('audit log filters', () => {
  it('turns the date-time input into an instant with offset', () => {
    expect(toInstant(new Date('2026-11-28T10:00:00+08:00'))).toBe('2026-11-28T02:00:00.000Z');
    expect(toInstant('2026-11-28T10:00:00Z')).toBe('2026-11-28T10:00:00.000Z');
    expect(toInstant('')).toBeUndefined();
    expect(toInstant('not a date')).toBeUndefined();
  });

  it('names an action by a flat key, and a group by its prefix', () => {
    expect(actionKey('rectification.reviewer.unmask')).toBe('app.rules.audit.actions.rectification_reviewer_unmask');
    expect(ACTION_GROUP_CHOICES[0]).toEqual({ id: 'auth.', name: 'app.rules.audit.groups.auth' });
  });
});
