import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsOptional } from 'class-validator';
import { ToInstant } from '../../common/iso-instant';

const INSTANT_MESSAGE = '必须是带时区的 ISO 8601 时间，例如 2026-03-01T00:00:00+08:00';

/** The period of a statistic: reviews and cases from `from` (inclusive) to `to` (exclusive). */
export class StatisticsQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-03-01T00:00:00+08:00', description: 'inclusive; default 30 days before `to`' })
  @ToInstant()
  @IsOptional()
  @IsDate({ message: `开始时间（from）${INSTANT_MESSAGE}` })
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-04-01T00:00:00+08:00', description: 'exclusive; default now' })
  @ToInstant()
  @IsOptional()
  @IsDate({ message: `结束时间（to）${INSTANT_MESSAGE}` })
  to?: Date;
}
