import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The evidence of one recorded callback: the time the handler stated and the time the system recorded it, whether it
 * was 补录 (recorded more than one working hour after the stated time) and whether the hall's imported call log shows
 * a call to the reviewer's number within ±10 minutes (phone callbacks only).
 */
export class CallbackProofResponse {
  @ApiProperty({ example: '2026-03-09T10:15:00+08:00', description: 'the callback time the handler stated' }) statedAt!: string;
  @ApiProperty({ example: '2026-03-09T10:20:00+08:00', description: 'when the system recorded the callback' }) recordedAt!: string;
  @ApiProperty({ example: 'PHONE' }) method!: string;
  @ApiProperty() reached!: boolean;
  @ApiProperty({ description: '补录: stated more than one working hour before it was recorded' }) backfilled!: boolean;
  @ApiPropertyOptional({ enum: ['VERIFIED', 'UNVERIFIED'], nullable: true, type: String, description: 'call-log check of a phone callback; null for other methods' })
  callLog!: 'VERIFIED' | 'UNVERIFIED' | null;
  @ApiProperty({ type: [String], example: ['补录', '通话记录已核验'], description: 'what the case shows' }) labels!: string[];
}
