import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_MIN_REVIEWS_TO_RANK = 1000;

export class ResultsSettingsDto {
  @ApiProperty({ minimum: 1, maximum: MAX_MIN_REVIEWS_TO_RANK, example: 3, description: 'reviews a hall, window, staff member, department or item needs in a period before it is ranked' })
  @IsInt({ message: '排名最少评价数须为整数' })
  @Min(1, { message: '排名最少评价数不能小于 1' })
  @Max(MAX_MIN_REVIEWS_TO_RANK, { message: `排名最少评价数不能大于 ${MAX_MIN_REVIEWS_TO_RANK}` })
  minReviewsToRank!: number;
}

export class ResultsSettingsResponse extends ResultsSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'who changed it last (a user id; "migration": the default)' }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-07T06:30:00.000Z' }) updatedAt!: string | null;
}
