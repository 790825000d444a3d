import { EMPTY_FIGURE_COUNTERS, type FigureCounters, type ResultDimension } from '@haochaping/contracts';
import type { PrismaClient } from '@prisma/client';
import type { WorkingTime } from '@haochaping/working-time';
import {
  caseCounts,
  handlingTimes,
  rectificationCounts,
  reviewCounts,
  type CaseCountsRow,
  type GroupedRow,
  type HandlingRow,
  type RectificationCountsRow,
  type ReviewCountsRow,
  type Slice,
} from './figure-counters.sql';
import { lateCase, onTimeCase } from './on-time.sql';

export type MutableFigureCounters = { -readonly [K in keyof FigureCounters]: FigureCounters[K] extends readonly number[] ? number[] : number };

/** The FigureCounters of one group of a slice: a key (a dimension's value or a trend's bucket), and its hall and day when asked. */
export interface FigureCountRow extends GroupedRow {
  counters: MutableFigureCounters;
}

/** What runs the statements: the PrismaClient or a transaction's client. */
export type FigureQueryClient = Pick<PrismaClient, '$queryRaw'>;

/** A hall's working time (handling times are working hours on the hall's calendar). */
export type HallWorkingTime = (hallId: string) => Promise<WorkingTime>;

export const emptyFigureCounters = (): MutableFigureCounters => ({ ...EMPTY_FIGURE_COUNTERS, handlingWorkingHours: [] });

/**
 * FigureCounters per group of one slice, counted live from the read model by the statements of
 * figure-counters.sql.ts (each figure is defined in results.contract.ts). `now` decides which open cases are late.
 */
export async function countFigures(client: FigureQueryClient, workingTimeOf: HallWorkingTime, dimension: ResultDimension, slice: Slice, now: Date): Promise<FigureCountRow[]> {
  // The good reviews alone (a slice's part) have no service-case or rectification-case rows to count.
  const reviewsOnly = slice.part === 'goodReviews';
  const caseSql = reviewsOnly ? null : caseCounts(dimension, slice);
  const [reviews, cases, rectifications, handling] = await Promise.all([
    client.$queryRaw<ReviewCountsRow[]>(reviewCounts(dimension, slice)),
    caseSql ? client.$queryRaw<CaseCountsRow[]>(caseSql) : Promise.resolve([]),
    reviewsOnly ? Promise.resolve([]) : client.$queryRaw<RectificationCountsRow[]>(rectificationCounts(dimension, slice, onTimeCase(now), lateCase(now))),
    reviewsOnly ? Promise.resolve([]) : client.$queryRaw<HandlingRow[]>(handlingTimes(dimension, slice)),
  ]);

  const groups = new Map<string, FigureCountRow>();
  const counters = ({ key, hall, day }: GroupedRow) => {
    const id = JSON.stringify([key, hall, day]);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, hall, day, counters: emptyFigureCounters() }));
    return group.counters;
  };
  for (const row of reviews) {
    Object.assign(counters(row), {
      reviews: row.reviews,
      notAdopted: row.not_adopted,
      excludedAsCoerced: row.excluded_as_coerced,
      level5: row.level5,
      level4: row.level4,
      level3: row.level3,
      level2: row.level2,
      level1: row.level1,
      unprompted: row.unprompted,
      unpromptedGood: row.unprompted_good,
      badReplied: row.bad_replied,
      realNameBad: row.real_name_bad,
      realNameBadCalledBack: row.real_name_bad_called_back,
      badRectified: row.bad_rectified,
      badCalledBackAndRectified: row.bad_called_back_and_rectified,
    });
  }
  for (const row of cases) Object.assign(counters(row), { completedCases: row.completed, ratedCompletedCases: row.rated });
  for (const row of rectifications) {
    Object.assign(counters(row), {
      onTimeCases: row.on_time,
      lateCases: row.late,
      casesWithResult: row.with_result,
      reopenedCases: row.reopened,
      closedAfterResult: row.closed_after_result,
      closedSatisfiedOrNoObjection: row.closed_satisfied,
      confirmations: row.confirmations,
      confirmationsSatisfied: row.confirmations_satisfied,
    });
  }
  for (const row of handling) {
    const workingTime = await workingTimeOf(row.hall_id);
    counters(row).handlingWorkingHours.push(Math.round((workingTime.workingMinutesBetween(row.reviewed_at, row.done_at) / 60) * 10) / 10);
  }
  for (const group of groups.values()) group.counters.handlingWorkingHours.sort((a, b) => a - b);
  return [...groups.values()];
}
