import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class CallLogImportQueryDto {
  @ApiProperty({ example: 'jintun', description: 'the hall whose phone system made the calls' })
  @Trim()
  @IsNotEmpty({ message: '服务大厅编码（hallCode）不能为空' })
  @IsString({ message: '服务大厅编码（hallCode）必须是文字' })
  @Matches(/^[A-Za-z0-9_-]{1,50}$/, { message: '服务大厅编码（hallCode）无效' })
  hallCode!: string;

  @ApiPropertyOptional({ description: 'true: check the file and report, write nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '试导入（dryRun）只能是 true 或 false' })
  dryRun?: boolean;
}
