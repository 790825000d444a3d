import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';
import { IMPROVEMENT_ACTION_NAMES, IMPROVEMENT_STATUSES, type ImprovementAction, type ImprovementStatus } from '../improvement-item.rules';
import { REASON_KINDS, type ReasonKind } from '../recurrence.rule';

export const OWNER_KINDS = ['HALL', 'DEPARTMENT'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];
const STATUS_NAMES = Object.keys(IMPROVEMENT_STATUSES);

/** A review behind a proposal or an item: what it says, never who gave it. */
export class ImprovementReviewResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) level!: number;
  @ApiProperty({ type: [String], example: ['B3'] }) optionCodes!: string[];
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty({ example: '2026-11-20T02:00:00.000Z' }) createdAt!: string;
}

export class ImprovementProposalResponse {
  @ApiProperty({ example: 'jintun|RS-001|OPTION:B3', description: 'the recurrence: hall | service item ("-": none) | OPTION:<code> or THEME:<label>' }) key!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true }) serviceItemCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ enum: REASON_KINDS }) reasonKind!: ReasonKind;
  @ApiProperty({ example: 'B3', description: 'the option code or the theme’s label' }) reasonCode!: string;
  @ApiProperty({ example: '办理效率低、等候时间长' }) reasonLabel!: string;
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty() firstAt!: string;
  @ApiProperty() lastAt!: string;
  @ApiProperty({ type: [ImprovementReviewResponse], description: 'the bad reviews counted, oldest first' }) reviews!: ImprovementReviewResponse[];
}

export class ImprovementProposalsResponse {
  @ApiProperty({ description: 'start of the period counted (excluded)' }) periodFrom!: string;
  @ApiProperty({ description: 'now (included)' }) periodTo!: string;
  @ApiProperty() minCount!: number;
  @ApiProperty() periodDays!: number;
  @ApiProperty({ type: [ImprovementProposalResponse] }) proposals!: ImprovementProposalResponse[];
}

export class AcceptProposalDto {
  @ApiProperty({ example: 'jintun|RS-001|OPTION:B3' })
  @IsDefined({ message: '请指明要采纳的建议' })
  @IsString({ message: '建议标识必须是文字' })
  @MaxLength(200, { message: '建议标识过长' })
  key!: string;

  @ApiProperty({ enum: OWNER_KINDS, description: 'a hall (镇街) or a county department (县直部门)' })
  @IsIn(OWNER_KINDS, { message: '责任单位类型只能是 HALL（镇街大厅）或 DEPARTMENT（县直部门）' })
  ownerKind!: OwnerKind;

  @ApiProperty({ example: 'jintun', description: 'the hall’s or department’s code' })
  @Trim()
  @IsDefined({ message: '请选择责任单位' })
  @IsString({ message: '责任单位编码必须是文字' })
  @MaxLength(50, { message: '责任单位编码过长' })
  ownerCode!: string;

  @ApiProperty({ example: '2026-12-31', description: 'the due date (a Shanghai calendar date, today or later)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '完成期限须为日期，如 2026-12-31' })
  dueDate!: string;

  @ApiPropertyOptional({ example: '优化社保卡补办流程，缩短等候时间', description: 'what is to be improved (default: the hall, item and reason)' })
  @IsOptional()
  @Trim()
  @IsString({ message: '事项名称必须是文字' })
  @MaxLength(100, { message: '事项名称不能超过 100 个字' })
  title?: string;
}

export class DismissProposalDto {
  @ApiProperty({ example: 'jintun|RS-001|OPTION:B3' })
  @IsDefined({ message: '请指明要不予采纳的建议' })
  @IsString({ message: '建议标识必须是文字' })
  @MaxLength(200, { message: '建议标识过长' })
  key!: string;

  @ApiProperty({ example: '均为个别现象，已在单件整改中处理' })
  @Trim()
  @IsDefined({ message: '请填写不予采纳的理由' })
  @IsString({ message: '理由必须是文字' })
  @IsNotEmpty({ message: '请填写不予采纳的理由' })
  @MaxLength(500, { message: '理由不能超过 500 个字' })
  reason!: string;
}

export class DismissalResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) reviewIds!: string[];
  @ApiProperty() dismissedAt!: string;
}

/** Progress, completion or reopening: a note is always asked for (what was done, or why it is reopened). */
export class ImprovementActionDto {
  @ApiProperty({ example: '已增设自助取号机，高峰期增开窗口' })
  @Trim()
  @IsDefined({ message: '请填写说明' })
  @IsString({ message: '说明必须是文字' })
  @IsNotEmpty({ message: '请填写说明' })
  @MaxLength(1000, { message: '说明不能超过 1000 个字' })
  note!: string;
}

export class ImprovementItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() hallCode!: string;
  @ApiProperty() hallName!: string;
  @ApiProperty({ type: String, nullable: true }) serviceItemCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ enum: REASON_KINDS }) reasonKind!: ReasonKind;
  @ApiProperty() reasonCode!: string;
  @ApiProperty() reasonLabel!: string;
  @ApiProperty({ enum: OWNER_KINDS }) ownerKind!: OwnerKind;
  @ApiProperty() ownerCode!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ example: '2026-12-31' }) dueDate!: string;
  @ApiProperty({ enum: STATUS_NAMES }) status!: ImprovementStatus;
  @ApiProperty({ example: '待整改' }) statusLabel!: string;
  @ApiProperty({ description: 'not done and the due date has passed (Shanghai calendar)' }) overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) completionNote!: string | null;
  @ApiProperty() reviewCount!: number;
  @ApiProperty() acceptedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) doneAt!: string | null;
  @ApiProperty({ enum: IMPROVEMENT_ACTION_NAMES, isArray: true, description: 'what the caller may do now' }) allowedActions!: ImprovementAction[];
}

export class ImprovementHistoryEntry {
  @ApiProperty() at!: string;
  @ApiProperty({ example: 'improvement.accept' }) action!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) fromStatus!: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus!: string | null;
}

export class ImprovementItemDetailResponse extends ImprovementItemResponse {
  @ApiProperty({ type: [ImprovementReviewResponse] }) reviews!: ImprovementReviewResponse[];
  @ApiProperty({ type: [ImprovementHistoryEntry], description: 'from the audit trail, oldest first' }) history!: ImprovementHistoryEntry[];
}
