import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import type { ServiceNature } from '@haochaping/db';

export class OptionSetQueryDto {
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'], description: 'OFFLINE (线下窗口, also hall feedback) or ONLINE (网上办事)' })
  @IsDefined({ message: '请指定办理方式（nature）' })
  @IsIn(['OFFLINE', 'ONLINE'], { message: '办理方式只能是 OFFLINE（线下窗口）或 ONLINE（网上办事）' })
  nature!: ServiceNature;
}

class OptionResponse {
  @ApiProperty({ example: 'B3' }) code!: string;
  @ApiProperty({ example: '办理效率低、等候时间长' }) label!: string;
}

export class OptionSetResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'] }) nature!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ type: [OptionResponse] }) options!: OptionResponse[];
}
