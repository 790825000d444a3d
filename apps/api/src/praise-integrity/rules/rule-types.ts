import { localDateOf } from '@haochaping/working-time';

/**
 * What the 刷好评 (coerced praise) rules read of a review: who and where it is about, when it was given, how long
 * after its case was completed, and where it came from. Loaded by praise-integrity.service.ts; the rules are pure.
 */
export interface ReviewFact {
  readonly id: string;
  readonly hallId: string;
  readonly hallCode: string;
  readonly windowId: string | null;
  readonly staffId: string | null;
  /** The case rated (case-bound channels); null for 随时可评 items. */
  readonly caseId: string | null;
  readonly level: number;
  readonly channel: string;
  readonly createdAt: Date;
  /** When the rated case was completed; null without a case. */
  readonly caseCompletedAt: Date | null;
  readonly clientIp: string | null;
  readonly clientDevice: string | null;
}

export type PraiseRule = 'PRAISE_BURST' | 'ONE_SOURCE_MANY_CASES' | 'HALL_NETWORK' | 'TOO_FAST_AFTER_COMPLETION';
export type FlagSubjectKind = 'WINDOW' | 'STAFF' | 'DEVICE' | 'ADDRESS';

/** A suspicion one rule found: one subject on one Shanghai day, with the reviews behind it and what the rule saw. */
export interface Finding {
  readonly rule: PraiseRule;
  readonly subjectKind: FlagSubjectKind;
  readonly subjectKey: string;
  /** Shanghai date of the reviews (YYYY-MM-DD). */
  readonly day: string;
  readonly hallId: string;
  /** In the order they were given. */
  readonly reviewIds: readonly string[];
  readonly evidence: FindingEvidence;
}

export interface FindingEvidence {
  /** The rule's configuration when it found this. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The first and last review's time (ISO). */
  readonly from: string;
  readonly to: string;
  /** One sentence for the county (zh-CN). */
  readonly summary: string;
  /** The hall network the addresses fell in (HALL_NETWORK). */
  readonly network?: string;
}

/** The channels where a citizen rates their own case (一次一评 / 一事一评): nobody may rate on their behalf. */
export const CASE_BOUND_CHANNELS: readonly string[] = ['WINDOW_QR', 'CASE_INVITATION', 'ONLINE_PORTAL'];

/** Seconds from the case's completion to its rating; null without a case. */
export function secondsAfterCompletion(fact: ReviewFact): number | null {
  return fact.caseCompletedAt ? (fact.createdAt.getTime() - fact.caseCompletedAt.getTime()) / 1000 : null;
}

/** The facts grouped by a key (skipping those without one) and the Shanghai day, each group in time order. */
export function groupByKeyAndDay(facts: readonly ReviewFact[], keyOf: (fact: ReviewFact) => string | null): Map<string, { key: string; day: string; facts: ReviewFact[] }> {
  const groups = new Map<string, { key: string; day: string; facts: ReviewFact[] }>();
  for (const fact of facts) {
    const key = keyOf(fact);
    if (key === null) continue;
    const day = localDateOf(fact.createdAt);
    const id = `${key}\u0000${day}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, day, facts: [] }));
    group.facts.push(fact);
  }
  for (const group of groups.values()) group.facts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return groups;
}

/** A finding over a day's facts (in time order). */
export function finding(
  rule: PraiseRule,
  subjectKind: FlagSubjectKind,
  subjectKey: string,
  day: string,
  facts: readonly ReviewFact[],
  config: Readonly<Record<string, unknown>>,
  summary: string,
  extra: Partial<FindingEvidence> = {},
): Finding {
  return {
    rule,
    subjectKind,
    subjectKey,
    day,
    hallId: facts[0].hallId,
    reviewIds: facts.map((fact) => fact.id),
    evidence: { config, from: facts[0].createdAt.toISOString(), to: facts[facts.length - 1].createdAt.toISOString(), summary, ...extra },
  };
}
