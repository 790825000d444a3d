import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const HALL_KINDS = ['STREET', 'TOWN'] as const;
export type HallKindName = (typeof HALL_KINDS)[number];

const OFFICE_HOURS_DOC = {
  type: 'object',
  additionalProperties: true,
  example: { 1: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
  description: 'ISO weekday (1 = Monday … 7 = Sunday) → periods `{ start, end }` (HH:MM, Asia/Shanghai); a weekday left out is closed',
} as const;

export class CreateHallDto {
  @ApiProperty({ example: 'jintun', description: 'pinyin, 2–32 lower-case letters or digits; never changes (it is in every QR code)' })
  @Trim()
  @IsString({ message: '编码必须是文字' })
  @Matches(/^[a-z][a-z0-9]{1,31}$/, { message: '服务大厅编码须为 2–32 位小写字母或数字（拼音），以字母开头' })
  code!: string;

  @ApiProperty({ example: '金屯镇' })
  @Trim()
  @IsString({ message: '名称必须是文字' })
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(30, { message: '名称不能超过 30 个字' })
  name!: string;

  @ApiProperty({ enum: HALL_KINDS, description: 'STREET 街道 / TOWN 镇' })
  @IsIn(HALL_KINDS, { message: '类型只能是 STREET（街道）或 TOWN（镇）' })
  kind!: HallKindName;

  @ApiPropertyOptional({ ...OFFICE_HOURS_DOC, description: `${OFFICE_HOURS_DOC.description}; default Mon–Fri 09:00–12:00, 13:00–17:00` })
  @IsOptional()
  @IsObject({ message: '办公时间须按星期（1 = 周一 … 7 = 周日）列出时段' })
  officeHours?: Record<string, unknown>;
}

/** What an admin may change of a hall (the code stays); fields left out keep their value. */
export class UpdateHallDto {
  @ApiPropertyOptional({ example: '金屯镇' })
  @IsOptional()
  @Trim()
  @IsString({ message: '名称必须是文字' })
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(30, { message: '名称不能超过 30 个字' })
  name?: string;

  @ApiPropertyOptional({ enum: HALL_KINDS })
  @IsOptional()
  @IsIn(HALL_KINDS, { message: '类型只能是 STREET（街道）或 TOWN（镇）' })
  kind?: HallKindName;

  @ApiPropertyOptional(OFFICE_HOURS_DOC)
  @IsOptional()
  @IsObject({ message: '办公时间须按星期（1 = 周一 … 7 = 周日）列出时段' })
  officeHours?: Record<string, unknown>;
}
