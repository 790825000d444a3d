import { ApiProperty } from '@nestjs/swagger';

export class DepartmentResponse {
  @ApiProperty({ example: 'yibao', description: 'react-admin id: the department code' }) id!: string;
  @ApiProperty({ example: 'yibao' }) code!: string;
  @ApiProperty({ example: '医保局' }) name!: string;
  @ApiProperty({ example: 5 }) serviceItemCount!: number;
}
