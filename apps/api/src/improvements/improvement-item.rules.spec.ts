import type { Actor } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import { allowedImprovementActions, checkImprovementAction, type ImprovementAction, type ImprovementOwner, type ImprovementStatus } from './improvement-item.rules';

const county: Actor = { userId: 'c', role: 'COUNTY_SUPERVISOR', hallCodes: [] };
const admin: Actor = { userId: 'a', role: 'ADMIN', hallCodes: [] };
const ownHandler: Actor = { userId: 'h', role: 'HANDLER', hallCodes: ['jintun'] };
const otherLeader: Actor = { userId: 'l', role: 'TOWN_LEADER', hallCodes: ['zhifang'] };
const guide: Actor = { userId: 'g', role: 'DEPT_GUIDE', hallCodes: [], departmentCodes: ['yibao'] };
const JINTUN: ImprovementOwner = { kind: 'HALL', code: 'jintun' };
const YIBAO: ImprovementOwner = { kind: 'DEPARTMENT', code: 'yibao' };

const outcome = (actor: Actor, action: ImprovementAction, status: ImprovementStatus, owner: ImprovementOwner): string => {
  try {
    return checkImprovementAction(actor, action, status, owner);
  } catch (error) {
    if (error instanceof DomainHttpException) return String(error.getStatus());
    throw error;
  }
};

describe('improvement item transitions (待整改 → 整改中 → 已完成, reopened by the county)', () => {
  it.each<[string, Actor, ImprovementAction, ImprovementStatus, ImprovementOwner, string]>([
    ['the owner hall reports progress on a new item', ownHandler, 'progress', 'PENDING', JINTUN, 'IN_PROGRESS'],
    ['the owner hall reports progress again', ownHandler, 'progress', 'IN_PROGRESS', JINTUN, 'IN_PROGRESS'],
    ['the owner hall reports it done', ownHandler, 'complete', 'IN_PROGRESS', JINTUN, 'DONE'],
    ['done straight from 待整改', ownHandler, 'complete', 'PENDING', JINTUN, 'DONE'],
    ['the owner department’s guide reports it done', guide, 'complete', 'PENDING', YIBAO, 'DONE'],
    ['the county reports for the owner', county, 'progress', 'PENDING', JINTUN, 'IN_PROGRESS'],
    ['the county reopens a done item', county, 'reopen', 'DONE', JINTUN, 'IN_PROGRESS'],
    ['another hall may not report (403)', otherLeader, 'progress', 'PENDING', JINTUN, '403'],
    ['a guide may not report on a hall’s item (403)', guide, 'complete', 'PENDING', JINTUN, '403'],
    ['admins read but do not act (403)', admin, 'complete', 'PENDING', JINTUN, '403'],
    ['the owner may not reopen (403)', ownHandler, 'reopen', 'DONE', JINTUN, '403'],
    ['403 comes before 409: another hall on a done item', otherLeader, 'complete', 'DONE', JINTUN, '403'],
    ['progress on a done item (409)', ownHandler, 'progress', 'DONE', JINTUN, '409'],
    ['done twice (409)', ownHandler, 'complete', 'DONE', JINTUN, '409'],
    ['reopening an open item (409)', county, 'reopen', 'IN_PROGRESS', JINTUN, '409'],
  ])('%s', (_name, actor, action, status, owner, expected) => {
    expect(outcome(actor, action, status, owner)).toBe(expected);
  });

  it.each<[Actor, ImprovementStatus, ImprovementOwner, ImprovementAction[]]>([
    [ownHandler, 'PENDING', JINTUN, ['progress', 'complete']],
    [ownHandler, 'DONE', JINTUN, []],
    [county, 'DONE', JINTUN, ['reopen']],
    [otherLeader, 'PENDING', JINTUN, []],
    [admin, 'IN_PROGRESS', YIBAO, []],
  ])('offers %o on %s the actions the table allows', (actor, status, owner, actions) => {
    expect(allowedImprovementActions(actor, status, owner)).toEqual(actions);
  });
});
