import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CALLBACK_METHODS, MAX_TEXT_LENGTH, RECTIFICATION_CATEGORIES, type CallbackMethod, type RectificationCategory } from '@haochaping/contracts';
import { Trim } from '../../common/trim.transform';

// The bodies of the actions mirror the workflow's command types without the actor (the API authenticates it).
// The DTOs check each field's shape; which fields a particular choice requires (a category when the review is
// true, the initial reply when the reviewer was reached) is the workflow's rule, and its refusal is a 422 as well.

const CATEGORY_IDS = Object.keys(RECTIFICATION_CATEGORIES) as RectificationCategory[];
const TEXT_TOO_LONG = `不能超过${MAX_TEXT_LENGTH}字`;
// An ISO 8601 instant with an explicit offset; the workflow checks it is neither before the review nor in the future.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class VerifyDto {
  @ApiProperty({ enum: ['TRUE', 'UNTRUE', 'MALICIOUS'], description: '属实 / 不属实 / 恶意评价' })
  @IsIn(['TRUE', 'UNTRUE', 'MALICIOUS'], { message: '核实结论（finding）只能是 TRUE、UNTRUE 或 MALICIOUS' })
  finding!: 'TRUE' | 'UNTRUE' | 'MALICIOUS';

  @ApiPropertyOptional({ enum: CATEGORY_IDS, description: '整改类别（属实时必填）' })
  @IsOptional()
  @IsIn(CATEGORY_IDS, { message: `整改类别（category）只能是 ${CATEGORY_IDS.join('、')}` })
  category?: RectificationCategory;

  @ApiPropertyOptional({ description: '核实情况（属实时必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '核实情况（notes）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `核实情况（notes）${TEXT_TOO_LONG}` })
  notes?: string;

  @ApiPropertyOptional({ description: '不予采纳的证据说明（不属实或恶意评价时必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '证据说明（evidenceNotes）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `证据说明（evidenceNotes）${TEXT_TOO_LONG}` })
  evidenceNotes?: string;
}

export class DecideRejectionDto {
  @ApiProperty({ enum: ['APPROVE', 'DENY'], description: '同意 / 不同意不予采纳' })
  @IsIn(['APPROVE', 'DENY'], { message: '审核结论（decision）只能是 APPROVE 或 DENY' })
  decision!: 'APPROVE' | 'DENY';

  @ApiProperty({ description: '审核理由' })
  @Trim()
  @IsNotEmpty({ message: '审核理由（reason）不能为空' })
  @IsString({ message: '审核理由（reason）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `审核理由（reason）${TEXT_TOO_LONG}` })
  reason!: string;
}

export class RecordCallbackDto {
  @ApiProperty({ example: '2026-03-09T10:15:00+08:00', description: '回访时间（ISO 8601，带时区）' })
  @Trim()
  @IsString({ message: '回访时间（at）必须是带时区的 ISO 8601 时间' })
  @Matches(ISO_INSTANT, { message: '回访时间（at）必须是带时区的 ISO 8601 时间' })
  @IsISO8601({ strict: true }, { message: '回访时间（at）不是有效的日期时间' })
  at!: string;

  @ApiProperty({ enum: CALLBACK_METHODS, description: '电话 / 当场 / 短信 / 其他' })
  @IsIn(CALLBACK_METHODS, { message: `回访方式（method）只能是 ${CALLBACK_METHODS.join('、')}` })
  method!: CallbackMethod;

  @ApiProperty({ description: '是否联系上评价人' })
  @IsBoolean({ message: '是否联系上（reached）必须是 true 或 false' })
  reached!: boolean;

  @ApiProperty({ description: '回访情况' })
  @Trim()
  @IsNotEmpty({ message: '回访情况（summary）不能为空' })
  @IsString({ message: '回访情况（summary）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `回访情况（summary）${TEXT_TOO_LONG}` })
  summary!: string;

  @ApiPropertyOptional({ description: '初步答复（联系上时必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '初步答复（initialReply）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `初步答复（initialReply）${TEXT_TOO_LONG}` })
  initialReply?: string;
}

export class RecordRectificationDto {
  @ApiProperty({ description: '整改措施' })
  @Trim()
  @IsNotEmpty({ message: '整改措施（measures）不能为空' })
  @IsString({ message: '整改措施（measures）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `整改措施（measures）${TEXT_TOO_LONG}` })
  measures!: string;

  @ApiProperty({ description: '整改结果' })
  @Trim()
  @IsNotEmpty({ message: '整改结果（result）不能为空' })
  @IsString({ message: '整改结果（result）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `整改结果（result）${TEXT_TOO_LONG}` })
  result!: string;
}

export class ConfirmDto {
  @ApiProperty({ enum: ['SATISFIED', 'UNSATISFIED'], description: '满意 / 不满意' })
  @IsIn(['SATISFIED', 'UNSATISFIED'], { message: '确认结果（answer）只能是 SATISFIED 或 UNSATISFIED' })
  answer!: 'SATISFIED' | 'UNSATISFIED';

  @ApiPropertyOptional({ description: '意见' })
  @IsOptional()
  @Trim()
  @IsString({ message: '意见（comment）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `意见（comment）${TEXT_TOO_LONG}` })
  comment?: string;
}
