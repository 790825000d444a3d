import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class ReviewStatusQueryDto {
  @ApiProperty({ example: 'K7QW3MZP9D', description: 'shown after rating; spaces, dashes and case do not matter' })
  @Trim()
  @IsDefined({ message: '请填写查询码' })
  @IsString({ message: '查询码必须是文字' })
  @MaxLength(32, { message: '查询码过长' })
  trackingCode!: string;

  @ApiPropertyOptional({ example: '5678', description: 'required when the review has a phone' })
  @Trim()
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '请填写手机号码的后四位数字' })
  phoneLast4?: string;
}

export class ReviewStage {
  @ApiProperty({ enum: ['RECORDED', 'RECEIVED', 'VERIFYING', 'RECTIFYING', 'AWAITING_CONFIRMATION', 'CLOSED'] }) code!: string;
  @ApiProperty({ example: '整改中' }) label!: string;
}

export class ReviewRectificationStatus {
  @ApiProperty({ example: 'AWAITING_CONFIRMATION' }) state!: string;
  @ApiProperty({ example: '待群众确认' }) stateLabel!: string;
  @ApiPropertyOptional({ description: 'the result the hall recorded, once it has' }) resultSummary?: string;
  @ApiProperty({ description: 'whether the reviewer may answer 满意/不满意 now' }) confirmationOpen!: boolean;
  @ApiPropertyOptional({ example: '2026-03-16T10:00:00+08:00' }) confirmationDueAt?: string;
  @ApiPropertyOptional({ example: 'SATISFIED' }) outcome?: string;
  @ApiPropertyOptional({ example: '满意' }) outcomeLabel?: string;
}

export class ReviewStatusResponse {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ example: 2 }) level!: number;
  @ApiProperty({ example: '不满意' }) levelLabel!: string;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty({ example: '窗口二维码' }) channelLabel!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ enum: ['ADOPTED', 'NOT_ADOPTED'] }) adoption!: string;
  @ApiProperty({ example: '已采纳' }) adoptionLabel!: string;
  @ApiProperty({ type: ReviewStage }) stage!: ReviewStage;
  @ApiPropertyOptional({ type: ReviewRectificationStatus, description: 'bad reviews, once the rectification has opened' })
  rectification?: ReviewRectificationStatus;
}

export class ConfirmResultDto {
  @ApiPropertyOptional({ example: '5678', description: 'required when the review has a phone (as for the status page)' })
  @Trim()
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '请填写手机号码的后四位数字' })
  phoneLast4?: string;

  @ApiProperty({ enum: ['SATISFIED', 'UNSATISFIED'], description: '满意 / 不满意 (不满意 reopens the case once, at the county)' })
  @IsDefined({ message: '请选择对整改结果满意或不满意' })
  @IsIn(['SATISFIED', 'UNSATISFIED'], { message: '确认结果只能是 SATISFIED（满意）或 UNSATISFIED（不满意）' })
  answer!: 'SATISFIED' | 'UNSATISFIED';

  @ApiPropertyOptional({ maxLength: 500 })
  @Trim()
  @IsOptional()
  @IsString({ message: '意见必须是文字' })
  @MaxLength(500, { message: '意见不能超过 500 字' })
  comment?: string;
}

export class ConfirmationResponse {
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ example: 'CLOSED' }) state!: string;
  @ApiProperty({ example: '已办结' }) stateLabel!: string;
  @ApiPropertyOptional({ example: 'SATISFIED' }) outcome?: string;
  @ApiPropertyOptional({ example: '满意' }) outcomeLabel?: string;
}
