import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RECTIFICATION_CATEGORIES } from '@haochaping/contracts';
import { Trim } from '../../common/trim.transform';

export const SERVICE_NATURES = ['OFFLINE', 'ONLINE'] as const;
export type ServiceNatureName = (typeof SERVICE_NATURES)[number];
const CATEGORY_IDS = Object.keys(RECTIFICATION_CATEGORIES);

/** DOMAIN.md: up to 10 reason options per service nature. */
export const MAX_OPTIONS = 10;

/** One second-level reason option: a group letter and a digit (A1, B3), a label, the category it suggests. */
export class OptionInputDto {
  @ApiProperty({ example: 'A1', description: 'a capital letter (the group) and a digit 1–9; unique in the set' })
  @Trim()
  @IsDefined({ message: '请填写选项编码' })
  @IsString({ message: '选项编码必须是文字' })
  @Matches(/^[A-Z][1-9]$/, { message: '选项编码须为一个大写字母（分组）加一位数字，如 A1' })
  code!: string;

  @ApiProperty({ example: '服务态度不好' })
  @Trim()
  @IsDefined({ message: '请填写选项名称' })
  @IsString({ message: '选项名称必须是文字' })
  @IsNotEmpty({ message: '请填写选项名称' })
  @MaxLength(30, { message: '选项名称不能超过 30 个字' })
  label!: string;

  @ApiProperty({ enum: CATEGORY_IDS, description: 'the rectification category the option suggests (the handler decides)' })
  @IsIn(CATEGORY_IDS, { message: `建议整改类别只能是 ${CATEGORY_IDS.join('、')}` })
  suggestedCategory!: string;
}

/** "Editing" an option set: the whole new list, saved as the nature's next version. */
export class CreateOptionSetVersionDto {
  @ApiProperty({ enum: SERVICE_NATURES })
  @IsIn(SERVICE_NATURES, { message: '服务类型只能是 OFFLINE（线下窗口）或 ONLINE（网上办事）' })
  nature!: ServiceNatureName;

  @ApiProperty({ type: [OptionInputDto], description: `1–${MAX_OPTIONS} options in display order` })
  @IsArray({ message: '选项须为列表' })
  @ArrayMinSize(1, { message: '至少要有一个选项' })
  @ArrayMaxSize(MAX_OPTIONS, { message: `每类最多 ${MAX_OPTIONS} 个选项` })
  @ValidateNested({ each: true })
  @Type(() => OptionInputDto)
  options!: OptionInputDto[];
}

export class OptionResponse {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: CATEGORY_IDS }) suggestedCategory!: string;
  @ApiProperty() position!: number;
}

/** One version of an option set, as admins see it. */
export class OptionSetVersionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SERVICE_NATURES }) nature!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'the newest version of its nature: the one new reviews use' }) current!: boolean;
  @ApiProperty({ description: 'reviews recorded with this version' }) reviewCount!: number;
  @ApiProperty({ type: [OptionResponse] }) options!: OptionResponse[];
  @ApiProperty() createdAt!: string;
}
