import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, ValidateIf } from 'class-validator';
import { OBLIGATION_KINDS, STAFF_NOTICE_KINDS } from '@haochaping/contracts';

/** The audience roles a staff notice can have; COUNTY_SUPERVISOR's SMS goes to the county duty phone. */
export const STAFF_SMS_ROLES = ['HANDLER', 'TOWN_LEADER', 'DEPT_GUIDE', 'COUNTY_SUPERVISOR'] as const;
export type StaffSmsRole = (typeof STAFF_SMS_ROLES)[number];

export class StaffSmsRuleResponse {
  @ApiProperty({ enum: STAFF_NOTICE_KINDS }) kind!: string;
  @ApiProperty({ example: '超期（一级）' }) kindLabel!: string;
  @ApiProperty({ enum: STAFF_SMS_ROLES }) audienceRole!: string;
  @ApiProperty({ description: 'whether a notice of this kind to this role also goes out by SMS' }) enabled!: boolean;
  @ApiProperty({ enum: OBLIGATION_KINDS, isArray: true, description: 'only notices about these obligations; empty: every notice of the kind' })
  obligations!: string[];
  @ApiProperty({ description: "outside the hall's office time the SMS waits for the next opening; false: sent at once" })
  holdOutsideOfficeTime!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'null: never changed by an admin (the shipped default)' }) updatedAt!: string | null;
}

export class UpdateStaffSmsRuleDto {
  @ApiProperty()
  @IsBoolean({ message: '“发送短信”须为是或否' })
  enabled!: boolean;

  @ApiProperty()
  @IsBoolean({ message: '“非工作时间暂缓发送”须为是或否' })
  holdOutsideOfficeTime!: boolean;

  @ApiPropertyOptional({ enum: OBLIGATION_KINDS, isArray: true, description: 'empty or absent: every notice of the kind' })
  @IsOptional()
  @IsArray({ message: '事项须为列表' })
  @ArrayMaxSize(OBLIGATION_KINDS.length, { message: '事项过多' })
  @IsIn(OBLIGATION_KINDS, { each: true, message: `事项只能是 ${OBLIGATION_KINDS.join('、')}` })
  obligations?: string[];
}

export class StaffSmsSettingsResponse {
  @ApiProperty({ type: String, nullable: true, example: '13800000000', description: 'the county duty phone (县级值班电话); null: none set, the county gets no SMS' })
  countyDutyPhone!: string | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class UpdateStaffSmsSettingsDto {
  @ApiProperty({ type: String, nullable: true, example: '138 0000 0000', description: 'a mainland mobile; null or empty removes it' })
  @ValidateIf((_object, value) => value !== null && value !== '')
  @IsString({ message: '值班电话必须是文字' })
  countyDutyPhone!: string | null;
}
