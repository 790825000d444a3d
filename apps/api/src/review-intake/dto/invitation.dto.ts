import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_INVITATION_VALID_HOURS = 120;
export const MAX_INVITATION_VALID_HOURS = 720;

export class CreateInvitationDto {
  @ApiPropertyOptional({ default: false, description: "queue an SMS with the link to the case's mobile phone" })
  @IsOptional()
  @IsBoolean({ message: 'sendSms 必须是 true 或 false' })
  sendSms?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INVITATION_VALID_HOURS, default: DEFAULT_INVITATION_VALID_HOURS, description: 'never beyond the rating period' })
  @IsOptional()
  @IsInt({ message: `有效时长必须是 1 到 ${MAX_INVITATION_VALID_HOURS} 之间的整数（小时）` })
  @Min(1, { message: `有效时长必须是 1 到 ${MAX_INVITATION_VALID_HOURS} 之间的整数（小时）` })
  @Max(MAX_INVITATION_VALID_HOURS, { message: `有效时长必须是 1 到 ${MAX_INVITATION_VALID_HOURS} 之间的整数（小时）` })
  validHours?: number;
}

export class InvitationCreatedResponse {
  @ApiProperty({ example: 'https://hcp.jiaxiang.gov.cn/citizen/i/Qm9v…' }) url!: string;
  @ApiProperty({ example: '2026-03-14T10:00:00+08:00', description: 'validHours after now, or the end of the rating period if earlier' })
  expiresAt!: string;
  @ApiProperty() smsQueued!: boolean;
  @ApiPropertyOptional({ example: '该办件未登记手机号码，未发送短信', description: 'why sendSms did not queue an SMS' })
  smsNotQueuedReason?: string;
}

export class InvitationResponse {
  @ApiProperty({ example: 'JX-2****0123' }) caseNumberMasked!: string;
  @ApiProperty({ example: '社会保障卡申领' }) serviceItemName!: string;
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'] }) nature!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'W01' }) windowCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '综合受理窗口' }) windowName!: string | null;
  @ApiProperty({ example: '2026-03-09T10:00:00+08:00' }) completedAt!: string;
  @ApiProperty({ example: '2026-03-14T10:00:00+08:00' }) expiresAt!: string;
}
