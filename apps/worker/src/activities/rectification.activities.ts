import { ApplicationFailure } from '@temporalio/activity';
import {
  ERR_INVALID_ARGUMENT,
  ERR_REVIEW_NOT_FOUND,
  caseProjection,
  type CaseProjection,
  type ComputeDeadlineInput,
  type ComputedDeadline,
  type ComputeObligationDeadlinesInput,
  type ObligationDeadlines,
  type SlaClock,
  type NotificationRequest,
  type RectificationActivities,
  type RectificationCaseState,
  type ReviewContext,
  type RectificationCategory,
  isRectificationCategory,
} from '@haochaping/contracts';
import { MasterDataVersion, slaPolicyOfRow, WorkingCalendarCache, type Pool, type PrismaClient } from '@haochaping/db';
import type { WorkingTime } from '@haochaping/working-time';
import type { NotificationDriver } from '../notifications/notification.driver';
import { projectCaseSql } from './case-projection.sql';
import { addSlaClock } from './sla-deadline';

export interface RectificationActivityDeps {
  prisma: PrismaClient;
  /** The node-postgres pool `prisma` runs on: the read model's write skips Prisma (case-projection.sql.ts). */
  pool: Pool;
  notifier: NotificationDriver;
  /**
   * The halls' working time as the county maintains it in PostgreSQL (office hours, calendar_year rows): the one
   * reader the API uses too, cached until an admin changes it. The worker hands in one that LISTENs for
   * master_data_changed (RectificationActivitiesProvider); without one, every computation reads the version first.
   */
  workingCalendar?: WorkingCalendarCache;
}

/** The rectification workflow's activities as plain functions over their dependencies (wired by Nest in the worker). */
export function createRectificationActivities({
  prisma,
  pool,
  notifier,
  workingCalendar = new WorkingCalendarCache(prisma, new MasterDataVersion(pool)),
}: RectificationActivityDeps): RectificationActivities {
  const workingTimeFor = async (hallCode: string): Promise<WorkingTime> => {
    // A bad office-hours row throws a RangeError here, which Temporal retries: an admin's fix reaches the next attempt.
    const workingTime = await workingCalendar.byHallCode(hallCode);
    if (!workingTime) throw ApplicationFailure.nonRetryable(`hall ${hallCode} does not exist`, ERR_INVALID_ARGUMENT);
    return workingTime;
  };
  return {
    async loadReviewContext(reviewId: string): Promise<ReviewContext> {
      const { rows } = UUID.test(reviewId) ? await pool.query<ReviewContextRow>(REVIEW_CONTEXT_SQL, [reviewId]) : { rows: [] };
      const row = rows[0];
      if (!row) {
        // Retrying cannot make a missing review appear: fail the workflow task's activity for good.
        throw ApplicationFailure.nonRetryable(`review ${reviewId} does not exist`, ERR_REVIEW_NOT_FOUND);
      }
      return {
        reviewId: row.id,
        hallCode: row.hallCode,
        hallName: row.hallName,
        // The newest version admins saved; the workflow records it in its history, so the case keeps it.
        slaPolicy: slaPolicyOfRow(row.sla),
        // A real-name review with a phone owes a callback (实名差评回访率 100%); an anonymous one is still verified
        // and rectified, but nobody can be called.
        canCallBack: row.canCallBack,
        suggestedCategory: suggestCategory(row.options),
      };
    },

    computeDeadline: async ({ hallCode, from, clock }: ComputeDeadlineInput): Promise<ComputedDeadline> => deadlineOf(await workingTimeFor(hallCode), from, clock),

    async computeObligationDeadlines({ hallCode, from, clock, reminderRatio, escalationAfter }: ComputeObligationDeadlinesInput): Promise<ObligationDeadlines> {
      const workingTime = await workingTimeFor(hallCode);
      const due = deadlineOf(workingTime, from, clock);
      return {
        due,
        remind: reminderRatio === null ? null : deadlineOf(workingTime, from, { amount: clock.amount * reminderRatio, unit: clock.unit }),
        escalation: escalationAfter === null ? null : deadlineOf(workingTime, due.dueAt, escalationAfter),
      };
    },

    async notify(request: NotificationRequest): Promise<void> {
      // The hall's calendar only when a staff SMS must wait for office time.
      await notifier.send(request, { workingTime: () => workingTimeFor(request.hallCode) });
    },

    async projectCaseChanges(projection: CaseProjection): Promise<void> {
      // Projections of one case run one after another (CaseRecord.project), so the last write is the newest state.
      await projectCaseSql(pool, projection);
    },

    async projectCase(state: RectificationCaseState): Promise<void> {
      await projectCaseSql(pool, caseProjection(state, 0));
    },
  };
}

