import type { Actor, ActorRole, RectificationState } from '@haochaping/contracts';
import { allowedActions } from './rectification-action';

const actor = (role: ActorRole, hallCodes: string[] = ['jintun']): Actor => ({ userId: 'u-1', role, hallCodes });

describe('allowedActions: what the console offers the calling user', () => {
  // [who, state, callback still owed, offered actions]
  const cases: Array<[string, Actor, RectificationState, boolean, string[]]> = [
    ['the hall handler, to verify', actor('HANDLER'), 'PENDING_VERIFICATION', false, ['verify']],
    ['the hall handler, to verify and call back', actor('HANDLER'), 'PENDING_VERIFICATION', true, ['verify', 'record-callback']],
    ["another hall's handler: nothing", actor('HANDLER', ['macun']), 'PENDING_VERIFICATION', true, []],
    ['the county supervisor, to decide a rejection', actor('COUNTY_SUPERVISOR', []), 'REJECTION_PENDING', false, ['decide-rejection']],
    ['the handler, a rejection pending: nothing but a callback', actor('HANDLER'), 'REJECTION_PENDING', true, ['record-callback']],
    ['the town leader, rectifying', actor('TOWN_LEADER'), 'RECTIFYING', false, ['record-rectification']],
    ['the citizen, awaiting confirmation', actor('CITIZEN', []), 'AWAITING_CONFIRMATION', false, ['confirm']],
    ['the citizen, before the result', actor('CITIZEN', []), 'RECTIFYING', false, []],
    ['an admin: never', actor('ADMIN', []), 'PENDING_VERIFICATION', true, []],
    ['anyone, closed: nothing', actor('COUNTY_SUPERVISOR', []), 'CLOSED', true, []],
  ];

  it.each(cases)('%s', (_label, who, state, callbackOpen, expected) => {
    expect(allowedActions(who, { state, hallCode: 'jintun', callbackOpen })).toEqual(expected);
  });
});
