import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const SLA_CLOCK_UNITS = ['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_HOURS', 'CALENDAR_DAYS'] as const;
/** Far beyond any clock a county would set (a year of working days); keeps a typo from scheduling a timer in 2090. */
export const MAX_CLOCK_AMOUNT = 250;

/** One clock: a positive amount (two decimals at most) and its unit. */
export class SlaClockDto {
  @ApiProperty({ example: 1, description: `> 0, at most ${MAX_CLOCK_AMOUNT}, two decimals at most` })
  @IsDefined({ message: '请填写时长' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: '时长须为数字（最多两位小数）' })
  @IsPositive({ message: '时长必须大于 0' })
  @Max(MAX_CLOCK_AMOUNT, { message: `时长不能超过 ${MAX_CLOCK_AMOUNT}` })
  amount!: number;

  @ApiProperty({ enum: SLA_CLOCK_UNITS })
  @IsIn(SLA_CLOCK_UNITS, { message: '单位只能是 工作小时、工作日、自然小时、自然日' })
  unit!: (typeof SLA_CLOCK_UNITS)[number];
}

export class CategoryClocksDto {
  @ApiProperty({ type: SlaClockDto, description: 'from the review until the callback with an initial reply' })
  @IsDefined({ message: '请填写回访时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  callback!: SlaClockDto;

  @ApiProperty({ type: SlaClockDto, description: 'from the review until the rectification result' })
  @IsDefined({ message: '请填写整改结果时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  result!: SlaClockDto;
}

export class CategoriesDto {
  @ApiProperty({ type: CategoryClocksDto, description: '立整立改' })
  @IsDefined({ message: '请填写立整立改的时限' })
  @ValidateNested()
  @Type(() => CategoryClocksDto)
  IMMEDIATE!: CategoryClocksDto;

  @ApiProperty({ type: CategoryClocksDto, description: '限时整改' })
  @IsDefined({ message: '请填写限时整改的时限' })
  @ValidateNested()
  @Type(() => CategoryClocksDto)
  TIME_LIMITED!: CategoryClocksDto;

  @ApiProperty({ type: CategoryClocksDto, description: '协调整改' })
  @IsDefined({ message: '请填写协调整改的时限' })
  @ValidateNested()
  @Type(() => CategoryClocksDto)
  COORDINATED!: CategoryClocksDto;
}

/** "Editing" the SLA policy: every clock of the next version (the shape of SlaPolicy in @haochaping/contracts). */
export class CreateSlaPolicyVersionDto {
  @ApiProperty({ type: CategoriesDto })
  @IsDefined({ message: '请填写各整改类别的时限' })
  @ValidateNested()
  @Type(() => CategoriesDto)
  categories!: CategoriesDto;

  @ApiProperty({ type: SlaClockDto, description: 'overdue this long more → the county (level 2)' })
  @IsDefined({ message: '请填写升级到县级的时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  escalationAfter!: SlaClockDto;

  @ApiProperty({ example: 0.8, description: 'share of each window after which a reminder goes out, 0.5–0.95' })
  @IsDefined({ message: '请填写提醒比例' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: '提醒比例须为数字（最多两位小数）' })
  @Min(0.5, { message: '提醒比例须在 0.5 到 0.95 之间' })
  @Max(0.95, { message: '提醒比例须在 0.5 到 0.95 之间' })
  reminderRatio!: number;

  @ApiProperty({ type: SlaClockDto, description: '满意/不满意 window' })
  @IsDefined({ message: '请填写群众确认时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  confirmationWindow!: SlaClockDto;

  @ApiProperty({ type: SlaClockDto, description: "the county's decision on a proposed rejection" })
  @IsDefined({ message: '请填写不予采纳审核时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  rejectionDecision!: SlaClockDto;

  @ApiProperty({ type: SlaClockDto, description: "the county's decision on a requested extension" })
  @IsDefined({ message: '请填写延期审批时限' })
  @ValidateNested()
  @Type(() => SlaClockDto)
  extensionDecision!: SlaClockDto;

  @ApiPropertyOptional({ example: '按县政府要求，立整立改回访改为 30 分钟' })
  @IsOptional()
  @Trim()
  @IsString({ message: '说明必须是文字' })
  @MaxLength(200, { message: '说明不能超过 200 个字' })
  note?: string;
}

export class SlaClockResponse {
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: SLA_CLOCK_UNITS }) unit!: string;
}

/** One version of the SLA policy, as admins see it. `id` is the version number (react-admin's record id). */
export class SlaPolicyVersionResponse {
  @ApiProperty() id!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'the newest version: the one new cases start under' }) current!: boolean;
  @ApiProperty({ description: 'cases in the read model that run under this version' }) caseCount!: number;
  @ApiProperty({ description: 'those of them still open' }) openCaseCount!: number;
  @ApiProperty({ description: 'the SlaPolicy (categories, escalationAfter, reminderRatio, confirmationWindow, rejectionDecision, extensionDecision)' })
  policy!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}
