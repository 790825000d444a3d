import { ApiProperty } from '@nestjs/swagger';

export class CalendarWarningsResponse {
  @ApiProperty({ type: [Number], example: [2027], description: 'years whose State Council holiday notice the admins must enter' })
  missingOfficialYears!: number[];

  @ApiProperty({ type: String, nullable: true, description: 'what to do, in Chinese; null when nothing is missing' })
  message!: string | null;
}
