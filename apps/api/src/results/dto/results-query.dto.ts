import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { RESULT_DIMENSIONS, type ResultDimension } from '@haochaping/contracts';
import { IsIn, IsOptional, Matches, ValidateIf } from 'class-validator';
import { RESULT_PERIODS, type ResultPeriodKind } from '../result-period';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DIMENSIONS = Object.keys(RESULT_DIMENSIONS) as ResultDimension[];
const PERIODS = Object.keys(RESULT_PERIODS) as ResultPeriodKind[];

/** An optional query parameter naming one hall by its code (which halls the caller may name is the service's check). */
export function HallCodeParam(description = 'one hall (of those the caller sees); default: every hall the caller sees'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: 'jintun', description }),
    IsOptional(),
    Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: '服务大厅编码（hallCode）格式不正确' }),
  );
}

/** Which figures: cut by one dimension over one Shanghai calendar period. */
export class ResultsQueryDto {
  @ApiPropertyOptional({ enum: DIMENSIONS, default: 'county', description: Object.entries(RESULT_DIMENSIONS).map(([k, v]) => `${k} ${v}`).join('; ') })
  @IsOptional()
  @IsIn(DIMENSIONS, { message: `统计维度（dimension）只能是 ${DIMENSIONS.join('、')}` })
  dimension?: ResultDimension;

  @ApiPropertyOptional({ enum: PERIODS, default: 'month', description: 'the day, ISO week, month, quarter or year containing `date`; custom: from `from` to `to`, both days included' })
  @IsOptional()
  @IsIn(PERIODS, { message: `统计周期（period）只能是 ${PERIODS.join('、')}` })
  period?: ResultPeriodKind;

  @ApiPropertyOptional({ example: '2026-11-15', description: 'a date (Asia/Shanghai) inside the period; default today' })
  @IsOptional()
  @Matches(DATE, { message: '日期（date）须为 YYYY-MM-DD，例如 2026-11-15' })
  date?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'custom period only (required there): the first day' })
  @ValidateIf((query: ResultsQueryDto) => query.period === 'custom' || query.from !== undefined)
  @Matches(DATE, { message: '自定义周期须给出开始日期（from），格式 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'custom period only (required there): the last day, included' })
  @ValidateIf((query: ResultsQueryDto) => query.period === 'custom' || query.to !== undefined)
  @Matches(DATE, { message: '自定义周期须给出结束日期（to），格式 YYYY-MM-DD' })
  to?: string;

  @HallCodeParam()
  hallCode?: string;
}
