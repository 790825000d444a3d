import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIGURES } from '@haochaping/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { FigureNoteDto, LevelCountsDto } from '../../results/dto/results.response';
import { PUBLIC_FIGURE_KEYS, PUBLIC_PERIODS, type PublicFigureKey, type PublicPeriodKey } from '../public-figures';

const PERIOD_KEYS = Object.keys(PUBLIC_PERIODS) as PublicPeriodKey[];

/** Which period the public pages show: this month, last month or this year (Asia/Shanghai calendar). */
export class PublicResultsQueryDto {
  @ApiPropertyOptional({ enum: PERIOD_KEYS, default: 'month', description: Object.entries(PUBLIC_PERIODS).map(([key, label]) => `${key} ${label}`).join('; ') })
  @IsOptional()
  @IsIn(PERIOD_KEYS, { message: `统计周期（period）只能是 ${PERIOD_KEYS.join('、')}` })
  period?: PublicPeriodKey;
}

/** The published figures of one hall or of the county (a subset of the console's figures, same definitions). */
export class PublicFiguresDto {
  declare reviews: number | null;
  declare goodRate: number | null;
  declare badRate: number | null;
  declare rectificationRate: number | null;
  declare onTimeRate: number | null;
  declare ratedRate: number | null;
}
for (const key of PUBLIC_FIGURE_KEYS) {
  const { label, unit, note } = FIGURES[key];
  const what = unit === 'rate' ? 'a fraction with four decimals; null when there is nothing to divide' : 'a count';
  ApiProperty({ type: Number, nullable: unit !== 'count', description: `${label}: ${note} (${what})` })(PublicFiguresDto.prototype, key satisfies PublicFigureKey);
}

/** One subject's figures over one period, or the notice that they are withheld. */
export class PublicResultDto {
  @ApiProperty({ description: 'false: fewer adopted reviews than the minimum (the same admin setting as the rankings); no figure is given' })
  published!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '评价数不足3条，暂不公布', description: 'what to show instead of the figures when they are withheld' })
  notice!: string | null;
  @ApiProperty({ type: PublicFiguresDto, nullable: true, description: 'null when withheld' })
  figures!: PublicFiguresDto | null;
  @ApiProperty({ type: LevelCountsDto, nullable: true, description: 'adopted reviews per level; null when withheld' })
  levels!: LevelCountsDto | null;
}

export class PublicHallResultDto extends PublicResultDto {
  @ApiProperty({ example: 'jintun' }) code!: string;
  @ApiProperty({ example: '金屯镇' }) name!: string;
}

export class PublicTrendPointDto extends PublicResultDto {
  @ApiProperty({ example: '2026-11-01', description: 'the month’s first day' }) key!: string;
  @ApiProperty({ example: '2026年11月' }) label!: string;
}

export class PublicPeriodDto {
  @ApiProperty({ enum: PERIOD_KEYS }) key!: string;
  @ApiProperty({ example: '2026年11月' }) label!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00+08:00' }) from!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+08:00', description: 'exclusive' }) to!: string;
}

class PublicResultsBase {
  @ApiProperty({ type: PublicPeriodDto }) period!: PublicPeriodDto;
  @ApiProperty({ example: 3, description: 'the fewest adopted reviews a figure is published from (results.minReviewsToRank)' }) minimumReviews!: number;
  @ApiProperty({ type: [PublicTrendPointDto], description: 'the last twelve months, oldest first, each withheld below the minimum on its own' }) trend!: PublicTrendPointDto[];
  @ApiProperty({ type: [FigureNoteDto], description: 'how each published figure is computed' }) notes!: FigureNoteDto[];
}

/** GET /api/public/results: the county and every hall. */
export class PublicResultsResponse extends PublicResultsBase {
  @ApiProperty({ type: PublicResultDto, description: 'the whole county' }) county!: PublicResultDto;
  @ApiProperty({ type: [PublicHallResultDto], description: 'every hall, by name' }) halls!: PublicHallResultDto[];
}

/** GET /api/public/results/halls/:hallCode: one hall. */
export class PublicHallResultsResponse extends PublicResultsBase {
  @ApiProperty({ type: PublicHallResultDto }) hall!: PublicHallResultDto;
}
