import { createWorkingTime } from '@haochaping/working-time';
import { callLogShowsCallback, isBackfilled, statedTimeRefusal } from './callback-proof.rules';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
// Office hours Mon–Fri 09:00–12:00 and 13:00–17:00 with the official 2026 holidays (劳动节 5/1–5/5, 5/9 a workday).
const workingTime = createWorkingTime();

describe('a callback’s stated time', () => {
  const reviewedAt = at('2026-03-09T10:00:00');
  const recordedAt = at('2026-03-10T15:00:00');

  it.each([
    ['before the review', at('2026-03-09T09:59:59'), 'BEFORE_REVIEW'],
    ['at the review', reviewedAt, null],
    ['between the review and the recording', at('2026-03-10T09:30:00'), null],
    ['at the recording', recordedAt, null],
    ['after the recording', at('2026-03-10T15:00:01'), 'AFTER_RECORDING'],
  ])('%s → %s', (_case, statedAt, refusal) => {
    expect(statedTimeRefusal(statedAt, reviewedAt, recordedAt)).toBe(refusal);
  });
});

describe('补录: recorded more than one working hour after the stated time', () => {
  it.each([
    ['recorded at once', '2026-03-09T10:00:00', '2026-03-09T10:05:00', false],
    ['exactly one working hour later', '2026-03-09T10:00:00', '2026-03-09T11:00:00', false],
    ['61 working minutes later', '2026-03-09T10:00:00', '2026-03-09T11:01:00', true],
    ['over lunch: 11:30 → 13:45 is 75 working minutes', '2026-03-09T11:30:00', '2026-03-09T13:45:00', true],
    ['over lunch: 11:30 → 13:25 is 55 working minutes', '2026-03-09T11:30:00', '2026-03-09T13:25:00', false],
    ['a Saturday call recorded first thing on Monday', '2026-03-07T10:00:00', '2026-03-09T09:30:00', false],
    ['a Friday 16:30 call recorded Monday 09:31 (61 working minutes)', '2026-03-06T16:30:00', '2026-03-09T09:31:00', true],
    ['a call before 劳动节 recorded after it: 4/30 16:50 → 5/6 09:40 is 50 working minutes', '2026-04-30T16:50:00', '2026-05-06T09:40:00', false],
    ['a call before 劳动节 recorded a working day after it', '2026-04-30T16:50:00', '2026-05-07T09:40:00', true],
  ])('%s → %s', (_case, stated, recorded, backfilled) => {
    expect(isBackfilled(at(stated), at(recorded), workingTime)).toBe(backfilled);
  });
});

describe('the call log shows a callback', () => {
  const statedAt = at('2026-03-09T10:00:00');
  const call = (shanghai: string, durationSeconds = 60) => ({ calledAt: at(shanghai), durationSeconds });

  it.each([
    ['a call at the stated time', [call('2026-03-09T10:00:00')], true, true],
    ['a call ten minutes before', [call('2026-03-09T09:50:00')], true, true],
    ['a call ten minutes after', [call('2026-03-09T10:10:00')], true, true],
    ['a call eleven minutes before', [call('2026-03-09T09:49:00')], true, false],
    ['a call eleven minutes after', [call('2026-03-09T10:11:00')], true, false],
    ['no call', [], true, false],
    ['an unanswered call (0 s) for a reached callback', [call('2026-03-09T10:02:00', 0)], true, false],
    ['an unanswered call (0 s) for an unreached attempt', [call('2026-03-09T10:02:00', 0)], false, true],
  ])('%s (reached: %s) → %s', (_case, calls, reached, shown) => {
    expect(callLogShowsCallback(statedAt, reached, calls)).toBe(shown);
  });
});
