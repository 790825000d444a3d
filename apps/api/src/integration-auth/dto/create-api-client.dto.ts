import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export class CreateApiClientDto {
  @ApiProperty({ example: '不动产登记系统', description: 'the business system the key is for' })
  @Trim()
  @IsString({ message: '接入系统名称必须是文字' })
  @IsNotEmpty({ message: '请填写接入系统名称' })
  @MaxLength(100, { message: '接入系统名称不能超过 100 个字' })
  name!: string;
}
