import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NotificationResponse {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: 'OVERDUE', description: 'what the notice is about (the workflow notification kind)' }) kind!: string;
  @ApiProperty({ example: '金屯镇：差评工单回访已超期，请督促办理' }) body!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the case it is about, when there is one' }) reviewId!: string | null;
}
