import { CALLBACK_METHOD_LABELS, type CallbackMethod } from '@haochaping/contracts';
import { beijingDateTime } from '../shared/countdown';

/** One thing a step recorded, as a person reads it: 理由：排队时间过长. */
export interface TimelineFact {
  readonly label: string;
  readonly value: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const instant = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? beijingDateTime(value) : null);

/**
 * The words a step recorded (its timeline entry's details) that the people deciding next need to read: the
 * reason of an extension request and what the reviewer said to it, the evidence of a 不属实 finding, the measures
 * and result of a rectification, a note's text, a decision's reason. Deadlines and ids stay out (the case shows them).
 * In this order; a step shows only the ones it has.
 */
const FACTS: ReadonlyArray<{ label: string; read: (details: Record<string, unknown>) => string | null }> = [
  { label: '核实情况', read: (d) => text(d.notes) },
  { label: '核实证据', read: (d) => text(d.evidenceNotes) },
  { label: '回访摘要', read: (d) => text(d.summary) },
  { label: '初步答复', read: (d) => text(d.initialReply) },
  { label: '整改措施', read: (d) => text(d.measures) },
  { label: '整改结果', read: (d) => text(d.result) },
  { label: '理由', read: (d) => text(d.reason) },
  { label: '申请延至', read: (d) => (d.decision === undefined ? instant(d.requestedDueAt) : null) },
  {
    label: '联系评价人',
    read: (d) => {
      const contact = d.reviewerContact as { contactedAt?: unknown; method?: unknown } | null | undefined;
      if (!contact) return null;
      const method = CALLBACK_METHOD_LABELS[contact.method as CallbackMethod] ?? null;
      return [instant(contact.contactedAt), method].filter(Boolean).join(' ') || null;
    },
  },
  { label: '评价人意见', read: (d) => text((d.reviewerContact as { reviewerResponse?: unknown } | null | undefined)?.reviewerResponse) },
  { label: '备注', read: (d) => text(d.text) },
  { label: '群众意见', read: (d) => text(d.comment) },
];

export function timelineFacts(details: Record<string, unknown> | null | undefined): TimelineFact[] {
  if (!details) return [];
  return FACTS.flatMap(({ label, read }) => {
    const value = read(details);
    return value === null ? [] : [{ label, value }];
  });
}
