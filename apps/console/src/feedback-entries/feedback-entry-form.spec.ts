import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../auth/can-access';
import type { StaffRole } from '../auth/session';
import { CHANNEL_CHOICES, feedbackEntryBody, hallsOfStaff, PHONE_MESSAGE, startsRectification, validateFeedbackEntry, type FeedbackEntryValues } from './feedback-entry-form';

const good: FeedbackEntryValues = { channel: 'HOTLINE', hallCode: 'jintun', level: 2, comment: '窗口人员推诿', optionCodes: [] };

describe('登记意见: what the form refuses before sending', () => {
  it.each<[string, FeedbackEntryValues, Record<string, string>]>([
    ['a complete entry without contact', good, {}],
    ['no channel, hall or level', { comment: '内容' }, { channel: '请选择反馈渠道', hallCode: '请选择服务大厅', level: '请选择评价等级' }],
    ['the level as the radio group gives it', { ...good, level: '5' }, {}],
    ['no level chosen in the radio group', { ...good, level: '' }, { level: '请选择评价等级' }],
    ['no text (the API requires it for every staff entry)', { ...good, comment: '  ' }, { comment: '请填写反馈内容' }],
    ['501 characters of text', { ...good, comment: '长'.repeat(501) }, { comment: '评价内容不能超过 500 字（现在 501 字）' }],
    ['eleven reasons', { ...good, optionCodes: Array.from({ length: 11 }, (_, i) => `B${i}`) }, { optionCodes: '评价原因最多选择 10 项' }],
    ['contact given with a fixed line and no name', { ...good, contactGiven: true, contact: { phone: '0537-6851890' } }, {}],
    ['contact given with a name only', { ...good, contactGiven: true, contact: { name: '张先生' } }, {}],
    ['contact given but nothing filled in', { ...good, contactGiven: true, contact: {} }, { 'contact.phone': '留了联系方式时请至少填写姓名或电话；没有留，请关闭“留有联系方式”' }],
    ['a phone that is none (privacy package rule)', { ...good, contactGiven: true, contact: { phone: '1390000000b' } }, { 'contact.phone': PHONE_MESSAGE }],
    ['a bad phone typed, then contact switched off', { ...good, contactGiven: false, contact: { phone: '12' } }, {}],
  ])('%s', (_label, values, errors) => {
    expect(validateFeedbackEntry(values)).toEqual(errors);
  });
});

describe('登记意见: the body sent to POST /api/feedback-entries', () => {
  it('sends the case number, reasons and contact only when given, the phone normalised', () => {
    expect(feedbackEntryBody({ ...good, caseNumber: ' JT-1 ', optionCodes: ['B3'], contactGiven: true, contact: { name: ' 张先生 ', phone: '139 0013 9000' } }, 'key-12345678')).toEqual({
      clientKey: 'key-12345678',
      channel: 'HOTLINE',
      hallCode: 'jintun',
      caseNumber: 'JT-1',
      level: 2,
      optionCodes: ['B3'],
      comment: '窗口人员推诿',
      contact: { name: '张先生', phone: '13900139000' },
    });
  });

  it('sends the level as a number, as the radio group gives it back as text', () => {
    expect(feedbackEntryBody({ ...good, level: '2' }, 'key-12345678')).toMatchObject({ level: 2 });
  });

  it('leaves out a contact typed and then switched off, an empty case number and no reasons', () => {
    expect(feedbackEntryBody({ ...good, caseNumber: '', contactGiven: false, contact: { phone: '13900139000' } }, 'key-12345678')).toEqual({
      clientKey: 'key-12345678',
      channel: 'HOTLINE',
      hallCode: 'jintun',
      level: 2,
      comment: '窗口人员推诿',
    });
  });
});

describe('登记意见: choices and outcome', () => {
  it('offers the five staff channels, the hotline with its number', () => {
    expect(CHANNEL_CHOICES.map((choice) => choice.name)).toEqual(['找茬窗口', '意见箱', '服务热线（6851890）', '监督平台', '电子邮箱']);
  });

  it.each([
    [1, true],
    [2, true],
    [3, false],
    [5, false],
  ])('level %i starts a rectification: %s', (level, starts) => {
    expect(startsRectification(level)).toBe(starts);
  });

  const halls = [{ id: 'jintun' }, { id: 'jiaxiang' }];
  it.each<[StaffRole, string[], string[]]>([
    ['HANDLER', ['jintun'], ['jintun']],
    ['TOWN_LEADER', ['jiaxiang'], ['jiaxiang']],
    ['COUNTY_SUPERVISOR', [], ['jintun', 'jiaxiang']],
    ['ADMIN', [], ['jintun', 'jiaxiang']],
  ])('a %s with halls %j enters for %j', (role, own, expected) => {
    expect(hallsOfStaff(halls, role, own).map((hall) => hall.id)).toEqual(expected);
  });

  it.each<[StaffRole, boolean]>([
    ['HANDLER', true],
    ['TOWN_LEADER', true],
    ['COUNTY_SUPERVISOR', true],
    ['ADMIN', true],
    ['DEPT_GUIDE', false],
  ])('%s opens 登记意见: %s (the API roles)', (role, opens) => {
    expect(canAccess(role, 'list', 'feedback-entries')).toBe(opens);
  });
});
