import { Injectable } from '@nestjs/common';
import {
  addFigureCounters,
  computeFigures,
  EMPTY_FIGURE_COUNTERS,
  FIGURE_KEYS,
  FIGURES,
  LOWER_IS_BETTER_FIGURES,
  RESULT_DIMENSIONS,
  REVIEW_CHANNEL_LABELS,
  type Actor,
  type FigureCounters,
  type ResultDimension,
} from '@haochaping/contracts';
import { Prisma } from '@haochaping/db';
import { formatShanghaiInstant, localDateOf } from '@haochaping/working-time';
import { visibleHalls } from '../actor/actor-scope';
import { WorkingCalendar } from '../calendar/working-calendar.service';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import { lateCase, onTimeCase } from '../statistics/on-time.sql';
import { type RankingEntryDto, type RankingsQueryDto, type RankingsResponse } from './dto/rankings.dto';
import type { ResultsQueryDto } from './dto/results-query.dto';
import type { TrendQueryDto, TrendResponse } from './dto/trend.dto';
import type { LevelCountsDto, ResultsResponse, ResultsRowDto } from './dto/results.response';
import {
  caseCounts,
  handlingTimes,
  rectificationCounts,
  reviewCounts,
  type CaseCountsRow,
  type HandlingRow,
  type RectificationCountsRow,
  type ReviewCountsRow,
  type Slice,
} from './figure-counters.sql';
import { customPeriod, resultPeriod, trendBuckets, type ResultPeriod } from './result-period';
import { ResultsSettingsService } from './results-settings.service';

type MutableCounters = { -readonly [K in keyof FigureCounters]: FigureCounters[K] extends readonly number[] ? number[] : number };

/** Longest custom period: three years of days. */
const MAX_CUSTOM_DAYS = 3 * 366;
/** Longest trend: 400 buckets (more than a year of days; a chart of more says nothing). */
const MAX_TREND_BUCKETS = 400;

/**
 * The county's results (issue 14): every figure of results.contract.ts per value of one dimension over one period,
 * over the halls the actor sees (actor/actor-scope.ts). Counts come from three grouped SQL statements
 * (figure-counters.sql.ts); handling times are working hours on each hall's calendar.
 */
