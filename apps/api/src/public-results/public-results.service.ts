import { Injectable } from '@nestjs/common';
import { computeFigures, EMPTY_FIGURE_COUNTERS, FIGURES, type Actor } from '@haochaping/contracts';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import type { ResultsResponse } from '../results/dto/results.response';
import { ResultsSettingsService } from '../results/results-settings.service';
import { ResultsService } from '../results/results.service';
import type { PublicHallResultsResponse, PublicPeriodDto, PublicResultsResponse, PublicTrendPointDto } from './dto/public-results.dto';
import { monthsBack, PUBLIC_FIGURE_KEYS, publicPeriod, publicResult, type PublicPeriodKey } from './public-figures';

/**
 * Whom the public pages read the figures as: the county, which sees every hall. Only the figures leave this module
 * (public-figures.ts chooses them), never a row's id, a reviewer or a member of staff.
 */
const PUBLIC_READER: Actor = { userId: 'public-results', role: 'COUNTY_SUPERVISOR', hallCodes: [] };
/** The trend: this month and the eleven before it. */
const TREND_MONTHS = 12;
const HALL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The public results (issue 14, "Public pages"; DOMAIN.md "Results": 以公开为常态): the county's and each hall's
 * published figures over this month, last month or this year, and a twelve-month trend. Every figure comes from
 * ResultsService (the one place figures are counted); this module picks the public ones and withholds any drawn
 * from fewer reviews than the rankings' minimum.
 */
@Injectable()
export class PublicResultsService {
  constructor(
    private readonly results: ResultsService,
    private readonly settings: ResultsSettingsService,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async county(periodKey: PublicPeriodKey): Promise<PublicResultsResponse> {
    const now = this.clock.now();
    const [figures, trend, minimumReviews] = await Promise.all([this.hallFigures(periodKey, now), this.trend(now), this.settings.minReviewsToRank()]);
    return {
      period: periodOf(periodKey, figures),
      minimumReviews,
      county: publicResult(figures.total, figures.totalLevels, minimumReviews),
      halls: figures.rows.map((row) => ({ code: row.code ?? '', name: row.name, ...publicResult(row.figures, row.levels, minimumReviews) })),
      trend: trend(minimumReviews),
      notes: NOTES,
    };
  }

  async hall(hallCode: string, periodKey: PublicPeriodKey): Promise<PublicHallResultsResponse> {
    const hall = HALL_CODE.test(hallCode) ? await this.prisma.client.hall.findUnique({ where: { code: hallCode }, select: { code: true, name: true } }) : null;
    if (!hall) throw new DomainHttpException(404, 'UNKNOWN_HALL', `没有编码为 ${hallCode} 的服务大厅`);
    const now = this.clock.now();
    const [figures, trend, minimumReviews] = await Promise.all([this.hallFigures(periodKey, now), this.trend(now, hall.code), this.settings.minReviewsToRank()]);
    const row = figures.rows.find((candidate) => candidate.code === hall.code);
    const result = row ? publicResult(row.figures, row.levels, minimumReviews) : publicResult(EMPTY.figures, EMPTY.levels, minimumReviews);
    return { period: periodOf(periodKey, figures), minimumReviews, hall: { code: hall.code, name: hall.name, ...result }, trend: trend(minimumReviews), notes: NOTES };
  }

  private hallFigures(periodKey: PublicPeriodKey, now: Date): Promise<ResultsResponse> {
    return this.results.figures(PUBLIC_READER, { dimension: 'hall', ...publicPeriod(periodKey, now) });
  }

  /** The months' figures, county-wide or of one hall; withheld month by month once the minimum is known. */
  private async trend(now: Date, hallCode?: string): Promise<(minimumReviews: number) => PublicTrendPointDto[]> {
    const trend = await this.results.trend(PUBLIC_READER, { bucket: 'month', from: monthsBack(now, TREND_MONTHS - 1), to: publicPeriod('month', now).date, hallCode });
    return (minimumReviews) => trend.buckets.map((bucket) => ({ key: bucket.key, label: bucket.label, ...publicResult(bucket.figures, bucket.levels, minimumReviews) }));
  }
}

const NOTES = PUBLIC_FIGURE_KEYS.map((key) => ({ key, label: FIGURES[key].label, unit: FIGURES[key].unit, note: FIGURES[key].note }));
/** A hall the figures have no row for (one with nothing in the period): nothing to publish. */
const EMPTY = { figures: computeFigures(EMPTY_FIGURE_COUNTERS), levels: { level5: 0, level4: 0, level3: 0, level2: 0, level1: 0 } };

function periodOf(key: PublicPeriodKey, figures: ResultsResponse): PublicPeriodDto {
  return { key, label: figures.period.label, from: figures.period.from, to: figures.period.to };
}
