import { describe, expect, it } from '@jest/globals';
import { userBody, validateUser } from './user-form';

describe('the user form', () => {
  it('sends only the scope the role carries', () => {
    expect(userBody({ username: ' Jintun-2 ', displayName: '张三', role: 'COUNTY_SUPERVISOR', hallCodes: ['jintun'], departmentCodes: ['yibao'] }, 'create')).toEqual({
      username: 'jintun-2',
      displayName: '张三',
      role: 'COUNTY_SUPERVISOR',
      hallCodes: [],
      departmentCodes: [],
      phone: null,
    });
    expect(userBody({ displayName: '李四', role: 'DEPT_GUIDE', hallCodes: ['jintun'], departmentCodes: ['yibao'], username: 'x', phone: ' 138 0000 0003 ' }, 'edit')).toEqual({
      displayName: '李四',
      role: 'DEPT_GUIDE',
      hallCodes: ['jintun'],
      departmentCodes: ['yibao'],
      phone: '138 0000 0003',
    });
  });

  it.each([
    ['a handler without a hall', { username: 'abc', displayName: '王', role: 'HANDLER' as const }, { hallCodes: 'app.rules.users.errors.halls' }],
    ['a guide without a department', { username: 'abc', displayName: '王', role: 'DEPT_GUIDE' as const }, { departmentCodes: 'app.rules.users.errors.departments' }],
    ['a phone that is no mainland mobile', { username: 'abc', displayName: '王', role: 'ADMIN' as const, phone: '6851890' }, { phone: 'app.rules.users.errors.phone' }],
    ['a user name with spaces', { username: 'a b', displayName: '王', role: 'ADMIN' as const }, { username: 'app.rules.users.errors.username' }],
    ['nothing', {}, { username: 'app.rules.users.errors.username', displayName: 'ra.validation.required', role: 'ra.validation.required' }],
  ])('refuses %s', (_name, values, errors) => {
    expect(validateUser(values, 'create')).toEqual(errors);
  });

  it('does not ask for a user name when editing', () => {
    expect(validateUser({ displayName: '王', role: 'ADMIN' }, 'edit')).toEqual({});
  });
});
