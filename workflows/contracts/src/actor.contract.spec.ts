import { ACTOR_ROLE_LABELS, ACTOR_ROLES, actorLabel, isActorRole, type ActorLabelFacts } from './actor.contract';

describe('how a person is named on a case', () => {
  const known = { hallName: '金屯镇', departmentName: '医保局' };

  it.each<[string, ActorLabelFacts, string]>([
    ['a handler by post and name', { role: 'HANDLER', displayName: '张三', ...known }, '经办人 张三'],
    ["a town leader as the leader of the case's hall", { role: 'TOWN_LEADER', displayName: '李四', ...known }, '金屯镇分管领导 李四'],
    ['the county by its bureau', { role: 'COUNTY_SUPERVISOR', displayName: '王五', ...known }, '县行政审批服务局 王五'],
    ['a guide by the department they acted for', { role: 'DEPT_GUIDE', displayName: '赵六', ...known }, '医保局指导员 赵六'],
    ['an admin by post and name', { role: 'ADMIN', displayName: '管理员甲', ...known }, '系统管理员 管理员甲'],
    ['the citizen as the reviewer, never by name', { role: 'CITIZEN', displayName: '张三', ...known }, '评价人'],
    ['the workflow as the system', { role: 'SYSTEM', displayName: null, ...known }, '系统'],
    ['a handler whose account is gone by the post alone', { role: 'HANDLER', displayName: null, ...known }, '经办人'],
    ['a handler with a blank display name by the post alone', { role: 'HANDLER', displayName: '  ', ...known }, '经办人'],
    ['a town leader whose account is gone by the post of the hall', { role: 'TOWN_LEADER', displayName: null, ...known }, '金屯镇分管领导'],
    ['a town leader without a hall name by the role', { role: 'TOWN_LEADER', displayName: '李四', hallName: null, departmentName: null }, '分管领导 李四'],
    ['a guide whose department is unknown by the role', { role: 'DEPT_GUIDE', displayName: '赵六', hallName: null, departmentName: null }, '部门指导员 赵六'],
    ['a step without a role as staff, with the name when known', { role: null, displayName: '张三', ...known }, '工作人员 张三'],
    ['a step without a role or a known account as staff', { role: null, displayName: null, ...known }, '工作人员'],
  ])('names %s', (_case, facts, label) => {
    expect(actorLabel(facts)).toBe(label);
  });

  it('has a label for every role', () => {
    expect(Object.keys(ACTOR_ROLE_LABELS).sort()).toEqual([...ACTOR_ROLES].sort());
  });

  it.each([
    ['HANDLER', true],
    ['CITIZEN', true],
    ['handler', false],
    [undefined, false],
    [1, false],
  ])('knows %p as a role: %p', (value, expected) => {
    expect(isActorRole(value)).toBe(expected);
  });
});
