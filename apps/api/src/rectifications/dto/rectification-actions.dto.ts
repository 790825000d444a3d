import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CALLBACK_METHODS,
  MAX_INVITED_DEPARTMENTS,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  RECTIFICATION_CATEGORIES,
  type CallbackMethod,
  type RectificationCategory,
} from '@haochaping/contracts';
import { Trim } from '../../common/trim.transform';

// The bodies of the actions mirror the workflow's command types without the actor (the API authenticates it).
// The DTOs check each field's shape. A refusal names every field missing at once, not one per try (issue 17), so:
// a field required by another field of the body (a category when the review is true, the initial reply when the
// reviewer was reached) is required here too (ValidateIf), beside the fields always required; a field required by
// the case's state (the reviewer contact of an extension, for a real-name reviewer) is the workflow's rule, and
// there the DTO leaves the presence of the command's other fields to the workflow too, whose one refusal (422,
// every field in `errors`) lists them all. The workflow checks every rule again. The OpenAPI document says under
// which condition each such field is required (the schema's and the field's description).

const CATEGORY_IDS = Object.keys(RECTIFICATION_CATEGORIES) as RectificationCategory[];
const TEXT_TOO_LONG = `不能超过${MAX_TEXT_LENGTH}字`;
const NAME_TOO_LONG = `不能超过${MAX_NAME_LENGTH}字`;
// Department codes as master data spells them (`yibao`); the service checks that each exists.
const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,50}$/;
// An ISO 8601 instant with an explicit offset; the workflow checks it is neither before the review nor in the future.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Given in the body: null counts as left out, as IsOptional reads it (the workflow too). */
const given = (value: unknown) => value !== undefined && value !== null;
const FINDING_TRUE = (body: VerifyDto) => body.finding === 'TRUE';
const FINDING_UNTRUE = (body: VerifyDto) => body.finding === 'UNTRUE' || body.finding === 'MALICIOUS';

@ApiSchema({ description: 'Required fields depend on the finding: TRUE (属实) requires category and notes; UNTRUE or MALICIOUS requires evidenceNotes (proposes 不予采纳).' })
export class VerifyDto {
  @ApiProperty({ enum: ['TRUE', 'UNTRUE', 'MALICIOUS'], description: '属实 / 不属实 / 恶意评价' })
  @IsIn(['TRUE', 'UNTRUE', 'MALICIOUS'], { message: '核实结论（finding）只能是 TRUE、UNTRUE 或 MALICIOUS' })
  finding!: 'TRUE' | 'UNTRUE' | 'MALICIOUS';

  @ApiPropertyOptional({ enum: CATEGORY_IDS, description: 'Required when finding is TRUE. 整改类别（属实时必填）' })
  @ValidateIf((body: VerifyDto) => FINDING_TRUE(body) || given(body.category))
  @IsNotEmpty({ message: '整改类别（category）不能为空：核实属实时必填' })
  @IsIn(CATEGORY_IDS, { message: `整改类别（category）只能是 ${CATEGORY_IDS.join('、')}` })
  category?: RectificationCategory;

