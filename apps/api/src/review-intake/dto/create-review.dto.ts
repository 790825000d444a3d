import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { ClientKeyField, CodeField, CommentField, LevelField, NestedField, OptionCodesField, PhoneField } from './rating-fields';
import { describeChannelFields } from '../rules/public-channel-fields';
import { ReviewerDto } from './reviewer.dto';

/** Channels a citizen rates through on the public pages. */
export const PUBLIC_REVIEW_CHANNELS = ['WINDOW_QR', 'CASE_INVITATION', 'PUBLIC_FORM'] as const;
export type PublicReviewChannel = (typeof PUBLIC_REVIEW_CHANNELS)[number];

/**
 * A citizen's rating as the public pages submit it. Which fields a channel takes (INTAKE-API.md, "Ratings"):
 * WINDOW_QR `hallCode`, `windowCode`, `caseId`, `phone`; CASE_INVITATION `invitationToken`; PUBLIC_FORM (the
 * default) `hallCode`, `windowCode?`, `staffEmployeeNumber?`. Fields of another channel are refused.
 */
@ApiSchema({ description: describeChannelFields() })
export class CreateReviewDto {
  @ClientKeyField()
  clientKey!: string;

  @ApiPropertyOptional({ enum: PUBLIC_REVIEW_CHANNELS, default: 'PUBLIC_FORM' })
  @IsOptional()
  @IsIn(PUBLIC_REVIEW_CHANNELS, { message: `评价渠道只能是 ${PUBLIC_REVIEW_CHANNELS.join('、')}` })
  channel?: PublicReviewChannel;

  @CodeField('服务大厅编码', 'jintun', false)
  hallCode?: string;

  @CodeField('窗口编码', 'W01', false)
  windowCode?: string;

  @CodeField('工作人员工号', 'JX04011', false)
  staffEmployeeNumber?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'WINDOW_QR: the case chosen from the case look-up' })
  @IsOptional()
  @IsUUID('all', { message: '办件标识格式不正确' })
  caseId?: string;

  @PhoneField('WINDOW_QR: the phone registered with the case', false)
  phone?: string;

  @ApiPropertyOptional({ description: 'CASE_INVITATION: the token of the invitation link' })
  @Trim()
  @IsOptional()
  @IsString({ message: '评价邀请码必须是文字' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: '评价邀请码格式不正确' })
  invitationToken?: string;

  @LevelField()
  level!: number;

  @OptionCodesField()
  optionCodes?: string[];

  @CommentField()
  comment?: string;

  @NestedField(() => ReviewerDto, 'anonymous by default on the public form; real-name with the case phone on case-bound channels')
  reviewer?: ReviewerDto;
}
