import { isBadReview } from '@haochaping/contracts';
import { RATING_PERIOD_WORKING_DAYS, ratingPeriodEndsAt, type ReviewChannel } from '@haochaping/db';
import type { WorkingTime } from '@haochaping/working-time';
import { DomainHttpException } from '../../common/api-error';
import type { OptionSetEntry } from '../master-data/rating-master-data.service';
import { formatChineseDateTime } from '@haochaping/working-time';
import { NATURE_LABELS } from './rating-labels';

/** Channels that rate one case (一次一评 / 一事一评): a case is required, and the rating period applies. */
export const CASE_BOUND_CHANNELS: readonly ReviewChannel[] = ['WINDOW_QR', 'CASE_INVITATION', 'ONLINE_PORTAL'];

/** 随时可评 channels that staff enter (找茬窗口, 意见箱, 热线, 监督平台, 电子邮箱). */
export const STAFF_ENTRY_CHANNELS = ['FAULT_WINDOW', 'MAILBOX', 'HOTLINE', 'SUPERVISION_PLATFORM', 'EMAIL'] as const satisfies readonly ReviewChannel[];
export type StaffEntryChannel = (typeof STAFF_ENTRY_CHANNELS)[number];

/** Shandong's rule: a case may be rated up to 5 working days after its completion, on the hall's calendar. */
// The rating period is shared with the worker's SMS invitations (@haochaping/db rating-invitation.ts).
export { RATING_PERIOD_WORKING_DAYS };

/** Second-level options one rating may pick (the set has at most 10 per nature). */
export const MAX_OPTION_CODES = 10;

export const caseAlreadyRated = (ratedAt: Date) =>
  new DomainHttpException(409, 'CASE_ALREADY_RATED', `该办件已于${formatChineseDateTime(ratedAt)}评价过，每个办件只能评价一次`);

/** The instant the rating period of a case completed at `completedAt` closes: completion + 5 working days. */
export function ratingPeriodClosesAt(workingTime: WorkingTime, completedAt: Date): Date {
  try {
    return ratingPeriodEndsAt(workingTime, completedAt);
  } catch (error) {
    // Only a year with neither a calendar row nor a statutory fallback (before 2025, after 2035) gets here.
    if (!(error instanceof RangeError)) throw error;
    throw new DomainHttpException(422, 'CALENDAR_YEAR_UNAVAILABLE', '该办件办结时间所在年份的节假日安排尚未录入，无法计算评价期限');
  }
}

/** A case may be rated at `at` once it is completed and until its rating period closes (inclusive). */
export function assertRatable(completedAt: Date | null, at: Date, workingTime: WorkingTime): void {
  if (!completedAt || completedAt.getTime() > at.getTime()) {
    throw new DomainHttpException(422, 'CASE_NOT_COMPLETED', '该办件尚未办结，办结后方可评价');
  }
  const closesAt = ratingPeriodClosesAt(workingTime, completedAt);
  if (at.getTime() > closesAt.getTime()) {
    throw new DomainHttpException(
      422,
      'RATING_PERIOD_CLOSED',
      `该办件于${formatChineseDateTime(completedAt)}办结，评价期限为办结后${RATING_PERIOD_WORKING_DAYS}个工作日，已于${formatChineseDateTime(closesAt)}截止`,
    );
  }
}

/** 差评 (levels 1–2) must say why: at least one option or a comment, so the hall knows what to verify. */
export function assertBadReviewHasReason(level: number, optionCodes: readonly string[], comment: string | undefined): void {
  if (isBadReview(level) && optionCodes.length === 0 && !comment) {
    throw new DomainHttpException(422, 'BAD_REVIEW_NEEDS_REASON', '不满意的评价请至少选择一项原因或填写评价内容', [
      { field: 'optionCodes', message: '请选择不满意的原因，或在评价内容中说明' },
    ]);
  }
}

/** Every chosen code must be in the current option set of the nature the rating is about. */
export function assertKnownOptions(optionSet: OptionSetEntry, optionCodes: readonly string[]): void {
  const unknown = optionCodes.filter((code) => !optionSet.codes.has(code));
  if (unknown.length > 0) {
    throw new DomainHttpException(422, 'UNKNOWN_OPTION', '所选评价原因不在当前评价选项中', [
      { field: 'optionCodes', message: `${unknown.join('、')} 不是当前${NATURE_LABELS[optionSet.nature]}评价选项（第 ${optionSet.version} 版）` },
    ]);
  }
}
