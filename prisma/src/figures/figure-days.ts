import type { ResultDimension } from '@haochaping/contracts';
import { localDateOf } from '@haochaping/working-time';
import { Prisma, type PrismaClient } from '@prisma/client';
import { shanghaiDayBounds } from '../exchange-hall-day';
import { ratingPeriodEndsAt } from '../rating-invitation';
import { countFigures, emptyFigureCounters, type FigureCountRow, type FigureQueryClient, type HallWorkingTime, type MutableFigureCounters } from './count-figures';
import type { FigurePart, Slice } from './figure-counters.sql';

/**
 * The results' daily aggregates (issue 14: a month over ten million reviews in well under a second).
 *
 * A day's FigureCounters are stored per **stored dimension**, hall and key in `figure_day` once the day is
 * **settled**: nothing it counts can change any more but by a repair — every bad review of the day (and every
 * rectification case opened in it) is closed, and the rating period (评价期限) of every service case completed in it has
 * ended on every hall's calendar. `county` is summed from `hall`, `department` from `item` (a service item's
 * department is read when the figures are, as the live statements do).
 *
 * A day that cannot be settled yet (a bad review still open, a rating period still running) keeps the counters of its
 * **good reviews** (levels 3 to 5) alone, marked `partial`: a good review has no rectification case, and a review of a
 * past day changes only by a write that marks its day dirty (below), so they hold until the day settles. Most of a
 * day's rows are good reviews; the rest (the bad reviews, the service cases, the rectification cases) is a few
 * thousand rows a day even at provincial scale, and is counted live.
 *
 * Reads (`readFigures`) take a settled day that is not dirty from `figure_day`, a partial one's good reviews too (and
 * its rest live), and count every other day live with the same statements (figure-counters.sql.ts), so an answer is
 * always what counting everything live would give. A write
 * that changes an older day (a review or a service case of a past day arriving or changing, a closed case repaired, a
 * calendar changed) marks it dirty in the same transaction (triggers, migration `figure_days`) until it is recomputed.
 *
 * `settleFigureDays` (the worker's schedule, and on demand) recomputes days idempotently: candidate days (not
 * settled, or dirty) from the first day with data, each run checked and counted in one REPEATABLE READ transaction,
 * so a write that lands meanwhile makes the transaction fail (and the day is taken at the next run) rather than be
 * lost. Days missed while the worker was down are simply still candidates.
 */

/** The dimensions stored per day. */
export const STORED_FIGURE_DIMENSIONS = ['hall', 'window', 'staff', 'item', 'channel', 'reason'] as const;
export type StoredFigureDimension = (typeof STORED_FIGURE_DIMENSIONS)[number];

/** The stored dimension a dimension's figures are summed from. */
export function storedDimensionOf(dimension: ResultDimension): StoredFigureDimension {
  if (dimension === 'county') return 'hall';
  if (dimension === 'department') return 'item';
  return dimension;
}

/** Days recomputed in one transaction at most (a month of a county's rows). */
const RUN_DAYS = 31;

export interface SettleOptions {
  now: Date;
  /** Only days from/to these (YYYY-MM-DD, both included); by default from the first day with data to the day before yesterday. */
  fromDay?: string;
  toDay?: string;
  /** Called after each run of days (a transaction), with the report so far: the worker's heartbeat. */
  onProgress?: (report: SettleReport) => void;
}

export interface SettleReport {
  /** Days looked at. */
  candidates: number;
  /** Days counted and stored (settled). */
  settled: string[];
  /** Days that cannot be settled yet (an open case, a rating period still running). */
  unsettled: number;
  /** Of those, the days whose good reviews were counted and stored now (partial). */
  partial: string[];
  /** Runs whose transaction met a concurrent write (their days stay candidates). */
  conflicts: number;
}

