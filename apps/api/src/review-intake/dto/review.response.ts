import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReviewRectificationRef {
  @ApiProperty({ example: 'rectification-0b7f6c1e-…' }) workflowId!: string;
}

export class ReviewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'K7QW3MZP9D', description: 'with the last four digits of the phone it opens the status page' }) trackingCode!: string;
  @ApiProperty({ example: 2 }) level!: number;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ example: '2026-03-09T10:00:00+08:00' }) createdAt!: string;
  @ApiProperty({ description: 'false when this answers a retried submission with the review recorded the first time' })
  created!: boolean;
  @ApiPropertyOptional({ type: ReviewRectificationRef, description: 'present for bad reviews (levels 1 and 2)' })
  rectification?: ReviewRectificationRef;
}
