import { describe, expect, it } from '@jest/globals';
import {
  effectiveOptionCodes,
  emptyDraft,
  REASON_REQUIRED_MESSAGE,
  reasonVisibility,
  toSubmission,
  validateRatingDraft,
  withLevel,
  withOptionToggled,
  type RatingDraft,
  type RatingLevel,
} from './rating-rules';

const draft = (change: Partial<RatingDraft> = {}, mode: 'case-bound' | 'open' = 'case-bound'): RatingDraft => ({ ...emptyDraft(mode), ...change });

describe('which levels show the second-level options', () => {
  it.each<[RatingLevel | null, string]>([
    [null, 'hidden'],
    [1, 'required'],
    [2, 'required'],
    [3, 'optional'],
    [4, 'optional'],
    [5, 'optional'],
  ])('level %p: %s', (level, visibility) => {
    expect(reasonVisibility(level)).toBe(visibility);
  });

  it('sends the ticked options of an optional level only when the citizen opened them', () => {
    expect(effectiveOptionCodes(draft({ level: 4, optionCodes: ['B3'], optionalReasonsOpen: false }))).toEqual([]);
    expect(effectiveOptionCodes(draft({ level: 4, optionCodes: ['B3'], optionalReasonsOpen: true }))).toEqual(['B3']);
  });

  it('keeps ticked options visible when the level moves from 差评 to a better one', () => {
    const bad = withOptionToggled(withLevel(draft(), 2), 'A1');
    const better = withLevel(bad, 3);
    expect(better.optionalReasonsOpen).toBe(true);
    expect(effectiveOptionCodes(better)).toEqual(['A1']);
  });

  it('toggles an option off again', () => {
    expect(withOptionToggled(withOptionToggled(draft({ level: 1 }), 'A1'), 'A1').optionCodes).toEqual([]);
  });
});

describe('the reason a 差评 needs', () => {
  it.each<[string, Partial<RatingDraft>, boolean]>([
    ['level 1 with nothing', { level: 1 }, true],
    ['level 2 with only spaces as comment', { level: 2, comment: '   ' }, true],
    ['level 1 with an option', { level: 1, optionCodes: ['A1'] }, false],
    ['level 2 with a comment', { level: 2, comment: '等了一个小时' }, false],
    ['level 3 with nothing', { level: 3 }, false],
    ['level 5 with nothing', { level: 5 }, false],
  ])('%s → reason required: %p', (_name, change, refused) => {
    expect(validateRatingDraft(draft(change), 'case-bound').reason).toBe(refused ? REASON_REQUIRED_MESSAGE : undefined);
  });

  it('asks for a level before anything else', () => {
    expect(validateRatingDraft(draft(), 'case-bound')).toEqual({ level: '请选择满意程度' });
  });

  it('refuses a comment over 500 characters and says how long it is', () => {
    expect(validateRatingDraft(draft({ level: 4, comment: '很'.repeat(501) }), 'case-bound').comment).toBe('评价内容不能超过 500 字（现在 501 字）');
    expect(validateRatingDraft(draft({ level: 4, comment: '很'.repeat(500) }), 'case-bound').comment).toBeUndefined();
  });
});

describe('the reviewer', () => {
  it('needs a callable phone for a real-name opinion without a case', () => {
    expect(validateRatingDraft(draft({ level: 4, reviewerKind: 'REAL_NAME' }, 'open'), 'open').reviewerPhone).toBe('实名评价请填写手机号，便于工作人员回访');
    expect(validateRatingDraft(draft({ level: 4, reviewerKind: 'REAL_NAME', reviewerPhone: '12345' }, 'open'), 'open').reviewerPhone).toBe('请填写正确的手机号或固定电话');
    expect(validateRatingDraft(draft({ level: 4, reviewerKind: 'REAL_NAME', reviewerPhone: '138 0013 8000' }, 'open'), 'open')).toEqual({});
  });

  it('starts case-bound forms as real-name and open forms as anonymous', () => {
    expect(emptyDraft('case-bound').reviewerKind).toBe('REAL_NAME');
    expect(emptyDraft('open').reviewerKind).toBe('ANONYMOUS');
  });

  it('leaves the reviewer out of a real-name case-bound submission: the API takes the case phone', () => {
    expect(toSubmission(draft({ level: 2, optionCodes: ['B3'], comment: ' 等太久 ' }), 'case-bound', 'key-12345678')).toEqual({
      clientKey: 'key-12345678',
      level: 2,
      optionCodes: ['B3'],
      comment: '等太久',
    });
  });

  it('sends anonymous and real-name reviewers as the contract names them', () => {
    expect(toSubmission(draft({ level: 5, reviewerKind: 'ANONYMOUS' }), 'case-bound', 'k-12345678').reviewer).toEqual({ kind: 'ANONYMOUS' });
    expect(
      toSubmission(draft({ level: 4, reviewerKind: 'REAL_NAME', reviewerPhone: '+86 138-0013-8000', reviewerName: ' 王女士 ' }, 'open'), 'open', 'k-12345678').reviewer,
    ).toEqual({ kind: 'REAL_NAME', phone: '13800138000', name: '王女士' });
  });
});