/** Recomputes the candidate days (never settled, or dirty) that can be settled; see the module's comment. */
export async function settleFigureDays(client: PrismaClient, workingTimeOf: HallWorkingTime, options: SettleOptions): Promise<SettleReport> {
  const { now } = options;
  const latest = options.toDay ?? localDateOf(new Date(now.getTime() - 2 * 86_400_000));
  const first = options.fromDay ?? (await firstDayWithData(client));
  const report: SettleReport = { candidates: 0, settled: [], unsettled: 0, partial: [], conflicts: 0 };
  if (!first || first > latest) return report;
  const rows = await client.$queryRaw<Array<{ day: string; partial: boolean }>>`
      SELECT to_char(d, 'YYYY-MM-DD') AS "day", coalesce(s."partial" AND NOT s."dirty", false) AS "partial"
      FROM generate_series(${first}::date, ${latest}::date, interval '1 day') d
      LEFT JOIN "figure_day_status" s ON s."day" = d::date
      WHERE s."day" IS NULL OR NOT s."settled" OR s."dirty"
      ORDER BY 1`;
  const candidates = rows.map((row) => row.day);
  /** Candidates whose good reviews are stored and still hold: counted again only when they settle. */
  const keptPartial = new Set(rows.filter((row) => row.partial).map((row) => row.day));
  report.candidates = candidates.length;

  // The rating period first (no database work): a day whose cases can still be rated is not settled.
  const hallIds = (await client.hall.findMany({ select: { id: true } })).map((hall) => hall.id);
  const ratingOver = new Set<string>();
  for (const day of candidates) {
    const lastInstant = new Date(shanghaiDayBounds(day)[1].getTime() - 1);
    let ended = true;
    for (const hallId of hallIds) {
      try {
        if (ratingPeriodEndsAt(await workingTimeOf(hallId), lastInstant) > now) ended = false;
      } catch (error) {
        // A year the calendar does not know: the period's end is unknown, the day waits.
        if (!(error instanceof RangeError)) throw error;
        ended = false;
      }
    }
    if (ended) ratingOver.add(day);
  }

  // Days that cannot settle and are kept partial already need no work.
  const work = candidates.filter((day) => ratingOver.has(day) || !keptPartial.has(day));
  report.unsettled = candidates.length - work.length;
  for (const run of contiguousRuns(work, RUN_DAYS)) {
    try {
      const { settled, partial } = await client.$transaction((tx) => recomputeRun(tx, workingTimeOf, run, { ratingOver, keptPartial }, now), {
        isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
        maxWait: 30_000,
        timeout: 10 * 60_000,
      });
      report.settled.push(...settled);
      report.partial.push(...partial);
      report.unsettled += run.length - settled.length;
    } catch (error) {
      // P2034: a write conflict or a serialization failure: a concurrent write changed what the run counted.
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2034')) throw error;
      report.conflicts += 1;
    }
    options.onProgress?.(report);
  }
  return report;
}

/**
 * One run of consecutive days in one snapshot: which of them are settled (their counts replaced), and which of the
 * others get their good reviews stored (partial); their status set.
 */
async function recomputeRun(
  tx: Prisma.TransactionClient,
  workingTimeOf: HallWorkingTime,
  run: readonly string[],
  days: { ratingOver: ReadonlySet<string>; keptPartial: ReadonlySet<string> },
  now: Date,
): Promise<{ settled: string[]; partial: string[] }> {
  const settled = (
    await tx.$queryRaw<Array<{ day: string }>>`
      SELECT to_char(d, 'YYYY-MM-DD') AS "day" FROM unnest(${run.filter((day) => days.ratingOver.has(day))}::date[]) d
      WHERE NOT EXISTS (
          SELECT 1 FROM "rectification_case" rc
          WHERE rc."state" <> 'CLOSED' AND rc."opened_at" >= (d::timestamp AT TIME ZONE 'Asia/Shanghai') AND rc."opened_at" < ((d + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
        AND NOT EXISTS (
          SELECT 1 FROM "review" r LEFT JOIN "rectification_case" rc ON rc."review_id" = r."id"
          WHERE r."level" <= 2 AND r."created_at" >= (d::timestamp AT TIME ZONE 'Asia/Shanghai') AND r."created_at" < ((d + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
            AND (rc."review_id" IS NULL OR rc."state" <> 'CLOSED'))
      ORDER BY 1`
  ).map((row) => row.day);
  const partial = run.filter((day) => !settled.includes(day) && !days.keptPartial.has(day));
  const replaced = [...settled, ...partial];
  if (replaced.length === 0) return { settled: [], partial: [] };
  await tx.$executeRaw`DELETE FROM "figure_day" WHERE "day" = ANY(${replaced}::date[])`;
  await storeCounts(tx, workingTimeOf, settled, undefined, now);
  await storeCounts(tx, workingTimeOf, partial, 'goodReviews', now);
  await tx.$executeRaw`
    INSERT INTO "figure_day_status" ("day", "settled", "partial", "dirty", "computed_at")
    SELECT d, d = ANY(${settled}::date[]), NOT d = ANY(${settled}::date[]), false, ${now} FROM unnest(${replaced}::date[]) d
    ON CONFLICT ("day") DO UPDATE SET "settled" = excluded."settled", "partial" = excluded."partial", "dirty" = false, "computed_at" = excluded."computed_at"`;
  return { settled, partial };
}

