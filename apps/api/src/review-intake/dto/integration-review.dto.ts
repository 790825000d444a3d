import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDate, IsOptional } from 'class-validator';
import { ToInstant } from '../../common/iso-instant';
import { ClientKeyField, CodeField, CommentField, LevelField, NestedField, OptionCodesField } from './rating-fields';
import { ReviewerDto } from './reviewer.dto';

/** A rating of one case from the provincial portal (一事一评), channel ONLINE_PORTAL. */
export class IntegrationReviewDto {
  @ClientKeyField()
  clientKey!: string;

  @CodeField('办件编号', 'JX-2026-000123', true)
  caseNumber!: string;

  @LevelField()
  level!: number;

  @OptionCodesField()
  optionCodes?: string[];

  @CommentField()
  comment?: string;

  @NestedField(() => ReviewerDto, 'real-name with the case phone unless ANONYMOUS')
  reviewer?: ReviewerDto;

  @ApiPropertyOptional({ example: '2026-03-09T10:00:00+08:00', description: 'when the citizen rated on the portal (default: now); ISO 8601 with offset' })
  @IsOptional()
  @ToInstant()
  @IsDate({ message: '评价时间须为带时区的 ISO 8601 时间，如 2026-03-09T10:00:00+08:00' })
  ratedAt?: Date;
}
