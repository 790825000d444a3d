import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class CreateServiceWindowDto {
  @ApiProperty({ example: 'jintun' })
  @Trim()
  @IsString({ message: '服务大厅编码必须是文字' })
  @IsNotEmpty({ message: '请选择服务大厅' })
  hallCode!: string;

  @ApiProperty({ example: 'W07', description: 'unique inside the hall, 1–16 letters, digits, _ or -; never changes (it is in the QR code)' })
  @Trim()
  @IsString({ message: '窗口编号必须是文字' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, { message: '窗口编号须为 1–16 位字母、数字、_ 或 -，以字母或数字开头' })
  code!: string;

  @ApiProperty({ example: '不动产登记窗口' })
  @Trim()
  @IsString({ message: '窗口名称必须是文字' })
  @IsNotEmpty({ message: '请填写窗口名称' })
  @MaxLength(50, { message: '窗口名称不能超过 50 个字' })
  name!: string;
}

/** A window keeps its hall and code (they are printed in its QR); only the name changes. */
export class UpdateServiceWindowDto {
  @ApiPropertyOptional({ example: '不动产登记窗口' })
  // Left out: the name stays. null is no name and is refused (IsOptional let it through to a 500, found by the fuzz run).
  @ValidateIf((_dto: UpdateServiceWindowDto, value: unknown) => value !== undefined)
  @Trim()
  @IsString({ message: '窗口名称必须是文字' })
  @IsNotEmpty({ message: '请填写窗口名称' })
  @MaxLength(50, { message: '窗口名称不能超过 50 个字' })
  name?: string;
}

export class ServiceWindowResponse {
  @ApiProperty({ example: 'jintun-W01', description: 'react-admin id: `<hall code>-<window code>`' }) id!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ example: 'W01' }) code!: string;
  @ApiProperty({ example: '综合受理窗口' }) name!: string;
  @ApiProperty({ example: 2, description: 'active staff at the window' }) staffCount!: number;
  @ApiProperty({ description: 'false once disabled (停用): kept for history, not offered to citizens' }) active!: boolean;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
  @ApiProperty() createdAt!: string;
}
