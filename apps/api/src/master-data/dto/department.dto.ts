import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'yibao', description: 'pinyin, 2–32 lower-case letters, digits, _ or -; never changes (user scopes name it)' })
  @Trim()
  @IsString({ message: '编码必须是文字' })
  @Matches(/^[a-z][a-z0-9_-]{1,31}$/, { message: '部门编码须为 2–32 位小写字母、数字、_ 或 -（拼音），以字母开头' })
  code!: string;

  @ApiProperty({ example: '医保局' })
  @Trim()
  @IsString({ message: '名称必须是文字' })
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(50, { message: '名称不能超过 50 个字' })
  name!: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ example: '医疗保障局' })
  @IsOptional()
  @Trim()
  @IsString({ message: '名称必须是文字' })
  @IsNotEmpty({ message: '请填写名称' })
  @MaxLength(50, { message: '名称不能超过 50 个字' })
  name?: string;
}
