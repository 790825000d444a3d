import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { HallCodeParam } from './results-query.dto';
import { FiguresDto, LevelCountsDto } from './results.response';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const BUCKETS = ['day', 'week', 'month'] as const;

/** A trend: the figures per Shanghai day, ISO week or month over a range of days. */
export class TrendQueryDto {
  @ApiProperty({ enum: BUCKETS, description: 'day 日; week 周 (Monday to Sunday); month 月' })
  @IsIn(BUCKETS, { message: '时间粒度（bucket）只能是 day、week、month' })
  bucket!: (typeof BUCKETS)[number];

  @ApiProperty({ example: '2026-11-01', description: 'the first day (Asia/Shanghai); its whole week or month is counted' })
  @Matches(DATE, { message: '开始日期（from）须为 YYYY-MM-DD，例如 2026-11-01' })
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'the last day, included; its whole week or month is counted' })
  @Matches(DATE, { message: '结束日期（to）须为 YYYY-MM-DD，例如 2026-11-30' })
  to!: string;

  @HallCodeParam()
  hallCode?: string;
}

export class TrendBucketDto {
  @ApiProperty({ example: '2026-11-02', description: 'the bucket’s first day' }) key!: string;
  @ApiProperty({ example: '2026-11-02 至 2026-11-08' }) label!: string;
  @ApiProperty({ type: LevelCountsDto }) levels!: LevelCountsDto;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class TrendResponse {
  @ApiProperty({ enum: BUCKETS }) bucket!: string;
  @ApiProperty({ example: '2026-11-02T00:00:00+08:00', description: 'the first bucket’s start' }) from!: string;
  @ApiProperty({ example: '2026-12-07T00:00:00+08:00', description: 'the last bucket’s end (exclusive)' }) to!: string;
  @ApiProperty({ type: String, nullable: true }) hallCode!: string | null;
  @ApiProperty({ type: [TrendBucketDto], description: 'every bucket of the range, in order; an empty one has no rates' }) buckets!: TrendBucketDto[];
}
