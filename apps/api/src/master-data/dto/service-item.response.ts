import { ApiProperty } from '@nestjs/swagger';

export class ServiceItemResponse {
  @ApiProperty({ example: 'YB-002', description: 'react-admin id: the item code' }) id!: string;
  @ApiProperty({ example: 'YB-002' }) code!: string;
  @ApiProperty({ example: '医疗救助申请' }) name!: string;
  @ApiProperty({ example: 'yibao' }) departmentCode!: string;
  @ApiProperty({ example: '医保局' }) departmentName!: string;
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'], description: 'OFFLINE 线下窗口 / ONLINE 网上办事' }) nature!: 'OFFLINE' | 'ONLINE';
  @ApiProperty({ description: '依申请事项' }) onApplication!: boolean;
  @ApiProperty({ description: 'false once disabled (停用): kept for history' }) active!: boolean;
  @ApiProperty({ type: String, nullable: true }) disabledAt!: string | null;
}
