import { ApiProperty } from '@nestjs/swagger';

export class DeadlineResponse {
  @ApiProperty({ example: '2026-03-09T09:30:00+08:00', description: 'ISO 8601 instant, Asia/Shanghai offset' })
  dueAt!: string;

  @ApiProperty({ description: 'true when a year between the start and dueAt has no State Council notice entered yet: the due time may move' })
  provisional!: boolean;

  @ApiProperty({ type: [Number], example: [], description: 'those provisional years, ascending' })
  provisionalYears!: number[];
}
