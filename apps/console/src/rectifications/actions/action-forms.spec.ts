import { describe, expect, it } from '@jest/globals';
import { RECTIFICATION_ACTION_PATHS, type RectificationActionPath } from '@haochaping/contracts';
import { actionBody, beijingInstant, beijingLocalValue, initialValues, STAFF_ACTIONS, validateAction, type ActionFormValues } from './action-forms';

const NOW = new Date('2026-11-28T02:00:00Z'); // 10:00 in Beijing
const now = () => NOW;

describe('action forms', () => {
  it.each<[RectificationActionPath, ActionFormValues, Record<string, string>]>([
    ['verify', { finding: 'TRUE' }, { category: 'ra.validation.required', notes: 'ra.validation.required' }],
    ['verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: '属实' }, {}],
    ['verify', { finding: 'UNTRUE' }, { evidenceNotes: 'ra.validation.required' }],
    ['verify', { finding: 'MALICIOUS', evidenceNotes: '监控录像显示' }, {}],
    ['verify', {}, { finding: 'ra.validation.required' }],
    ['record-callback', { at: '2026-11-28T09:30', method: 'PHONE', reached: true, summary: '已致电' }, { initialReply: 'ra.validation.required' }],
    ['record-callback', { at: '2026-11-28T09:30', method: 'PHONE', reached: false, summary: '无人接听' }, {}],
    ['record-callback', { at: '2026-11-28T11:30', method: 'PHONE', reached: false, summary: '无人接听' }, { at: 'app.action.errors.in_future' }],
    ['record-callback', { at: 'yesterday', method: 'PHONE', reached: false, summary: '   ' }, { at: 'app.action.errors.date_time', summary: 'ra.validation.required' }],
    ['record-rectification', { measures: '增开窗口', result: '' }, { result: 'ra.validation.required' }],
    ['record-rectification', { measures: 'x'.repeat(2001), result: '好' }, { measures: 'app.action.errors.too_long' }],
    ['decide-rejection', { decision: 'APPROVE' }, { reason: 'ra.validation.required' }],
    ['decide-extension', { reason: '同意' }, { decision: 'ra.validation.required' }],
    ['request-extension', { reason: '需协调医保局', newDueAt: '2026-11-27T17:00' }, { newDueAt: 'app.action.errors.not_in_future' }],
    [
      'request-extension',
      { reason: '需协调医保局', newDueAt: '2026-12-05T17:00', contactMethod: 'PHONE' },
      { contactedAt: 'app.action.errors.contact_incomplete', reviewerResponse: 'app.action.errors.contact_incomplete' },
    ],
    ['request-extension', { reason: '需协调医保局', newDueAt: '2026-12-05T17:00' }, {}],
    ['invite-departments', { departmentCodes: 'yibao，人社' }, { departmentCodes: 'app.action.errors.department_codes' }],
    ['add-note', { text: '' }, { text: 'ra.validation.required' }],
    ['reassign', { reason: '休假' }, { assigneeUserId: 'ra.validation.required' }],
    ['reassign', { assigneeUserId: 'u2' }, {}],
  ])('%s with %j → %j', (action, values, errors) => {
    expect(validateAction(action, values, now)).toEqual(errors);
  });

  it('sends what the API expects, instants in Beijing time', () => {
    expect(actionBody('verify', { finding: 'TRUE', category: 'TIME_LIMITED', notes: ' 属实 ', evidenceNotes: '忽略' })).toEqual({ finding: 'TRUE', category: 'TIME_LIMITED', notes: '属实' });
    expect(actionBody('verify', { finding: 'UNTRUE', category: 'TIME_LIMITED', evidenceNotes: '录像' })).toEqual({ finding: 'UNTRUE', evidenceNotes: '录像' });
    expect(actionBody('record-callback', { at: '2026-11-28T09:30', method: 'PHONE', reached: false, summary: '无人接听', initialReply: '忽略' })).toEqual({
      at: '2026-11-28T09:30:00+08:00',
      method: 'PHONE',
      reached: false,
      summary: '无人接听',
    });
    expect(actionBody('invite-departments', { departmentCodes: 'yibao, renshe，yibao' })).toEqual({ departmentCodes: ['yibao', 'renshe'] });
    expect(actionBody('reassign', { assigneeUserId: 'u2', reason: ' 休假 ' })).toEqual({ assignee: { userId: 'u2' }, reason: '休假' });
  });

  it('reads and writes datetime-local values as Beijing time', () => {
    expect(beijingInstant('2026-02-30T10:00')).toBeUndefined();
    expect(beijingInstant('2026-11-28T10:00')).toBe('2026-11-28T10:00:00+08:00');
    expect(beijingInstant('2026-11-28T10:00:30')).toBe('2026-11-28T10:00:30+08:00');
    expect(beijingLocalValue(NOW)).toBe('2026-11-28T10:00:00');
    expect(initialValues('record-callback', NOW)).toEqual({ at: '2026-11-28T10:00:00', method: 'PHONE', reached: true });
  });

  it('draws a form for every action staff may take: each path of the shared model but the citizen’s confirm', () => {
    expect([...STAFF_ACTIONS, 'confirm'].sort()).toEqual(Object.values(RECTIFICATION_ACTION_PATHS).sort());
  });
});