/**
 * What a case starts from, in one statement (straight to PostgreSQL: it runs once per bad review, and Prisma's query
 * compiler cost more than the three queries): the review and its hall, the reason options it chose (their suggested
 * categories, in option-set order) and the newest SLA policy version.
 */
const REVIEW_CONTEXT_SQL = `
SELECT r.id, h.code AS "hallCode", h.name AS "hallName",
  (r.reviewer_kind = 'REAL_NAME' AND r.reviewer_phone_enc IS NOT NULL) AS "canCallBack",
  COALESCE((
    SELECT json_agg(json_build_object('suggestedCategory', o.suggested_category, 'position', o.position) ORDER BY o.position)
    FROM review_option o WHERE o.option_set_id = r.option_set_id AND o.code = ANY (r.option_codes)
  ), '[]'::json) AS options,
  (SELECT json_build_object('version', s.version, 'policy', s.policy) FROM sla_policy_version s ORDER BY s.version DESC LIMIT 1) AS sla
FROM review r JOIN hall h ON h.id = r.hall_id
WHERE r.id = $1::uuid`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ReviewContextRow {
  id: string;
  hallCode: string;
  hallName: string;
  canCallBack: boolean;
  options: Array<{ suggestedCategory: string; position: number }>;
  sla: { version: number; policy: unknown } | null;
}

/** `from` plus one clock on a hall's calendar, as the activities answer it. */
function deadlineOf(workingTime: WorkingTime, from: string, clock: SlaClock): ComputedDeadline {
  try {
    const deadline = addSlaClock(workingTime, new Date(from), clock);
    return { dueAt: deadline.dueAt.toISOString(), provisional: deadline.provisional };
  } catch (error) {
    // Bad input (an invalid instant, a negative amount, a year beyond the calendar) stays bad on every retry.
    if (error instanceof RangeError) throw ApplicationFailure.nonRetryable(error.message, ERR_INVALID_ARGUMENT);
    throw error;
  }
}

/**
 * The category the chosen reason options suggest: the one most of them suggest; on a tie, the one of the option
 * listed first in the option set (options are ordered 立整立改 → 限时整改 → 协调整改). The handler decides at
 * verification; this only picks the clocks that run until then. Null when no option was chosen.
 */
export function suggestCategory(options: ReadonlyArray<{ suggestedCategory: string; position: number }>): RectificationCategory | null {
  const votes = new Map<RectificationCategory, { count: number; first: number }>();
  for (const option of options) {
    if (!isRectificationCategory(option.suggestedCategory)) continue;
    const vote = votes.get(option.suggestedCategory) ?? { count: 0, first: option.position };
    votes.set(option.suggestedCategory, { count: vote.count + 1, first: Math.min(vote.first, option.position) });
  }
  let best: { category: RectificationCategory; count: number; first: number } | null = null;
  for (const [category, vote] of votes) {
    if (!best || vote.count > best.count || (vote.count === best.count && vote.first < best.first)) best = { category, ...vote };
  }
  return best?.category ?? null;
}