  @ApiPropertyOptional({ description: 'Required when finding is TRUE. 核实情况（属实时必填）' })
  @ValidateIf((body: VerifyDto) => FINDING_TRUE(body) || given(body.notes))
  @Trim()
  @IsNotEmpty({ message: '核实情况（notes）不能为空：核实属实时必填' })
  @IsString({ message: '核实情况（notes）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `核实情况（notes）${TEXT_TOO_LONG}` })
  notes?: string;

  @ApiPropertyOptional({ description: 'Required when finding is UNTRUE or MALICIOUS. 不予采纳的证据说明（不属实或恶意评价时必填）' })
  @ValidateIf((body: VerifyDto) => FINDING_UNTRUE(body) || given(body.evidenceNotes))
  @Trim()
  @IsNotEmpty({ message: '证据说明（evidenceNotes）不能为空：核实不属实或恶意评价时必填' })
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

@ApiSchema({ description: 'initialReply is required when reached is true (联系上时必填).' })
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

  @ApiPropertyOptional({ description: 'Required when reached is true. 初步答复（联系上时必填）' })
  @ValidateIf((body: RecordCallbackDto) => body.reached === true || given(body.initialReply))
  @Trim()
  @IsNotEmpty({ message: '初步答复（initialReply）不能为空：联系上评价人时必填' })
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

export class ReclassifyDto {
  @ApiProperty({ enum: CATEGORY_IDS, description: '新的整改类别（时限自原起算时间重新计算）' })
  @IsIn(CATEGORY_IDS, { message: `整改类别（category）只能是 ${CATEGORY_IDS.join('、')}` })
  category!: RectificationCategory;

  @ApiProperty({ description: '改变类别的理由' })
  @Trim()
  @IsNotEmpty({ message: '改变类别的理由（reason）不能为空' })
  @IsString({ message: '改变类别的理由（reason）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `改变类别的理由（reason）${TEXT_TOO_LONG}` })
  reason!: string;
}

export class AssigneeDto {
  @ApiProperty({
    format: 'uuid',
    example: '3f0b9c1e-6a4d-4f7e-9a51-2d8c0e4b7a10',
    description: '新经办人的账号 id：启用中、所辖服务大厅含本案大厅的经办人或分管领导',
  })
  @Trim()
  @IsNotEmpty({ message: '新经办人账号（assignee.userId）不能为空' })
  @IsUUID('all', { message: '新经办人账号（assignee.userId）不是有效的账号 id' })
  userId!: string;

  /** Kept for older consoles: the name shown is always the account's own (the case cannot hold free text). */
  @ApiPropertyOptional({ deprecated: true, description: '已不使用：经办人姓名取自账号' })
  @IsOptional()
  @IsString({ message: '新经办人姓名（assignee.name）必须是文字' })
  @MaxLength(MAX_NAME_LENGTH, { message: `新经办人姓名（assignee.name）${NAME_TOO_LONG}` })
  name?: string;
}

export class ReassignDto {
  @ApiProperty({ type: AssigneeDto })
  @IsObject({ message: '新经办人（assignee）必须是对象' })
  @ValidateNested()
  @Type(() => AssigneeDto)
  assignee!: AssigneeDto;

  @ApiPropertyOptional({ description: '改派理由' })
  @IsOptional()
  @Trim()
  @IsString({ message: '改派理由（reason）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `改派理由（reason）${TEXT_TOO_LONG}` })
  reason?: string;
}

export class InviteDepartmentsDto {
  @ApiProperty({ type: [String], example: ['yibao', 'renshe'], description: '受邀县直部门的代码' })
  @IsArray({ message: '邀请的部门（departmentCodes）必须是部门代码的列表' })
  @ArrayMinSize(1, { message: '邀请的部门（departmentCodes）至少一个' })
  @ArrayMaxSize(MAX_INVITED_DEPARTMENTS, { message: `邀请的部门（departmentCodes）最多${MAX_INVITED_DEPARTMENTS}个` })
  @ArrayUnique({ message: '邀请的部门（departmentCodes）有重复' })
  @IsString({ each: true, message: '邀请的部门（departmentCodes）必须是部门代码' })
  @Matches(DEPARTMENT_CODE, { each: true, message: '邀请的部门（departmentCodes）含有无效的部门代码' })
  departmentCodes!: string[];

  @ApiPropertyOptional({ description: '邀请说明' })
  @IsOptional()
  @Trim()
  @IsString({ message: '邀请说明（note）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `邀请说明（note）${TEXT_TOO_LONG}` })
  note?: string;
}

export class RecordDepartmentInputDto {
  @ApiProperty({ description: '协办意见' })
  @Trim()
  @IsNotEmpty({ message: '协办意见（text）不能为空' })
  @IsString({ message: '协办意见（text）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `协办意见（text）${TEXT_TOO_LONG}` })
  text!: string;

  @ApiPropertyOptional({ example: 'yibao', description: '部门代码（本人所在的多个部门均受邀时必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '部门代码（departmentCode）必须是文字' })
  @Matches(DEPARTMENT_CODE, { message: '部门代码（departmentCode）无效' })
  departmentCode?: string;
}

export class AddNoteDto {
  @ApiProperty({ description: '备注' })
  @Trim()
  @IsNotEmpty({ message: '备注（text）不能为空' })
  @IsString({ message: '备注（text）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `备注（text）${TEXT_TOO_LONG}` })
  text!: string;
}

@ApiSchema({
  description:
    'reason and newDueAt are always required. contactedAt, contactMethod and reviewerResponse (the reviewer contacted before the due time) ' +
    'are required together when the reviewer is real-name (the case can be called back: canCallBack), and whenever one of them is given; ' +
    'an anonymous reviewer cannot be contacted. Which are missing is answered in one 422 listing every field.',
})
export class RequestExtensionDto {
  // Presence of reason and newDueAt is checked by the workflow with the contact fields (see the top of this file).
  @ApiProperty({ description: '延期理由' })
  @IsOptional()
  @Trim()
  @IsString({ message: '延期理由（reason）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `延期理由（reason）${TEXT_TOO_LONG}` })
  reason!: string;

  @ApiProperty({ example: '2026-03-27T17:00:00+08:00', description: '申请的新期限（晚于当前期限，ISO 8601，带时区）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '申请的新期限（newDueAt）必须是带时区的 ISO 8601 时间' })
  @Matches(ISO_INSTANT, { message: '申请的新期限（newDueAt）必须是带时区的 ISO 8601 时间' })
  @IsISO8601({ strict: true }, { message: '申请的新期限（newDueAt）不是有效的日期时间' })
  newDueAt!: string;

  @ApiPropertyOptional({ example: '2026-03-12T10:00:00+08:00', description: 'Required when the reviewer is real-name, or contactMethod or reviewerResponse is given. 联系评价人的时间（实名差评必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '联系评价人的时间（contactedAt）必须是带时区的 ISO 8601 时间' })
  @Matches(ISO_INSTANT, { message: '联系评价人的时间（contactedAt）必须是带时区的 ISO 8601 时间' })
  @IsISO8601({ strict: true }, { message: '联系评价人的时间（contactedAt）不是有效的日期时间' })
  contactedAt?: string;

  @ApiPropertyOptional({ enum: CALLBACK_METHODS, description: 'Required when the reviewer is real-name, or contactedAt or reviewerResponse is given. 联系方式（实名差评必填）' })
  @IsOptional()
  @IsIn(CALLBACK_METHODS, { message: `联系方式（contactMethod）只能是 ${CALLBACK_METHODS.join('、')}` })
  contactMethod?: CallbackMethod;

  @ApiPropertyOptional({ description: 'Required when the reviewer is real-name, or contactedAt or contactMethod is given. 评价人的意见（实名差评必填）' })
  @IsOptional()
  @Trim()
  @IsString({ message: '评价人的意见（reviewerResponse）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `评价人的意见（reviewerResponse）${TEXT_TOO_LONG}` })
  reviewerResponse?: string;
}

export class DecideExtensionDto {
  @ApiProperty({ enum: ['APPROVE', 'DENY'], description: '同意 / 不同意延期' })
  @IsIn(['APPROVE', 'DENY'], { message: '审批结论（decision）只能是 APPROVE 或 DENY' })
  decision!: 'APPROVE' | 'DENY';

  @ApiProperty({ description: '审批理由' })
  @Trim()
  @IsNotEmpty({ message: '审批理由（reason）不能为空' })
  @IsString({ message: '审批理由（reason）必须是文字' })
  @MaxLength(MAX_TEXT_LENGTH, { message: `审批理由（reason）${TEXT_TOO_LONG}` })
  reason!: string;
}
