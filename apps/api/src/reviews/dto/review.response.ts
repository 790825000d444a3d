import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReviewRectificationRef {
  @ApiProperty({ example: 'rectification-0b7f6c1e-…' }) workflowId!: string;
}

export class ReviewResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: 2 }) level!: number;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'false when this answers a retried submission with the review recorded the first time' })
  created!: boolean;
  @ApiPropertyOptional({ type: ReviewRectificationRef, description: 'present for bad reviews (levels 1 and 2)' })
  rectification?: ReviewRectificationRef;
}
