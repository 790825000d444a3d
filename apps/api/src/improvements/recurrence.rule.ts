/**
 * 优化清单's recurrence rule (issue 14), pure so that its table-driven spec pins it:
 *
 * - Only bad reviews count (levels 1–2, adopted): the second-level reasons are asked of bad reviews alone, and a
 *   review the county found untrue or malicious (不予采纳) is no evidence of a procedure to fix.
 * - What recurs: a reason code the reviewer chose (OPTION), or a theme of the free text (THEME): an admin-configured
 *   label with keywords, matched as plain substrings of the comment (case-insensitive); a review matches a theme once
 *   however many of its keywords it contains. No language model, no stemming: what an admin typed is what is matched.
 * - Grouped per hall and service item (reviews without an item, such as 随时可评 feedback on a hall, form their own
 *   group "-"): the recurrence key `hall|item|OPTION:B3` or `hall|item|THEME:排队等候时间长`.
 * - Counted over the period: the `periodDays` × 24 hours up to now, the start excluded and now included.
 * - Proposed when the count is at least `minCount`.
 * - Idempotent: a key with an open item is not proposed at all; after a dismissal or an item's completion only
 *   reviews after that moment count, so the same reviews never make the same proposal twice.
 */

export const REASON_KINDS = ['OPTION', 'THEME'] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export interface RecurrenceTheme {
  label: string;
  keywords: string[];
}

export interface RecurrenceSettings {
  /** How many bad reviews with the same reason make a proposal (at least). */
  minCount: number;
  /** The period counted, in days back from now. */
  periodDays: number;
  themes: RecurrenceTheme[];
}

/** A bad review as the rule reads it. */
export interface RecurrenceReview {
  id: string;
  hallCode: string;
  serviceItemCode: string | null;
  level: number;
  adopted: boolean;
  optionCodes: readonly string[];
  comment: string | null;
  createdAt: Date;
}

/** What has been decided about a key already. */
export interface RecurrenceDecision {
  key: string;
  /** An item for the key is open (待整改 or 整改中). */
  open: boolean;
  /** The last dismissal or completion: only reviews after it count again. */
  decidedAt: Date | null;
}

export interface RecurrenceProposal {
  key: string;
  hallCode: string;
  serviceItemCode: string | null;
  reasonKind: ReasonKind;
  /** The option code, or the theme's label. */
  reasonCode: string;
  /** The reviews counted, oldest first. */
  reviewIds: string[];
  count: number;
  firstAt: Date;
  lastAt: Date;
}

const DAY_MS = 24 * 3_600_000;
const NO_ITEM = '-';

export function recurrenceKey(hallCode: string, serviceItemCode: string | null, kind: ReasonKind, code: string): string {
  return `${hallCode}|${serviceItemCode ?? NO_ITEM}|${kind}:${code}`;
}

export function periodStart(now: Date, periodDays: number): Date {
  return new Date(now.getTime() - periodDays * DAY_MS);
}

export function isBadReview(review: Pick<RecurrenceReview, 'level' | 'adopted'>): boolean {
  return review.adopted && review.level <= 2;
}

/** The themes a comment matches (each once). */
export function matchedThemes(comment: string | null, themes: readonly RecurrenceTheme[]): string[] {
  if (!comment) return [];
  const text = comment.toLowerCase();
  return themes.filter((theme) => theme.keywords.some((keyword) => keyword.trim() !== '' && text.includes(keyword.trim().toLowerCase()))).map((theme) => theme.label);
}

/** The proposals at `now`, most reviews first (then by key, so the order is stable). */
export function proposeRecurrences(reviews: readonly RecurrenceReview[], settings: RecurrenceSettings, decisions: readonly RecurrenceDecision[], now: Date): RecurrenceProposal[] {
  const from = periodStart(now, settings.periodDays);
  const decided = new Map(decisions.map((decision) => [decision.key, decision]));
  const groups = new Map<string, { proposal: Omit<RecurrenceProposal, 'count' | 'firstAt' | 'lastAt'>; reviews: RecurrenceReview[] }>();
  const add = (review: RecurrenceReview, reasonKind: ReasonKind, reasonCode: string) => {
    const key = recurrenceKey(review.hallCode, review.serviceItemCode, reasonKind, reasonCode);
    const decision = decided.get(key);
    if (decision?.open) return;
    if (decision?.decidedAt && review.createdAt <= decision.decidedAt) return;
    const group = groups.get(key) ?? { proposal: { key, hallCode: review.hallCode, serviceItemCode: review.serviceItemCode, reasonKind, reasonCode, reviewIds: [] }, reviews: [] };
    group.reviews.push(review);
    groups.set(key, group);
  };
  for (const review of reviews) {
    if (!isBadReview(review) || review.createdAt <= from || review.createdAt > now) continue;
    for (const code of new Set(review.optionCodes)) add(review, 'OPTION', code);
    for (const label of matchedThemes(review.comment, settings.themes)) add(review, 'THEME', label);
  }
  const proposals: RecurrenceProposal[] = [];
  for (const { proposal, reviews: counted } of groups.values()) {
    if (counted.length < settings.minCount) continue;
    const sorted = [...counted].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    proposals.push({
      ...proposal,
      reviewIds: sorted.map((review) => review.id),
      count: sorted.length,
      firstAt: sorted[0].createdAt,
      lastAt: sorted[sorted.length - 1].createdAt,
    });
  }
  return proposals.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
