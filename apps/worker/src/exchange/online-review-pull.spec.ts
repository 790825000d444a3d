import { onlineReviewErrors } from '@haochaping/upstream-sim';
import { intakeBodyOf, malformedItem, type OnlineReviewItem } from './online-review-pull.activities';

/** The feed's item → the intake's body: what the portal's push sends for the same review (IntegrationReviewDto). */
describe('an online review from the feed → the intake body', () => {
  const full: OnlineReviewItem = { evaluationId: 'SD-EVAL-0001', projectNo: 'JX-2026-000123', satisfaction: 2, reasonCodes: ['A1'], text: '网上办理系统卡顿', evaluateTime: '2026-11-30T10:00:00+08:00' };

  it.each<[string, OnlineReviewItem, Record<string, unknown>]>([
    ['every field', full, { clientKey: 'SD-EVAL-0001', caseNumber: 'JX-2026-000123', level: 2, optionCodes: ['A1'], comment: '网上办理系统卡顿', ratedAt: '2026-11-30T10:00:00+08:00' }],
    ['no reasons, no text', { evaluationId: 'SD-EVAL-0002', projectNo: 'JX-1', satisfaction: 5, evaluateTime: '2026-11-30T02:00:00Z' }, { clientKey: 'SD-EVAL-0002', caseNumber: 'JX-1', level: 5, ratedAt: '2026-11-30T02:00:00Z' }],
    ['empty reasons and text are left out', { ...full, reasonCodes: [], text: '' }, { clientKey: 'SD-EVAL-0001', caseNumber: 'JX-2026-000123', level: 2, ratedAt: '2026-11-30T10:00:00+08:00' }],
  ])('%s', (_what, item, body) => {
    expect(onlineReviewErrors(item)).toEqual([]);
    expect(intakeBodyOf(item)).toEqual(body);
  });

  // [what, the item, what the refusal names]: an item with nothing to key or map it by is kept as refused, never sent.
  it.each<[string, unknown, string | null]>([
    ['a well-formed item', full, null],
    ['not an object', 'SD-EVAL-0001', 'not an object'],
    ['null', null, 'not an object'],
    ['no id', { ...full, evaluationId: undefined }, 'missing or malformed: evaluationId'],
    ['an empty case number and no time', { ...full, projectNo: '', evaluateTime: undefined }, 'missing or malformed: projectNo, evaluateTime'],
    ['a satisfaction as text', { ...full, satisfaction: '5' }, 'missing or malformed: satisfaction'],
  ])('%s', (_what, item, refusal) => {
    expect(malformedItem(item)).toBe(refusal);
  });
});
