import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

/** A citizen's rating as the public pages submit it (walking skeleton: hall, level, comment). */
export class CreateReviewDto {
  @ApiProperty({ example: 'jintun', description: '服务大厅编码' })
  @Trim()
  @IsDefined({ message: '请选择服务大厅' })
  @IsString({ message: '服务大厅编码必须是文字' })
  @MaxLength(64, { message: '服务大厅编码过长' })
  hallCode!: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 2, description: '5 非常满意 … 1 非常不满意；1、2 为差评' })
  @IsDefined({ message: '请选择评价等级' })
  @IsInt({ message: '评价等级必须是 1 到 5 之间的整数' })
  @IsIn([1, 2, 3, 4, 5], { message: '评价等级必须是 1 到 5 之间的整数' })
  level!: number;

  @ApiPropertyOptional({ maxLength: 500, example: '排队时间太长' })
  @IsOptional()
  @Trim()
  @IsString({ message: '评价内容必须是文字' })
  @MaxLength(500, { message: '评价内容不能超过 500 字' })
  comment?: string;

  @ApiProperty({
    example: '0b7f6c1e-4a9c-4a63-9f0f-3c1d2b6e8a10',
    description: 'Chosen by the client once per rating and sent again on retry: a retried submission returns the first review.',
  })
  @Trim()
  @IsDefined({ message: '缺少提交标识（clientKey）' })
  @IsString({ message: '提交标识必须是文字' })
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: '提交标识格式不正确（8 到 64 位字母、数字、-、_）' })
  clientKey!: string;
}
