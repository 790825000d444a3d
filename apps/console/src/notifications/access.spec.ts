import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../auth/can-access';
import { STAFF_ROLES } from '../auth/session';

describe('消息 access', () => {
  it.each(STAFF_ROLES)('%s reads its notices and changes none as a record (marking read is its own call)', (role) => {
    expect({ list: canAccess(role, 'list', 'notifications'), edit: canAccess(role, 'edit', 'notifications'), delete: canAccess(role, 'delete', 'notifications') }).toEqual({
      list: true,
      edit: false,
      delete: false,
    });
  });

  it('is closed to nobody signed in', () => {
    expect(canAccess(undefined, 'list', 'notifications')).toBe(false);
  });
});
