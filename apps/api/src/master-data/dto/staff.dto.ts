import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class CreateStaffDto {
  @ApiProperty({ example: 'JX04017', description: '工号, unique in the county; never changes' })
  @Trim()
  @IsString({ message: '工号必须是文字' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, { message: '工号须为 1–32 位字母、数字、_ 或 -，以字母或数字开头' })
  employeeNumber!: string;

  @ApiProperty({ example: '李娜' })
  @Trim()
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(30, { message: '姓名不能超过 30 个字' })
  name!: string;

  @ApiProperty({ example: 'jintun' })
  @Trim()
  @IsString({ message: '服务大厅编码必须是文字' })
  @IsNotEmpty({ message: '请选择服务大厅' })
  hallCode!: string;

  @ApiPropertyOptional({ example: 'W01', nullable: true, description: 'a window of that hall, or none' })
  @IsOptional()
  @Trim()
  @IsString({ message: '窗口编号必须是文字' })
  windowCode?: string | null;
}

/** Name, hall and window; `windowCode: null` takes the member off any window. Fields left out keep their value. */
export class UpdateStaffDto {
  @ApiPropertyOptional({ example: '李娜' })
  @IsOptional()
  @Trim()
  @IsString({ message: '姓名必须是文字' })
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(30, { message: '姓名不能超过 30 个字' })
  name?: string;

  @ApiPropertyOptional({ example: 'jintun' })
  @IsOptional()
  @Trim()
  @IsString({ message: '服务大厅编码必须是文字' })
  @IsNotEmpty({ message: '请选择服务大厅' })
  hallCode?: string;

  @ApiPropertyOptional({ example: 'W02', nullable: true })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @Trim()
  @IsString({ message: '窗口编号必须是文字' })
  windowCode?: string | null;
}

export class StaffResponse {
  @ApiProperty({ example: 'JX04011', description: 'react-admin id: the 工号' }) id!: string;
  @ApiProperty({ example: 'JX04011' }) employeeNumber!: string;
  @ApiProperty({ example: '李娜' }) name!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'W01' }) windowCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '综合受理窗口' }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'jintun-W01', description: 'the window resource id' }) windowId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
  @ApiProperty() createdAt!: string;
}
