import { labelTimeline, timelineLookup, type TimelineCaseFacts, type TimelineEntrySource, type TimelineNames } from './timeline-labels';

describe('naming a case timeline', () => {
  const handlerId = '0b2b6df8-1111-4a4a-8b8b-000000000001';
  const leaderId = '0b2b6df8-1111-4a4a-8b8b-000000000002';
  const guideId = '0b2b6df8-1111-4a4a-8b8b-000000000003';
  const goneId = '0b2b6df8-1111-4a4a-8b8b-000000000009';
  const facts: TimelineCaseFacts = { hallName: '金屯镇', invitedDepartmentCodes: ['yibao', 'renshe'] };
  const names: TimelineNames = {
    accounts: new Map([
      [handlerId, { displayName: '张三', departmentCodes: [] }],
      [leaderId, { displayName: '李四', departmentCodes: [] }],
      [guideId, { displayName: '赵六', departmentCodes: ['minzheng', 'renshe'] }],
    ]),
    departments: new Map([
      ['yibao', '医保局'],
      ['renshe', '人社局'],
    ]),
  };
  const entry = (actor: string, actorRole: string | undefined, action: string, details: Record<string, unknown> = {}): TimelineEntrySource => ({
    actor,
    action,
    details: { ...(actorRole ? { actorRole } : {}), state: 'RECTIFYING', ...details },
  });

  it.each<[string, TimelineEntrySource, string, string]>([
    ['the workflow', entry('system', 'SYSTEM', '差评已受理，交由金屯镇核实'), '系统', '差评已受理，交由金屯镇核实'],
    ['a handler', entry(handlerId, 'HANDLER', '核实属实，定为协调整改'), '经办人 张三', '核实属实，定为协调整改'],
    [
      'a town leader inviting departments',
      entry(leaderId, 'TOWN_LEADER', '邀请县直部门协同整改：yibao、renshe', { departmentCodes: ['yibao', 'renshe'] }),
      '金屯镇分管领导 李四',
      '邀请县直部门协同整改：医保局、人社局',
    ],
    ['a guide giving their input', entry(guideId, 'DEPT_GUIDE', '县直部门（renshe）登记协办意见', { departmentCode: 'renshe' }), '人社局指导员 赵六', '县直部门（人社局）登记协办意见'],
    ['a guide noting, by their invited department', entry(guideId, 'DEPT_GUIDE', '添加备注'), '人社局指导员 赵六', '添加备注'],
    ['the citizen confirming', entry('reviewer', 'CITIZEN', '群众确认满意，办结'), '评价人', '群众确认满意，办结'],
    ['a handler whose account is gone', entry(goneId, 'HANDLER', '添加备注'), '经办人', '添加备注'],
    ['a handler acting under a non-account id', entry('handler-jintun', 'HANDLER', '添加备注'), '经办人', '添加备注'],
    ['an entry without a role from the workflow', { actor: 'system', action: '群众未在确认期限内答复，按无异议办结' }, '系统', '群众未在确认期限内答复，按无异议办结'],
    ['an entry without a role from a person', entry(handlerId, undefined, '添加备注'), '工作人员 张三', '添加备注'],
  ])('names %s', (_case, source, actorLabel, actionLabel) => {
    expect(labelTimeline([source], names, facts)).toEqual([{ ...source, actorLabel, actionLabel, departments: expect.any(Array) as unknown }]);
  });

  it("lists the departments an entry's details name, by name, and keeps the code of one that is gone", () => {
    const [labelled] = labelTimeline([entry(leaderId, 'TOWN_LEADER', '邀请县直部门协同整改：yibao、gone', { departmentCodes: ['yibao', 'gone'] })], names, facts);
    expect(labelled?.departments).toEqual([
      { code: 'yibao', name: '医保局' },
      { code: 'gone', name: 'gone' },
    ]);
    expect(labelled?.actionLabel).toBe('邀请县直部门协同整改：医保局、gone');
  });

  it('replaces a code only where it stands as a whole word', () => {
    const [labelled] = labelTimeline([entry(handlerId, 'HANDLER', '邀请县直部门协同整改：yibao、yibao-2', { departmentCodes: ['yibao'] })], names, facts);
    expect(labelled?.actionLabel).toBe('邀请县直部门协同整改：医保局、yibao-2');
  });

  it('asks for each account once, only ids that can be accounts, and every department the case or its entries name', () => {
    const lookup = timelineLookup(
      [
        entry('system', 'SYSTEM', '差评已受理'),
        entry(handlerId, 'HANDLER', '核实属实'),
        entry(handlerId.toUpperCase(), 'HANDLER', '添加备注'),
        entry('reviewer', 'CITIZEN', '群众确认满意，办结'),
        entry(guideId, 'DEPT_GUIDE', '县直部门（minzheng）登记协办意见', { departmentCode: 'minzheng' }),
      ],
      facts,
    );
    expect(lookup).toEqual({ userIds: [handlerId, guideId], departmentCodes: ['yibao', 'renshe', 'minzheng'] });
  });
});
