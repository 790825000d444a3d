import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../common/trim.transform';

/** A reply the SMS gateway received from a citizen, forwarded to us (its delivery callback). */
export class InboundSmsDto {
  @ApiProperty({ example: '13812345678', description: 'the number the reply came from' })
  @Trim()
  @IsNotEmpty({ message: '发送号码（from）不能为空' })
  @IsString({ message: '发送号码（from）必须是文字' })
  @MaxLength(32, { message: '发送号码（from）不能超过32个字符' })
  from!: string;

  @ApiProperty({ example: 'TD', description: 'the text of the reply; 退订 / TD / T / N opt the number out of SMS invitations' })
  @IsString({ message: '短信内容（text）必须是文字' })
  @MaxLength(500, { message: '短信内容（text）不能超过500字' })
  text!: string;

  @ApiPropertyOptional({ example: '2026-03-09T10:15:00+08:00', description: 'when the gateway received it (informational)' })
  @IsOptional()
  @IsString({ message: '接收时间（receivedAt）必须是文字' })
  receivedAt?: string;
}

export class InboundSmsResponse {
  @ApiProperty({ description: 'true: the reply asked to opt out and the number gets no more SMS invitations' }) optedOut!: boolean;
}

export class SmsOptOutResponse {
  @ApiProperty({ example: true }) optedOut!: boolean;
}

/** The county's setting of the SMS invitations to rate. */
export class RatingInvitationSettingsDto {
  @ApiProperty({ example: 2, minimum: 1, maximum: 4, description: 'working days after completion before an unrated case gets its SMS invitation (the rating period is 5)' })
  @IsInt({ message: '发送评价邀请短信的时间（reminderAfterWorkingDays）必须是整数个工作日' })
  @Min(1, { message: '发送评价邀请短信的时间（reminderAfterWorkingDays）至少为办结后1个工作日' })
  @Max(4, { message: '发送评价邀请短信的时间（reminderAfterWorkingDays）最多为办结后4个工作日（评价期限为5个工作日）' })
  reminderAfterWorkingDays!: number;
}

export class RatingInvitationSettingsResponse extends RatingInvitationSettingsDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'who set it last; null while the default applies' }) updatedBy!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) updatedAt!: string | null;
}
