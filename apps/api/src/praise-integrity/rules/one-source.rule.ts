import { finding, groupByKeyAndDay, type Finding, type FlagSubjectKind, type ReviewFact } from './rule-types';

/** One device or address rating at least `minCases` different cases in a Shanghai day. */
export interface OneSourceConfig {
  readonly minCases: number;
}

/**
 * Rule (b), one device or one address rating several cases: per device key (X-Device-Key of the rating page) and per
 * client address, and Shanghai day, the case ratings (reviews with a rated case) given from it; `minCases` different
 * cases or more is a finding with all of them. Reviews without a case (随时可评) and without a source (portal, staff
 * entries) are not counted.
 */
export function oneSourceManyCases(facts: readonly ReviewFact[], config: OneSourceConfig): Finding[] {
  const ratings = facts.filter((fact) => fact.caseId !== null);
  const subjects: Array<[FlagSubjectKind, (fact: ReviewFact) => string | null, string]> = [
    ['DEVICE', (fact) => fact.clientDevice, '同一设备'],
    ['ADDRESS', (fact) => fact.clientIp, '同一网络地址'],
  ];
  const findings: Finding[] = [];
  for (const [kind, keyOf, what] of subjects) {
    for (const group of groupByKeyAndDay(ratings, keyOf).values()) {
      const cases = new Set(group.facts.map((fact) => fact.caseId)).size;
      if (cases < config.minCases) continue;
      findings.push(finding('ONE_SOURCE_MANY_CASES', kind, group.key, group.day, group.facts, { ...config }, `${what}（${group.key}）当天评价了 ${cases} 个不同的办件（不少于 ${config.minCases} 个即提示）`));
    }
  }
  return findings;
}
