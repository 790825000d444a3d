import type { WorkingTime } from '@haochaping/working-time';

/** A callback whose stated time lies more than this many working minutes before it was recorded is 补录 (entered late). */
export const BACKFILL_AFTER_WORKING_MINUTES = 60;
/** A call in the call log proves a callback when it was made this close to the stated time, either side. */
export const CALL_MATCH_WINDOW_MS = 10 * 60_000;

export const CALLBACK_PROOF_LABELS = {
  BACKFILLED: '补录',
  VERIFIED: '通话记录已核验',
  UNVERIFIED: '未核验',
} as const;

/** How a stated callback time stands against the review and the moment the system recorded it. */
export type StatedTimeRefusal = 'BEFORE_REVIEW' | 'AFTER_RECORDING';

/**
 * The stated time of a callback must lie between the review and the recording: a reviewer cannot be called back on
 * a review not yet given, and a handler cannot record a call that has not happened yet.
 */
export function statedTimeRefusal(statedAt: Date, reviewedAt: Date, recordedAt: Date): StatedTimeRefusal | null {
  if (statedAt.getTime() < reviewedAt.getTime()) return 'BEFORE_REVIEW';
  if (statedAt.getTime() > recordedAt.getTime()) return 'AFTER_RECORDING';
  return null;
}

/** 补录: the handler recorded the callback more than one working hour (the hall's office time) after the stated time. */
export function isBackfilled(statedAt: Date, recordedAt: Date, workingTime: WorkingTime): boolean {
  if (recordedAt.getTime() <= statedAt.getTime()) return false;
  return workingTime.workingMinutesBetween(statedAt, recordedAt) > BACKFILL_AFTER_WORKING_MINUTES;
}

/** One call of an imported call log, to the number in question. */
export interface LoggedCall {
  readonly calledAt: Date;
  readonly durationSeconds: number;
}

/**
 * Whether the call log shows the callback: a call to the reviewer's number within ±10 minutes of the stated time. A
 * reached callback needs a call that was answered (a duration above zero); an unreached attempt is shown by any call,
 * answered or not (ringing out is the attempt).
 */
export function callLogShowsCallback(statedAt: Date, reached: boolean, calls: readonly LoggedCall[]): boolean {
  return calls.some(
    (call) => Math.abs(call.calledAt.getTime() - statedAt.getTime()) <= CALL_MATCH_WINDOW_MS && (!reached || call.durationSeconds > 0),
  );
}