/** Counts the days (sorted) per stored dimension, hall and key — all their rows, or one part — and stores the counters. */
async function storeCounts(tx: Prisma.TransactionClient, workingTimeOf: HallWorkingTime, days: readonly string[], part: FigurePart | undefined, now: Date): Promise<void> {
  if (days.length === 0) return;
  const slice: Slice = { from: shanghaiDayBounds(days[0])[0], to: shanghaiDayBounds(days[days.length - 1])[1], hallScope: () => Prisma.sql`TRUE`, perHallDay: true, part };
  const keep = new Set(days);
  for (const dimension of STORED_FIGURE_DIMENSIONS) {
    const rows = (await countFigures(tx, workingTimeOf, dimension, slice, now)).filter((row) => row.day !== null && keep.has(row.day));
    for (let start = 0; start < rows.length; start += 5_000) {
      const chunk = rows.slice(start, start + 5_000).map((row) => ({ day: row.day, dimension, hall_id: row.hall, key: row.key, counters: row.counters }));
      await tx.$executeRaw`
        INSERT INTO "figure_day" ("day", "dimension", "hall_id", "key", "counters")
        SELECT x."day", x."dimension", x."hall_id", x."key", x."counters"
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS x("day" date, "dimension" text, "hall_id" uuid, "key" text, "counters" jsonb)`;
    }
  }
}

/** The first Shanghai day a review was given or a service case completed, or null with neither. */
async function firstDayWithData(client: FigureQueryClient): Promise<string | null> {
  const [row] = await client.$queryRaw<Array<{ first: Date | null }>>`
    SELECT least((SELECT min("created_at") FROM "review"), (SELECT min("completed_at") FROM "service_case")) AS "first"`;
  return row?.first ? localDateOf(row.first) : null;
}

/** Consecutive days (sorted YYYY-MM-DD) cut into runs of at most `max`. */
export function contiguousRuns(days: readonly string[], max: number): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    if (run && run.length < max && nextDay(run[run.length - 1]) === day) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

const nextDay = (day: string) => localDateOf(shanghaiDayBounds(day)[1]);

/**
 * FigureCounters per key of a dimension (or per bucket of a trend) over a slice: settled days from `figure_day`,
 * a partial day's good reviews from there and its rest live, the others counted live. Equal to `countFigures` over the whole slice (a test holds them equal).
 */
