import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_NOTICE_KINDS } from '@haochaping/contracts';

export class NotificationResponse {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ enum: STAFF_NOTICE_KINDS, example: 'OVERDUE_LEVEL_1', description: 'what the notice is about (NOTIFICATION_KIND_LABELS in @haochaping/contracts names it)' }) kind!: string;
  @ApiProperty({ example: '金屯镇一件差评整改的回访已超期，请督促办理。' }) body!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) readAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the case it is about (the console opens it), when there is one' }) reviewId!: string | null;
}

export class UnreadCountResponse {
  @ApiProperty({ example: 3, description: 'unread notices the signed-in user sees' }) unread!: number;
}

export class MarkAllReadResponse {
  @ApiProperty({ example: 3, description: 'how many notices were marked read' }) marked!: number;
}
