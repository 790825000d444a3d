import { Prisma } from '@prisma/client';

/**
 * 按时办结率 (on-time rate) of rectification cases, one definition for every statistic, over the read model
 * (`rectification_case`, alias `rc`, and its timeline):
 *
 * - A case is **late** when
 *   (a) `escalation_level > 0`: some duty's clock (callback, result, the county's rejection or extension decision) ran
 *       out while it was still owed — the workflow raises the escalation at that very moment and it never goes down;
 *   (b) or `overdue`: an obligation is past its due time now (open overdue cases count against the rate, DOMAIN.md);
 *   (c) or the case had an extension approved (`original_result_due_at` set) and its result was recorded after the
 *       original due time — or is still not recorded and that time has passed — because the original due date stays
 *       in the statistics. The result's recording is the first timeline entry that left the case in 待群众确认.
 * - A case is **on time** when it is closed (已办结, whatever the outcome, 不予采纳 included: its verification and
 *   callback had clocks too) and not late.
 * - Any other case (open, nothing late yet) is **pending** and counted on neither side.
 *
 * on-time rate = on time / (on time + late); no rate (null) when nothing is counted.
 *
 * Cases belong to the period in which they were opened (the bad review's workflow started), so a period's rate
 * settles as its cases close. Whose clock ran out is not told apart: the county's own late decisions count against
 * the hall's rate too (the read model keeps only the highest escalation, not which obligation caused it).
 */
export function lateCase(now: Date): Prisma.Sql {
  return Prisma.sql`(rc."escalation_level" > 0 OR rc."overdue" OR (rc."original_result_due_at" IS NOT NULL AND COALESCE(
      (SELECT min(t."at") FROM "rectification_timeline_entry" t WHERE t."review_id" = rc."review_id" AND t."details"->>'state' = 'AWAITING_CONFIRMATION'),
      ${now}::timestamptz) > rc."original_result_due_at"))`;
}

/** On time: closed and not late (see lateCase). */
export function onTimeCase(now: Date): Prisma.Sql {
  return Prisma.sql`(rc."state" = 'CLOSED' AND NOT ${lateCase(now)})`;
}
