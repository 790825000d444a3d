import { Injectable } from '@nestjs/common';
import { OBLIGATION_LABELS, type Actor } from '@haochaping/contracts';
import type { Prisma } from '@haochaping/db';
import { formatShanghaiInstant, startOfShanghai, type WorkingTime } from '@haochaping/working-time';
import { rectificationVisibility } from '../actor/actor-scope';
import { WorkingCalendar } from '../calendar/working-calendar.service';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import type { MyDutyKind, MyDutyResponse } from './my-duty.response';

const DAY_MS = 24 * 60 * 60_000;

/** The decisions the county owes while a case waits in these states; their due times are in the case's timeline. */
const DECISION_OF_STATE: Readonly<Record<string, MyDutyKind>> = { REJECTION_PENDING: 'rejectionDecision', EXTENSION_PENDING: 'extensionDecision' };

interface CandidateCase {
  reviewId: string;
  state: string;
  stateLabel: string;
  owner: string;
  escalationLevel: number;
  assigneeUserId: string | null;
  callbackDueAt: Date | null;
  resultDueAt: Date | null;
  hall: { id: string; code: string; name: string };
}

/**
 * 工作台 "my duties today": the open obligations the signed-in person owes that fall due before the end of today's
 * office time on the case hall's calendar, and those already overdue, by due time. Who owes what: a hall's handler
 * the callback and result of the hall's cases that are theirs or nobody's; a town leader those of every case of
 * their halls; a guide the result of the cases their departments were invited to; the county the decisions waiting
 * for it (不予采纳, 延期), the cases escalated to it and the reopened cases it owns. Admins owe no case step.
 */
