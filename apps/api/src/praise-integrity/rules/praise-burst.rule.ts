import { finding, groupByKeyAndDay, secondsAfterCompletion, type Finding, type FlagSubjectKind, type ReviewFact } from './rule-types';

/** 非常满意 bursts: at least `minReviews` level-5 ratings within `withinMinutes`, each given within `afterCompletionMinutes` of its case's completion. */
export interface PraiseBurstConfig {
  readonly minReviews: number;
  readonly withinMinutes: number;
  readonly afterCompletionMinutes: number;
}

/**
 * Rule (a), bursts of 非常满意 at one window or one staff member shortly after completion: per window and per staff
 * member and Shanghai day, the level-5 ratings given within `afterCompletionMinutes` of their case's completion; every
 * run of at least `minReviews` of them inside any `withinMinutes` span is a burst. One finding per subject and day,
 * with every review that was in a burst.
 */
export function praiseBursts(facts: readonly ReviewFact[], config: PraiseBurstConfig): Finding[] {
  const candidates = facts.filter((fact) => {
    const seconds = secondsAfterCompletion(fact);
    return fact.level === 5 && seconds !== null && seconds >= 0 && seconds <= config.afterCompletionMinutes * 60;
  });
  const subjects: Array<[FlagSubjectKind, (fact: ReviewFact) => string | null, string]> = [
    ['WINDOW', (fact) => fact.windowId, '同一窗口'],
    ['STAFF', (fact) => fact.staffId, '同一工作人员'],
  ];
  const findings: Finding[] = [];
  for (const [kind, keyOf, where] of subjects) {
    for (const group of groupByKeyAndDay(candidates, keyOf).values()) {
      const inBurst = burstMembers(group.facts, config.minReviews, config.withinMinutes * 60_000);
      if (inBurst.length === 0) continue;
      findings.push(
        finding('PRAISE_BURST', kind, group.key, group.day, inBurst, { ...config }, `${where}在办结后 ${config.afterCompletionMinutes} 分钟内集中收到 ${inBurst.length} 条“非常满意”（${config.withinMinutes} 分钟内不少于 ${config.minReviews} 条）`),
      );
    }
  }
  return findings;
}

/** The facts (in time order) that are in some span of at most `spanMs` holding at least `min` of them. */
function burstMembers(facts: readonly ReviewFact[], min: number, spanMs: number): ReviewFact[] {
  const marked = new Set<number>();
  let end = 0;
  for (let start = 0; start < facts.length; start++) {
    if (end < start) end = start;
    while (end + 1 < facts.length && facts[end + 1].createdAt.getTime() - facts[start].createdAt.getTime() <= spanMs) end++;
    if (end - start + 1 >= min) for (let i = start; i <= end; i++) marked.add(i);
  }
  return facts.filter((_, index) => marked.has(index));
}
