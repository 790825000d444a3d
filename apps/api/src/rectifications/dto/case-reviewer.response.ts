import { ApiProperty } from '@nestjs/swagger';

export class CaseReviewerResponse {
  @ApiProperty({ enum: ['ANONYMOUS', 'REAL_NAME'] }) kind!: 'ANONYMOUS' | 'REAL_NAME';
  @ApiProperty({ nullable: true, type: String, example: '张*' }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '138****5678' }) phone!: string | null;
  @ApiProperty({ description: 'false only for an unmasked (and audited) view' }) masked!: boolean;
}
