import type { TimelineEntry } from '@haochaping/contracts';
import type { ExchangeSender } from './review-record';

/**
 * A rectification case's facts → the upstream's RECTIFICATION (整改反馈) and REJECTION (不予采纳) records
 * (docs/EXCHANGE.md, "Records"). A fact is one entry of the case's timeline, which the workflow writes and the case
 * projection stores (apps/worker/src/activities/case-projection.sql.ts): the same statement that stores the entry
 * writes its outbox row, keyed by the entry (`caseFactRecordId`), so a re-projection writes no second row. The
 * record itself is built when the row is first sent (exchange.activities.ts) and then kept, like a review's.
 *
 * Which entries are facts (one rule, used when the row is written and when the record is built):
 * - a callback that reached the reviewer (回访: REACHED at the stated time); the callback closed as 无法联系 after
 *   unreached attempts on three working days (UNREACHABLE). A single unreached attempt is not a result.
 * - a verification finding (核实: TRUE, or UNTRUE / MALICIOUS when the handler proposes 不予采纳);
 * - the recorded rectification (整改措施 and 整改结果);
 * - the citizen's confirmation (SATISFIED, UNSATISFIED) or its absence at the end of the window (NO_OBJECTION);
 * - the county approving 不予采纳: a REJECTION record. A denied proposal is no decision to report (the case goes on).
 */

export type CaseFactType = 'RECTIFICATION' | 'REJECTION';

/** What one fact adds to the common fields of its record. */
export type CaseFact =
  | { type: 'RECTIFICATION'; fields: RectificationFields }
  | { type: 'REJECTION'; reason: string };

interface RectificationFields {
  callbackResult?: 'REACHED' | 'UNREACHABLE';
  callbackTime?: string;
  verificationFinding?: 'TRUE' | 'UNTRUE' | 'MALICIOUS';
  measures?: string;
  result?: string;
  confirmation?: 'SATISFIED' | 'UNSATISFIED' | 'NO_OBJECTION';
}

const FINDINGS: readonly string[] = ['TRUE', 'UNTRUE', 'MALICIOUS'];
const ANSWERS: readonly string[] = ['SATISFIED', 'UNSATISFIED'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The fact a timeline entry records for the upstream, or null when it records none (notes, reminders, assignments…). */
export function caseFactOf(entry: Pick<TimelineEntry, 'actor' | 'details'>): CaseFact | null {
  const details = entry.details ?? {};
  if (details.reached === true && text(details.callbackAt)) return { type: 'RECTIFICATION', fields: { callbackResult: 'REACHED', callbackTime: String(details.callbackAt) } };
  if (details.callbackOutcome === 'UNREACHABLE' && text(details.doneAt)) return { type: 'RECTIFICATION', fields: { callbackResult: 'UNREACHABLE', callbackTime: String(details.doneAt) } };
  if (FINDINGS.includes(String(details.finding))) return { type: 'RECTIFICATION', fields: { verificationFinding: details.finding as RectificationFields['verificationFinding'] } };
  const measures = text(details.measures);
  const result = text(details.result);
  if (measures !== undefined && result !== undefined) return { type: 'RECTIFICATION', fields: { measures, result } };
  if (ANSWERS.includes(String(details.answer))) return { type: 'RECTIFICATION', fields: { confirmation: details.answer as 'SATISFIED' | 'UNSATISFIED' } };
  if (details.decision === 'APPROVE') return { type: 'REJECTION', reason: text(details.reason) ?? '' };
  // The window ran out unanswered: the system closes the case, with neither an answer nor a decision.
  if (entry.actor === 'system' && details.state === 'CLOSED' && details.answer === undefined && details.decision === undefined) {
    return { type: 'RECTIFICATION', fields: { confirmation: 'NO_OBJECTION' } };
  }
  return null;
}

/** The wire id of a fact (docs/EXCHANGE.md): `<review id>:result:<seq>`, or `<review id>:rejection` (one per case). */
export function caseFactRecordId(reviewId: string, seq: number, type: CaseFactType): string {
  return type === 'REJECTION' ? `${reviewId}:rejection` : `${reviewId}:result:${seq}`;
}

/** The outbox rows the new timeline entries of a projection owe (timeline[i] has sequence number `from + i`). */
export function caseFactRows(reviewId: string, from: number, timeline: ReadonlyArray<Pick<TimelineEntry, 'actor' | 'details'>>): Array<{ record_id: string; type: CaseFactType; seq: number }> {
  return timeline.flatMap((entry, index) => {
    const fact = caseFactOf(entry);
    if (!fact) return [];
    const seq = from + index;
    return [{ record_id: caseFactRecordId(reviewId, seq, fact.type), type: fact.type, seq }];
  });
}

/** One fact's entry with what its record needs from the case (exchange.activities.ts, CASE_FACTS_FOR_EXCHANGE). */
export interface CaseFactForExchange {
  recordId: string;
  reviewId: string;
  at: Date;
  actor: string;
  details: Record<string, unknown> | null;
  hallCode: string;
  hallName: string;
  /** The finding of the latest 不予采纳 proposal before the entry (UNTRUE or MALICIOUS); null when there is none. */
  proposedFinding: string | null;
}

/** The RECTIFICATION or REJECTION record of docs/EXCHANGE.md; optional fields are left out rather than sent empty. */
export function caseFactRecord(fact: CaseFactForExchange, sender: Pick<ExchangeSender, 'areaCode' | 'dataSource'>): Record<string, unknown> {
  const kind = caseFactOf({ actor: fact.actor, details: fact.details ?? undefined });
  if (!kind) throw new Error(`exchange record ${fact.recordId}: its timeline entry records no result or decision`);
  const common = { type: kind.type, id: fact.recordId, areaCode: sender.areaCode, orgCode: fact.hallCode, orgName: fact.hallName, evaluationId: fact.reviewId };
  const at = fact.at.toISOString();
  if (kind.type === 'RECTIFICATION') return { ...common, ...kind.fields, rectifyTime: at, dataSource: sender.dataSource };
  if (fact.proposedFinding !== 'UNTRUE' && fact.proposedFinding !== 'MALICIOUS') {
    throw new Error(`exchange record ${fact.recordId}: 不予采纳 approved without a finding of UNTRUE or MALICIOUS before it`);
  }
  return { ...common, finding: fact.proposedFinding, reason: kind.reason, decidedTime: at, dataSource: sender.dataSource };
}