@Injectable()
export class ResultsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: Clock,
    private readonly settings: ResultsSettingsService,
  ) {}

  async figures(actor: Actor, query: ResultsQueryDto): Promise<ResultsResponse> {
    const now = this.clock.now();
    const dimension = query.dimension ?? 'county';
    const period = this.period(query, now);
    const slice: Slice = { from: period.from, to: period.to, hallScope: hallScope(actor) };
    const byKey = await this.counters(dimension, slice, now);

    const names = await this.names(dimension, [...byKey.keys()]);
    const rows: ResultsRowDto[] = [...byKey.entries()]
      .map(([key, slice]) => ({ key, ...(names.get(key) ?? { code: null, name: key ?? '未登记' }), levels: levelsOf(slice), figures: computeFigures(slice) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || (a.code ?? '').localeCompare(b.code ?? ''));
    // A review with several reasons is in several reason rows: the total counts it once.
    const whole = dimension === 'reason' ? await this.figures(actor, { ...query, dimension: 'county' }) : undefined;
    const sum = addFigureCounters([...byKey.values()]);
    const total = whole?.total ?? computeFigures(sum);
    const totalLevels = whole?.totalLevels ?? levelsOf(sum);

    return {
      period: { kind: period.kind, from: formatShanghaiInstant(period.from), to: formatShanghaiInstant(period.to), label: period.label },
      dimension,
      dimensionLabel: RESULT_DIMENSIONS[dimension],
      total,
      totalLevels,
      rows,
      notes: FIGURE_KEYS.map((key) => ({ key, label: FIGURES[key].label, unit: FIGURES[key].unit, note: FIGURES[key].note })),
    };
  }

  /**
   * A trend (GET /api/results/trend): the county's figures (or one hall's) per Shanghai day, ISO week or month from
   * `from` to `to`, counted by the same statements as the figures, keyed by the bucket instead of a dimension. Every
   * bucket of the range has its entry, an empty one with no rates.
   */
  async trend(actor: Actor, query: TrendQueryDto): Promise<TrendResponse> {
    const now = this.clock.now();
    const buckets = trendBuckets(query.bucket, query.from, query.to, MAX_TREND_BUCKETS);
    if (buckets.length === 0 || buckets.length > MAX_TREND_BUCKETS) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '趋势区间不正确', [{ field: 'to', message: `结束日期须不早于开始日期，且不超过 ${MAX_TREND_BUCKETS} 个时间段` }]);
    }
    const scope = hallScope(actor);
    const hallCode = query.hallCode;
    if (hallCode !== undefined) {
      const halls = visibleHalls(actor);
      if (halls !== 'ALL' && !halls.includes(hallCode)) throw new DomainHttpException(403, 'HALL_OUT_OF_SCOPE', '无权查看该服务大厅的统计');
    }
    const slice: Slice = {
      from: buckets[0].from,
      to: buckets[buckets.length - 1].to,
      bucket: query.bucket,
      hallScope: hallCode === undefined ? scope : (column) => Prisma.sql`${scope(column)} AND ${column} IN (SELECT "id" FROM "hall" WHERE "code" = ${hallCode})`,
    };
    const byKey = await this.counters('county', slice, now);
    return {
      bucket: query.bucket,
      from: formatShanghaiInstant(slice.from),
      to: formatShanghaiInstant(slice.to),
      hallCode: hallCode ?? null,
      buckets: buckets.map((bucket) => {
        const counters = byKey.get(bucket.key) ?? EMPTY_FIGURE_COUNTERS;
        return {
          key: bucket.key,
          label: bucket.label,
          levels: levelsOf(counters),
          figures: computeFigures(counters),
        };
      }),
    };
  }

  /**
   * Rankings (GET /api/results/rankings): the values of a dimension by one figure over a period, best first (equal
   * values share a place: 1, 1, 3). Only those with at least the admin's minimum number of reviews (app_setting
   * `results.minReviewsToRank`) and a value are ranked; the others follow unranked, most reviews first.
   */
  async rankings(actor: Actor, query: RankingsQueryDto): Promise<RankingsResponse> {
    const figure = query.figure ?? 'goodRate';
    const [figures, minimumReviews] = await Promise.all([this.figures(actor, query), this.settings.minReviewsToRank()]);
    const order = LOWER_IS_BETTER_FIGURES.includes(figure) ? 'asc' : 'desc';
    const better = (a: number, b: number) => (order === 'desc' ? b - a : a - b);
    const entries = figures.rows.map((row) => ({ key: row.key, code: row.code, name: row.name, reviews: row.figures.reviews ?? 0, value: row.figures[figure] }));
    const rankable = entries
      .filter((entry) => entry.reviews >= minimumReviews && entry.value !== null)
      .sort((a, b) => better(a.value ?? 0, b.value ?? 0) || b.reviews - a.reviews || a.name.localeCompare(b.name, 'zh-Hans-CN'));
    const ranked: RankingEntryDto[] = [];
    rankable.forEach((entry, index) => {
      const previous = ranked[index - 1];
      ranked.push({ ...entry, rank: previous && previous.value === entry.value ? previous.rank : index + 1 });
    });
    const unranked = entries
      .filter((entry) => !rankable.includes(entry))
      .sort((a, b) => b.reviews - a.reviews || a.name.localeCompare(b.name, 'zh-Hans-CN'))
      .map((entry) => ({ ...entry, rank: null }));
    return {
      period: figures.period,
      dimension: figures.dimension,
      dimensionLabel: figures.dimensionLabel,
      figure,
      figureLabel: FIGURES[figure].label,
      order,
      minimumReviews,
      ranked,
      unranked,
    };
  }

  /** FigureCounters per key (a dimension's values, or a trend's buckets) over one slice. */
  private async counters(dimension: ResultDimension, slice: Slice, now: Date): Promise<Map<string | null, MutableCounters>> {
    const caseSql = caseCounts(dimension, slice);
    const [reviews, cases, rectifications, handling] = await Promise.all([
      this.prisma.client.$queryRaw<ReviewCountsRow[]>(reviewCounts(dimension, slice)),
      caseSql ? this.prisma.client.$queryRaw<CaseCountsRow[]>(caseSql) : Promise.resolve([]),
      this.prisma.client.$queryRaw<RectificationCountsRow[]>(rectificationCounts(dimension, slice, onTimeCase(now), lateCase(now))),
      this.prisma.client.$queryRaw<HandlingRow[]>(handlingTimes(dimension, slice)),
    ]);

    const byKey = new Map<string | null, MutableCounters>();
    const counters = (key: string | null) => {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { ...EMPTY_FIGURE_COUNTERS, handlingWorkingHours: [] }));
      return entry;
    };
    // Every hall the actor sees has its row, with no figure where it has nothing: a hall missing from a report is
    // a question, a row of dashes an answer.
    if (dimension === 'hall' && !slice.bucket) {
      const halls = await this.prisma.client.$queryRaw<Array<{ key: string }>>`SELECT "id"::text AS "key" FROM "hall" h WHERE ${slice.hallScope(Prisma.sql`h."id"`)}`;
      for (const hall of halls) counters(hall.key);
    }
    for (const row of reviews) {
      Object.assign(counters(row.key), {
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
    for (const row of cases) Object.assign(counters(row.key), { completedCases: row.completed, ratedCompletedCases: row.rated });
    for (const row of rectifications) {
      Object.assign(counters(row.key), {
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
      const workingTime = await this.calendar.ofHallId(row.hall_id);
      counters(row.key).handlingWorkingHours.push(Math.round((workingTime.workingMinutesBetween(row.reviewed_at, row.done_at) / 60) * 10) / 10);
    }
    for (const entry of byKey.values()) entry.handlingWorkingHours.sort((a, b) => a - b);
    return byKey;
  }

  private period(query: ResultsQueryDto, now: Date): ResultPeriod {
    const kind = query.period ?? 'month';
    if (kind !== 'custom') return resultPeriod(kind, query.date ?? localDateOf(now));
    const from = query.from!;
    const to = query.to!;
    const period = customPeriod(from, to);
    const days = (period.to.getTime() - period.from.getTime()) / 86_400_000;
    if (days < 1 || days > MAX_CUSTOM_DAYS) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '统计周期不正确', [{ field: 'to', message: `结束日期须不早于开始日期，且周期不超过 ${MAX_CUSTOM_DAYS} 天` }]);
    }
    return period;
  }

  /** What people call each key: code and name from the master data, the channel's and reason's labels. */
  private async names(dimension: ResultDimension, keys: Array<string | null>): Promise<Map<string | null, { code: string | null; name: string }>> {
    const ids = keys.filter((key): key is string => key !== null);
    const named = (rows: Array<{ key: string; code: string | null; name: string }>) => new Map<string | null, { code: string | null; name: string }>(rows.map((row) => [row.key, { code: row.code, name: row.name }]));
    const client = this.prisma.client;
    switch (dimension) {
      case 'county':
        return new Map([['county', { code: null, name: RESULT_DIMENSIONS.county }]]);
      case 'channel':
        return new Map(ids.map((key) => [key, { code: key, name: REVIEW_CHANNEL_LABELS[key as keyof typeof REVIEW_CHANNEL_LABELS] ?? key }]));
      case 'hall':
        return named(await client.$queryRaw`SELECT "id"::text AS "key", "code", "name" FROM "hall" WHERE "id"::text = ANY(${ids})`);
      case 'window':
        return named(await client.$queryRaw`SELECT w."id"::text AS "key", w."code", h."name" || ' ' || w."name" AS "name" FROM "service_window" w JOIN "hall" h ON h."id" = w."hall_id" WHERE w."id"::text = ANY(${ids})`);
      case 'staff':
        return named(await client.$queryRaw`SELECT "id"::text AS "key", "employee_number" AS "code", "name" FROM "staff" WHERE "id"::text = ANY(${ids})`);
      case 'item':
        return named(await client.$queryRaw`SELECT "id"::text AS "key", "code", "name" FROM "service_item" WHERE "id"::text = ANY(${ids})`);
      case 'department':
        return named(await client.$queryRaw`SELECT "id"::text AS "key", "code", "name" FROM "department" WHERE "id"::text = ANY(${ids})`);
      case 'reason':
        // The newest label of each code (a code keeps its meaning across option-set versions).
        return named(await client.$queryRaw`
          SELECT DISTINCT ON (o."code") o."code" AS "key", o."code", o."label" AS "name"
          FROM "review_option" o JOIN "option_set" s ON s."id" = o."option_set_id"
          WHERE o."code" = ANY(${ids}) ORDER BY o."code", s."version" DESC`);
    }
  }
}

/** Adopted reviews per level (the level distribution a chart shows beside the rates). */
function levelsOf(counters: FigureCounters): LevelCountsDto {
  return { level5: counters.level5, level4: counters.level4, level3: counters.level3, level2: counters.level2, level1: counters.level1 };
}

/** The halls the actor sees, as a condition on a hall id column (actor-scope.ts decides; this only writes it in SQL). */
function hallScope(actor: Actor): (column: Prisma.Sql) => Prisma.Sql {
  const halls = visibleHalls(actor);
  if (halls === 'ALL') return () => Prisma.sql`TRUE`;
  if (halls.length === 0) return () => Prisma.sql`FALSE`;
  return (column) => Prisma.sql`${column} IN (SELECT "id" FROM "hall" WHERE "code" IN (${Prisma.join([...halls])}))`;
}
