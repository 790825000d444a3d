import { describe, expect, it } from '@jest/globals';
import { canAccess } from './can-access';
import { passwordProblem, validateChangePassword } from './password-rules';
import type { StaffRole } from './session';

describe('canAccess', () => {
  it.each<[StaffRole | undefined, string, string, boolean]>([
    ['HANDLER', 'list', 'rectifications', true],
    ['HANDLER', 'show', 'cases', true],
    ['HANDLER', 'delete', 'rectifications', false],
    ['COUNTY_SUPERVISOR', 'edit', 'cases', false],
    ['HANDLER', 'list', 'users', false],
    [undefined, 'list', 'rectifications', false],
  ])('%s may %s %s: %s', (role, action, resource, allowed) => {
    expect(canAccess(role, action, resource)).toBe(allowed);
  });
});

describe('the change-password form', () => {
  it.each([
    ['short1', 'app.password.too_short'],
    ['onlyletterslong', 'app.password.letters_and_digits'],
    ['1234567890', 'app.password.letters_and_digits'],
    ['Long-enough-2026', undefined],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('wants the current password, a new one that differs, typed twice the same', () => {
    expect(validateChangePassword({})).toEqual({ currentPassword: 'ra.validation.required', newPassword: 'ra.validation.required' });
    expect(validateChangePassword({ currentPassword: 'Haochaping2026', newPassword: 'Haochaping2026', confirmPassword: 'Haochaping2026' })).toEqual({
      newPassword: 'app.password.same_as_current',
    });
    expect(validateChangePassword({ currentPassword: 'Haochaping2026', newPassword: 'New-password-1', confirmPassword: 'New-password-2' })).toEqual({
      confirmPassword: 'app.password.mismatch',
    });
    expect(validateChangePassword({ currentPassword: 'Haochaping2026', newPassword: 'New-password-1', confirmPassword: 'New-password-1' })).toEqual({});
  });
});
