import { finding, groupByKeyAndDay, secondsAfterCompletion, type Finding, type ReviewFact } from './rule-types';

/** At least `minReviews` ratings at one window in a day, each given at most `maxSecondsAfterCompletion` after its case's completion. */
export interface TooFastConfig {
  readonly maxSecondsAfterCompletion: number;
  readonly minReviews: number;
}

/**
 * Rule (d), ratings submitted seconds after completion at a rate no citizen manages: a citizen needs time to scan
 * the code or open the link and answer; one rating that fast may be a quick citizen, `minReviews` of them at one
 * window in a Shanghai day are not. One finding per window and day, with those ratings.
 */
export function tooFastAfterCompletion(facts: readonly ReviewFact[], config: TooFastConfig): Finding[] {
  const fast = facts.filter((fact) => {
    const seconds = secondsAfterCompletion(fact);
    return seconds !== null && seconds >= 0 && seconds <= config.maxSecondsAfterCompletion;
  });
  return [...groupByKeyAndDay(fast, (fact) => fact.windowId).values()]
    .filter((group) => group.facts.length >= config.minReviews)
    .map((group) =>
      finding('TOO_FAST_AFTER_COMPLETION', 'WINDOW', group.key, group.day, group.facts, { ...config }, `同一窗口当天有 ${group.facts.length} 条评价在办结后 ${config.maxSecondsAfterCompletion} 秒内提交（不少于 ${config.minReviews} 条即提示）`),
    );
}
