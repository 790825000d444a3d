import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIGURE_KEYS, FIGURES, type FigureKey } from '@haochaping/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { ResultsQueryDto } from './results-query.dto';
import { ResultsPeriodDto } from './results.response';

/** The figures a ranking can be by: every rate and handling time (counts rank nothing). */
export const RANKING_FIGURES = FIGURE_KEYS.filter((key) => FIGURES[key].unit !== 'count');
/** Figures where less is better: the ranking puts the lowest first. */

export class RankingsQueryDto extends ResultsQueryDto {
  @ApiPropertyOptional({ enum: RANKING_FIGURES, default: 'goodRate', description: RANKING_FIGURES.map((key) => `${key} ${FIGURES[key].label}`).join('; ') })
  @IsOptional()
  @IsIn(RANKING_FIGURES, { message: `排名指标（figure）只能是 ${RANKING_FIGURES.join('、')}` })
  figure?: FigureKey;
}

export class RankingEntryDto {
  @ApiProperty({ type: Number, nullable: true, description: 'the place (equal values share it: 1, 1, 3); null: not ranked (too few reviews, or no value)' })
  rank!: number | null;
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ type: String, nullable: true }) code!: string | null;
  @ApiProperty({ example: '金屯镇' }) name!: string;
  @ApiProperty({ description: 'reviews given in the period (评价总数)' }) reviews!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the figure' }) value!: number | null;
}

export class RankingsResponse {
  @ApiProperty({ type: ResultsPeriodDto }) period!: ResultsPeriodDto;
  @ApiProperty() dimension!: string;
  @ApiProperty() dimensionLabel!: string;
  @ApiProperty({ enum: RANKING_FIGURES }) figure!: FigureKey;
  @ApiProperty({ example: '好评率' }) figureLabel!: string;
  @ApiProperty({ enum: ['desc', 'asc'], description: 'desc: the highest value is first; asc: the lowest (差评率, handling time, 重办率, 未评率)' }) order!: 'asc' | 'desc';
  @ApiProperty({ description: 'reviews needed in the period before a value is ranked (admin setting)' }) minimumReviews!: number;
  @ApiProperty({ type: [RankingEntryDto] }) ranked!: RankingEntryDto[];
  @ApiProperty({ type: [RankingEntryDto], description: 'fewer reviews than the minimum, or no value: listed, not ranked' }) unranked!: RankingEntryDto[];
}
