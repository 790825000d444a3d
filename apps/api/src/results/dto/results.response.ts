import { ApiProperty } from '@nestjs/swagger';
import { FIGURES, FIGURE_KEYS, RESULT_DIMENSIONS, type FigureKey, type Figures } from '@haochaping/contracts';
import { RESULT_PERIODS } from '../result-period';

/** Every figure of @haochaping/contracts FIGURES, documented from its definition (one source for the labels). */
export class FiguresDto implements Figures {
  declare reviews: number | null;
  declare goodRate: number | null;
  declare badRate: number | null;
  declare unpromptedGoodRate: number | null;
  declare ratedRate: number | null;
  declare unratedRate: number | null;
  declare badReplyRate: number | null;
  declare realNameCallbackRate: number | null;
  declare rectificationRate: number | null;
  declare callbackRectificationRate: number | null;
  declare rectificationSatisfactionRate: number | null;
  declare confirmationSatisfactionRate: number | null;
  declare onTimeRate: number | null;
  declare averageHandlingHours: number | null;
  declare p90HandlingHours: number | null;
  declare reopenRate: number | null;
  declare notAdopted: number | null;
  declare excludedAsCoerced: number | null;
}
for (const key of FIGURE_KEYS) {
  const { label, unit, note } = FIGURES[key];
  const what = unit === 'rate' ? 'a fraction with four decimals' : unit === 'workingHours' ? 'working hours, one decimal' : 'a count';
  ApiProperty({ type: Number, nullable: unit !== 'count', description: `${label}: ${note} (${what}; null when there is nothing to divide)` })(FiguresDto.prototype, key);
}

/** Adopted reviews per level. */
export class LevelCountsDto {
  @ApiProperty({ description: '非常满意 (adopted reviews)' }) level5!: number;
  @ApiProperty({ description: '满意' }) level4!: number;
  @ApiProperty({ description: '基本满意' }) level3!: number;
  @ApiProperty({ description: '不满意' }) level2!: number;
  @ApiProperty({ description: '非常不满意' }) level1!: number;
}

export class ResultsPeriodDto {
  @ApiProperty({ enum: Object.keys(RESULT_PERIODS) }) kind!: string;
  @ApiProperty({ example: '2026-11-01T00:00:00+08:00' }) from!: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+08:00', description: 'exclusive' }) to!: string;
  @ApiProperty({ example: '2026年11月' }) label!: string;
}

export class ResultsRowDto {
  @ApiProperty({ type: String, nullable: true, description: 'the id (hall, window, staff, item, department), channel or reason code; null: not recorded (e.g. a review without a window)' })
  key!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'jintun', description: 'the code people know it by, when it has one' }) code!: string | null;
  @ApiProperty({ example: '金屯镇' }) name!: string;
  @ApiProperty({ type: LevelCountsDto, description: 'adopted reviews per level (for reasons: the reviews giving that reason)' }) levels!: LevelCountsDto;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class FigureNoteDto {
  @ApiProperty({ enum: FIGURE_KEYS }) key!: FigureKey;
  @ApiProperty({ example: '好评率' }) label!: string;
  @ApiProperty({ enum: ['rate', 'count', 'workingHours'] }) unit!: string;
  @ApiProperty() note!: string;
}

export class ResultsResponse {
  @ApiProperty({ type: ResultsPeriodDto }) period!: ResultsPeriodDto;
  @ApiProperty({ enum: Object.keys(RESULT_DIMENSIONS) }) dimension!: string;
  @ApiProperty({ example: '大厅（镇街）' }) dimensionLabel!: string;
  @ApiProperty({ type: FiguresDto, description: 'the whole of what the caller sees (all rows together; for reasons: every review once)' }) total!: FiguresDto;
  @ApiProperty({ type: LevelCountsDto, description: 'adopted reviews per level over the whole (each review once)' }) totalLevels!: LevelCountsDto;
  @ApiProperty({ type: [ResultsRowDto], description: 'one row per value that has anything in the period, by name' }) rows!: ResultsRowDto[];
  @ApiProperty({ type: [FigureNoteDto], description: 'how each figure is computed (for the report notes)' }) notes!: FigureNoteDto[];
}
