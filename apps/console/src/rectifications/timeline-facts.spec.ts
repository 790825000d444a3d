import { describe, expect, it } from '@jest/globals';
import { timelineFacts } from './timeline-facts';

describe('timelineFacts: what a step recorded, for the people deciding next', () => {
  it.each([
    [
      'an extension request: the reason, the date asked for, the contact and what the reviewer said',
      {
        reason: '需协调县医保局调整系统',
        previousDueAt: '2026-12-04T09:00:00.000Z',
        requestedDueAt: '2026-12-11T09:00:00.000Z',
        reviewerContact: { contactedAt: '2026-12-03T02:00:00.000Z', method: 'PHONE', reviewerResponse: '同意延期' },
        resultDueAt: '2026-12-04T09:00:00.000Z',
      },
      [
        { label: '理由', value: '需协调县医保局调整系统' },
        { label: '申请延至', value: '2026-12-11 17:00' },
        { label: '联系评价人', value: '2026-12-03 10:00 电话' },
        { label: '评价人意见', value: '同意延期' },
      ],
    ],
    ['the county’s decision on it: its reason, not the date again', { decision: 'APPROVE', reason: '理由充分', requestedDueAt: '2026-12-11T09:00:00.000Z' }, [{ label: '理由', value: '理由充分' }]],
    ['a 不属实 finding: its evidence', { finding: 'UNTRUE', evidenceNotes: '监控显示未到窗口', callbackDueAt: '2026-12-04T09:00:00.000Z' }, [{ label: '核实证据', value: '监控显示未到窗口' }]],
    ['a rectification: measures and result', { measures: '增开窗口', result: '已增开 2 个窗口' }, [{ label: '整改措施', value: '增开窗口' }, { label: '整改结果', value: '已增开 2 个窗口' }]],
    ['a note', { text: '已电话联系科室' }, [{ label: '备注', value: '已电话联系科室' }]],
    ['a clock step: nothing to read', { obligation: 'callback', dueAt: '2026-12-04T09:00:00.000Z', escalationLevel: 1 }, []],
    ['an anonymous reviewer’s extension (no contact), blank text ignored', { reason: ' ', requestedDueAt: 'not a date', reviewerContact: null }, []],
  ])('%s', (_what, details, expected) => {
    expect(timelineFacts(details)).toEqual(expected);
  });

  it('no details, no facts', () => {
    expect(timelineFacts(null)).toEqual([]);
    expect(timelineFacts(undefined)).toEqual([]);
  });
});
