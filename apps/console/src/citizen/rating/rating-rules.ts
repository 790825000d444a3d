// What the rating form shows and refuses, as pure functions: the components render these answers, and
// rating-rules.spec.ts pins them down. The API applies the same rules again (422 BAD_REVIEW_NEEDS_REASON …).
import type { ReviewerKind, ReviewSubmission } from '../api/citizen-api';
import { isBadReview, REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewLevel } from '@haochaping/contracts';
import { isContactPhone, normalizePhone } from '@haochaping/privacy';

/** Level 1 (一级) of the national standard, best first, as the stars show them. */
export const RATING_LEVELS = REVIEW_LEVELS.map((level) => ({ level, name: REVIEW_LEVEL_LABELS[level] }));

export type RatingLevel = ReviewLevel;

export const COMMENT_MAX_LENGTH = 500;
export const REVIEWER_NAME_MAX_LENGTH = 50;

/**
 * How the second-level options (不满意的原因) appear for a level: not before a level is chosen; open and
 * required (an option or a comment) for 差评; behind a "选填" button for the others.
 */
export type ReasonVisibility = 'hidden' | 'required' | 'optional';

export function reasonVisibility(level: number | null): ReasonVisibility {
  if (level === null) return 'hidden';
  return isBadReview(level) ? 'required' : 'optional';
}

export interface RatingDraft {
  level: RatingLevel | null;
  optionCodes: string[];
  /** For levels 3–5: the citizen opened the optional options. */
  optionalReasonsOpen: boolean;
  comment: string;
  reviewerKind: ReviewerKind;
  reviewerName: string;
  reviewerPhone: string;
}

/**
 * `case-bound`: the window QR and invitation channels, where the case already has the applicant's phone
 * (real-name means "with the case's phone", so the form asks for nothing more). `open`: 随时可评, where a
 * real-name reviewer gives a phone to be called back on.
 */
export type ReviewerMode = 'case-bound' | 'open';

export function emptyDraft(mode: ReviewerMode): RatingDraft {
  return {
    level: null,
    optionCodes: [],
    optionalReasonsOpen: false,
    comment: '',
    // The contract's default for case-bound reviews is real-name; leaving contact details elsewhere is a choice.
    reviewerKind: mode === 'case-bound' ? 'REAL_NAME' : 'ANONYMOUS',
    reviewerName: '',
    reviewerPhone: '',
  };
}

/** Changing the level keeps what was ticked, and keeps it visible (so nothing is sent that the citizen cannot see). */
export function withLevel(draft: RatingDraft, level: RatingLevel): RatingDraft {
  const optionalReasonsOpen = draft.optionalReasonsOpen || (!isBadReview(level) && draft.optionCodes.length > 0);
  return { ...draft, level, optionalReasonsOpen };
}

export function withOptionToggled(draft: RatingDraft, code: string): RatingDraft {
  const optionCodes = draft.optionCodes.includes(code) ? draft.optionCodes.filter((c) => c !== code) : [...draft.optionCodes, code];
  return { ...draft, optionCodes };
}

/** The option codes that count: only those the citizen can see. */
export function effectiveOptionCodes(draft: RatingDraft): string[] {
  const visibility = reasonVisibility(draft.level);
  if (visibility === 'required' || (visibility === 'optional' && draft.optionalReasonsOpen)) return draft.optionCodes;
  return [];
}

export const REASON_REQUIRED_MESSAGE = '差评请至少选择一项不满意的原因，或填写评价内容';

export type RatingField = 'level' | 'reason' | 'comment' | 'reviewerName' | 'reviewerPhone';
export type RatingErrors = Partial<Record<RatingField, string>>;

export function validateRatingDraft(draft: RatingDraft, mode: ReviewerMode): RatingErrors {
  const errors: RatingErrors = {};
  if (draft.level === null) errors.level = '请选择满意程度';
  else if (isBadReview(draft.level) && effectiveOptionCodes(draft).length === 0 && draft.comment.trim() === '') {
    errors.reason = REASON_REQUIRED_MESSAGE;
  }
  const commentLength = draft.comment.trim().length;
  if (commentLength > COMMENT_MAX_LENGTH) errors.comment = `评价内容不能超过 ${COMMENT_MAX_LENGTH} 字（现在 ${commentLength} 字）`;
  if (mode === 'open' && draft.reviewerKind === 'REAL_NAME') {
    if (draft.reviewerPhone.trim() === '') errors.reviewerPhone = '实名评价请填写手机号，便于工作人员回访';
    else if (!isContactPhone(draft.reviewerPhone)) errors.reviewerPhone = '请填写正确的手机号或固定电话';
    if (draft.reviewerName.trim().length > REVIEWER_NAME_MAX_LENGTH) errors.reviewerName = `称呼不能超过 ${REVIEWER_NAME_MAX_LENGTH} 字`;
  }
  return errors;
}

export const hasErrors = (errors: RatingErrors): boolean => Object.keys(errors).length > 0;

/** The body fields common to every channel (POST /api/public/reviews); call only with a valid draft. */
export function toSubmission(draft: RatingDraft, mode: ReviewerMode, clientKey: string): ReviewSubmission {
  if (draft.level === null) throw new Error('toSubmission needs a level: validate the draft first');
  const optionCodes = effectiveOptionCodes(draft);
  const comment = draft.comment.trim();
  const submission: ReviewSubmission = { clientKey, level: draft.level };
  if (optionCodes.length > 0) submission.optionCodes = optionCodes;
  if (comment !== '') submission.comment = comment;
  if (draft.reviewerKind === 'ANONYMOUS') submission.reviewer = { kind: 'ANONYMOUS' };
  else if (mode === 'open') {
    const name = draft.reviewerName.trim();
    submission.reviewer = { kind: 'REAL_NAME', phone: normalizePhone(draft.reviewerPhone), ...(name ? { name } : {}) };
  }
  // case-bound and real-name: no reviewer, the API takes the case's phone (docs/INTAKE-API.md).
  return submission;
}