@Injectable()
export class MyDutiesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
  ) {}

  async myDuties(actor: Actor): Promise<MyDutyResponse[]> {
    if (actor.role === 'ADMIN' || actor.role === 'CITIZEN' || actor.role === 'SYSTEM') return [];
    const now = this.clock.now();
    // No office day ends after midnight: nothing due later can be today's.
    const horizon = new Date(startOfShanghai('day', now).getTime() + DAY_MS);
    const candidates = await this.prisma.client.rectificationCase.findMany({
      where: { state: { not: 'CLOSED' }, AND: [this.scopeOf(actor), this.owedBy(actor, horizon)] },
      select: {
        reviewId: true,
        state: true,
        stateLabel: true,
        owner: true,
        escalationLevel: true,
        assigneeUserId: true,
        callbackDueAt: true,
        resultDueAt: true,
        hall: { select: { id: true, code: true, name: true } },
      },
    });
    const decisionDue = await this.decisionDueTimes(candidates.filter((row) => DECISION_OF_STATE[row.state]));

    const endOfOfficeToday = new Map<string, Date>();
    const duties: MyDutyResponse[] = [];
    for (const row of candidates) {
      for (const [duty, dueAt] of this.dutiesOf(actor, row, decisionDue)) {
        let end = endOfOfficeToday.get(row.hall.id);
        if (!end) {
          end = officeTimeEndToday(await this.calendar.ofHallId(row.hall.id), now);
          endOfOfficeToday.set(row.hall.id, end);
        }
        if (dueAt > end) continue;
        duties.push({
          reviewId: row.reviewId,
          hallCode: row.hall.code,
          hallName: row.hall.name,
          state: row.state,
          stateLabel: row.stateLabel,
          duty,
          dutyLabel: OBLIGATION_LABELS[duty],
          dueAt: formatShanghaiInstant(dueAt),
          overdue: dueAt <= now,
          escalated: row.escalationLevel >= 2,
        });
      }
    }
    return duties.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.reviewId.localeCompare(b.reviewId));
  }

  /** The cases the actor may see at all (actor-scope.ts). */
  private scopeOf(actor: Actor): Prisma.RectificationCaseWhereInput {
    const visibility = rectificationVisibility(actor);
    switch (visibility.kind) {
      case 'ALL':
        return {};
      case 'HALLS':
        return { hall: { code: { in: [...visibility.hallCodes] } } };
      case 'INVITED':
        return { invitedDepartmentCodes: { hasSome: [...visibility.departmentCodes] } };
    }
  }

  /** Among those, the cases where the actor may owe something due by `horizon` (the exact test is in dutiesOf). */
  private owedBy(actor: Actor, horizon: Date): Prisma.RectificationCaseWhereInput {
    const dueBy = { lte: horizon };
    switch (actor.role) {
      case 'HANDLER':
        return { owner: 'HALL', OR: [{ assigneeUserId: null }, { assigneeUserId: actor.userId }], AND: [{ OR: [{ callbackDueAt: dueBy }, { resultDueAt: dueBy }] }] };
      case 'TOWN_LEADER':
        return { owner: 'HALL', OR: [{ callbackDueAt: dueBy }, { resultDueAt: dueBy }] };
      case 'DEPT_GUIDE':
        return { resultDueAt: dueBy };
      default:
        return { OR: [{ state: { in: Object.keys(DECISION_OF_STATE) } }, { escalationLevel: { gte: 2 } }, { owner: 'COUNTY' }] };
    }
  }

  private dutiesOf(actor: Actor, row: CandidateCase, decisionDue: ReadonlyMap<string, Date>): Array<[MyDutyKind, Date]> {
    const owed: Array<[MyDutyKind, Date | null]> = [];
    switch (actor.role) {
      case 'HANDLER':
      case 'TOWN_LEADER':
        owed.push(['callback', row.callbackDueAt], ['result', row.resultDueAt]);
        break;
      case 'DEPT_GUIDE':
        owed.push(['result', row.resultDueAt]);
        break;
      default: {
        const decision = DECISION_OF_STATE[row.state];
        if (decision) owed.push([decision, decisionDue.get(row.reviewId) ?? null]);
        // Escalated or reopened: the county answers for the case's open clocks.
        if (row.escalationLevel >= 2 || row.owner === 'COUNTY') owed.push(['callback', row.callbackDueAt], ['result', row.resultDueAt]);
      }
    }
    return owed.filter((entry): entry is [MyDutyKind, Date] => entry[1] !== null);
  }

  /**
   * The due time of the decision each case waits for: the workflow notes every open deadline in the timeline entry
   * that opened it (and later ones), so the newest entry naming it holds it.
   */
  private async decisionDueTimes(rows: CandidateCase[]): Promise<Map<string, Date>> {
    const due = new Map<string, Date>();
    if (rows.length === 0) return due;
    const found = await this.prisma.client.$queryRaw<Array<{ reviewId: string; dueAt: Date }>>`
      SELECT DISTINCT ON (e.review_id) e.review_id::text AS "reviewId", (e.details -> 'dueAt' ->> c.decision)::timestamptz AS "dueAt"
      FROM rectification_timeline_entry e
      JOIN unnest(${rows.map((row) => row.reviewId)}::uuid[], ${rows.map((row) => DECISION_OF_STATE[row.state] ?? '')}::text[]) AS c(review_id, decision)
        ON c.review_id = e.review_id
      WHERE e.details -> 'dueAt' ? c.decision
      ORDER BY e.review_id, e.seq DESC`;
    for (const row of found) due.set(row.reviewId, row.dueAt);
    return due;
  }
}

/**
 * When today's office time ends on a hall's calendar: after the office time still left today has passed. With none
 * left (evening, a holiday), `now`: only what is already overdue is still today's.
 */
export function officeTimeEndToday(workingTime: WorkingTime, now: Date): Date {
  const midnight = new Date(startOfShanghai('day', now).getTime() + DAY_MS);
  const minutesLeft = workingTime.workingMinutesBetween(now, midnight);
  return minutesLeft > 0 ? workingTime.addWorkingMinutes(now, minutesLeft).dueAt : now;
}