export async function readFigures(client: FigureQueryClient, workingTimeOf: HallWorkingTime, dimension: ResultDimension, slice: Slice, now: Date): Promise<Map<string | null, MutableFigureCounters>> {
  const byKey = new Map<string | null, MutableFigureCounters>();
  const into = (key: string | null) => {
    let counters = byKey.get(key);
    if (!counters) byKey.set(key, (counters = emptyFigureCounters()));
    return counters;
  };
  const fromDay = localDateOf(slice.from);
  const dayAligned = shanghaiDayBounds(fromDay)[0].getTime() === slice.from.getTime() && shanghaiDayBounds(localDateOf(slice.to))[0].getTime() === slice.to.getTime();
  // The days kept in figure_day: settled (every row) or partial (the good reviews).
  const kept = dayAligned
    ? await client.$queryRaw<Array<{ day: string; settled: boolean }>>`
          SELECT to_char("day", 'YYYY-MM-DD') AS "day", "settled" FROM "figure_day_status"
          WHERE "day" >= ${fromDay}::date AND "day" < ${localDateOf(slice.to)}::date AND ("settled" OR "partial") AND NOT "dirty"`
    : [];
  const stored = kept.map((row) => row.day);
  const partOfDay = new Map<string, FigurePart>(kept.filter((row) => !row.settled).map((row) => [row.day, 'rest']));

  if (stored.length > 0) {
    // Summed in PostgreSQL, per key and counter (every number of FigureCounters, by name), and the handling hours.
    const { key, joins } = aggregatedKey(dimension, slice);
    const where = Prisma.sql`f."dimension" = ${storedDimensionOf(dimension)} AND f."day" = ANY(${stored}::date[]) AND ${slice.hallScope(Prisma.sql`f."hall_id"`)}`;
    const [totals, hours] = await Promise.all([
      client.$queryRaw<Array<{ key: string | null; name: string; total: number }>>`
        SELECT ${key} AS "key", e."key" AS "name", sum(e."value"::numeric)::float8 AS "total"
        FROM "figure_day" f ${joins} CROSS JOIN LATERAL jsonb_each(f."counters") e
        WHERE ${where} AND jsonb_typeof(e."value") = 'number'
        GROUP BY 1, 2`,
      client.$queryRaw<Array<{ key: string | null; hours: number[] }>>`
        SELECT ${key} AS "key", array_agg(h."value"::float8) AS "hours"
        FROM "figure_day" f ${joins} CROSS JOIN LATERAL jsonb_array_elements_text(f."counters"->'handlingWorkingHours') h("value")
        WHERE ${where}
        GROUP BY 1`,
    ]);
    for (const row of totals) addInto(into(row.key), { [row.name]: row.total });
    for (const row of hours) addInto(into(row.key), { handlingWorkingHours: row.hours });
  }

  // Every other day of the slice counted live (a partial day's rest), a run of consecutive days of one part per statement set.
  const settledDays = new Set(kept.filter((row) => row.settled).map((row) => row.day));
  const liveRanges: Array<{ from: Date; to: Date; part: FigurePart | undefined }> = [];
  if (!dayAligned) liveRanges.push({ from: slice.from, to: slice.to, part: undefined });
  else {
    for (let day = fromDay; shanghaiDayBounds(day)[0] < slice.to; day = nextDay(day)) {
      if (settledDays.has(day)) continue;
      const [start, end] = shanghaiDayBounds(day);
      const part = partOfDay.get(day);
      const last = liveRanges[liveRanges.length - 1];
      if (last && last.to.getTime() === start.getTime() && last.part === part) last.to = end;
      else liveRanges.push({ from: start, to: end, part });
    }
  }
  for (const range of liveRanges) {
    for (const row of await countFigures(client, workingTimeOf, dimension, { ...slice, ...range, perHallDay: false }, now)) addInto(into(row.key), row.counters);
  }
  for (const counters of byKey.values()) counters.handlingWorkingHours.sort((a, b) => a - b);
  return byKey;
}

/**
 * How a stored row (`f`) is keyed for the asked dimension: a trend's bucket of its day, the county's one key, its
 * service item's department (read now, as the live statements do), or its own key.
 */
function aggregatedKey(dimension: ResultDimension, slice: Slice): { key: Prisma.Sql; joins: Prisma.Sql } {
  if (slice.bucket) return { key: Prisma.sql`to_char(date_trunc(${slice.bucket}, f."day"::timestamp), 'YYYY-MM-DD')`, joins: Prisma.empty };
  if (dimension === 'county') return { key: Prisma.sql`'county'`, joins: Prisma.empty };
  if (dimension === 'department') return { key: Prisma.sql`si."department_id"::text`, joins: Prisma.sql`LEFT JOIN "service_item" si ON si."id"::text = f."key"` };
  return { key: Prisma.sql`f."key"`, joins: Prisma.empty };
}

/** Adds one group's counters into another (numbers summed, handling hours appended; sorted by the caller). */
function addInto(target: MutableFigureCounters, source: Partial<MutableFigureCounters>): void {
  for (const [name, value] of Object.entries(source) as Array<[keyof MutableFigureCounters, unknown]>) {
    if (typeof value === 'number') (target as unknown as Record<string, number>)[name] = ((target as unknown as Record<string, number>)[name] ?? 0) + value;
  }
  if (Array.isArray(source.handlingWorkingHours)) for (const hours of source.handlingWorkingHours) target.handlingWorkingHours.push(hours);
}

export type { FigureCountRow };
