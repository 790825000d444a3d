import { ApiProperty } from '@nestjs/swagger';
import type { OfficeHours } from '@haochaping/working-time';

export class HallResponse {
  @ApiProperty({ example: 'jintun', description: 'react-admin id: the hall code' }) id!: string;
  @ApiProperty({ example: 'jintun' }) code!: string;
  @ApiProperty({ example: '金屯镇' }) name!: string;
  @ApiProperty({ enum: ['STREET', 'TOWN'], description: 'STREET 街道 / TOWN 镇' }) kind!: 'STREET' | 'TOWN';
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { 1: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
    description: 'office hours per ISO weekday (1 = Monday), Asia/Shanghai',
  })
  officeHours!: OfficeHours;
}

export class HallWindowResponse {
  @ApiProperty({ example: 'W01', description: 'unique inside the hall' }) code!: string;
  @ApiProperty({ example: '综合受理窗口' }) name!: string;
  @ApiProperty({ example: 2 }) staffCount!: number;
  @ApiProperty({ description: 'false once disabled (停用)' }) active!: boolean;
}

export class HallServicePointResponse {
  @ApiProperty({ example: 'P01', description: 'unique inside the hall' }) code!: string;
  @ApiProperty({ example: '王庄村便民服务点' }) name!: string;
}

export class HallDetailResponse extends HallResponse {
  @ApiProperty({ type: [HallWindowResponse] }) windows!: HallWindowResponse[];
  @ApiProperty({ type: [HallServicePointResponse], description: '便民服务点 under the hall' }) servicePoints!: HallServicePointResponse[];
}

export class PublicHallWindowResponse {
  @ApiProperty({ example: 'W01' }) code!: string;
  @ApiProperty({ example: '综合受理窗口' }) name!: string;
}

/** What the citizen pages need of a hall: no office hours, no staff. */
export class PublicHallResponse {
  @ApiProperty({ example: 'jintun' }) code!: string;
  @ApiProperty({ example: '金屯镇' }) name!: string;
  @ApiProperty({ enum: ['STREET', 'TOWN'] }) kind!: 'STREET' | 'TOWN';
  @ApiProperty({ type: [PublicHallWindowResponse] }) windows!: PublicHallWindowResponse[];
}
