import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const SERVICE_NATURES = ['OFFLINE', 'ONLINE'] as const;
export type ServiceNatureName = (typeof SERVICE_NATURES)[number];

export class CreateServiceItemDto {
  @ApiProperty({ example: 'YB-006', description: '1–32 letters, digits, _ or -; never changes' })
  @Trim()
  @IsString({ message: '事项编码必须是文字' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: '事项编码须为 1–32 位字母、数字、_ 或 -，以字母或数字开头' })
  code!: string;

  @ApiProperty({ example: '城乡居民医保参保登记' })
  @Trim()
  @IsString({ message: '事项名称必须是文字' })
  @IsNotEmpty({ message: '请填写事项名称' })
  @MaxLength(100, { message: '事项名称不能超过 100 个字' })
  name!: string;

  @ApiProperty({ example: 'yibao' })
  @Trim()
  @IsString({ message: '部门编码必须是文字' })
  @IsNotEmpty({ message: '请选择所属部门' })
  departmentCode!: string;

  @ApiProperty({ enum: SERVICE_NATURES, description: 'OFFLINE 线下窗口 / ONLINE 网上办事' })
  @IsIn(SERVICE_NATURES, { message: '服务性质只能是 OFFLINE（线下窗口）或 ONLINE（网上办事）' })
  nature!: ServiceNatureName;

  @ApiPropertyOptional({ default: true, description: '依申请事项' })
  @IsOptional()
  @IsBoolean({ message: '是否依申请须为 true 或 false' })
  onApplication?: boolean;
}

export class UpdateServiceItemDto {
  @ApiPropertyOptional({ example: '城乡居民医保参保登记' })
  @IsOptional()
  @Trim()
  @IsString({ message: '事项名称必须是文字' })
  @IsNotEmpty({ message: '请填写事项名称' })
  @MaxLength(100, { message: '事项名称不能超过 100 个字' })
  name?: string;

  @ApiPropertyOptional({ example: 'yibao' })
  @IsOptional()
  @Trim()
  @IsString({ message: '部门编码必须是文字' })
  @IsNotEmpty({ message: '请选择所属部门' })
  departmentCode?: string;

  @ApiPropertyOptional({ enum: SERVICE_NATURES })
  @IsOptional()
  @IsIn(SERVICE_NATURES, { message: '服务性质只能是 OFFLINE（线下窗口）或 ONLINE（网上办事）' })
  nature?: ServiceNatureName;

  @ApiPropertyOptional({ description: '依申请事项' })
  @IsOptional()
  @IsBoolean({ message: '是否依申请须为 true 或 false' })
  onApplication?: boolean;
}
