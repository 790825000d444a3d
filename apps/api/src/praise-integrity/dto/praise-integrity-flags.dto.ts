import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../common/trim.transform';

export const FLAG_RULES = ['PRAISE_BURST', 'ONE_SOURCE_MANY_CASES', 'HALL_NETWORK', 'TOO_FAST_AFTER_COMPLETION'] as const;
export const FLAG_STATUSES = ['OPEN', 'CLEARED', 'CONFIRMED'] as const;
export const FLAG_DECISIONS = ['CLEARED', 'CONFIRMED'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** POST /api/praise-integrity/detections: run the rules over these Shanghai days (default: the last 7 days to today). */
export class DetectionRequestDto {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'first Shanghai day (default: six days before `to`)' })
  @IsOptional()
  @Matches(DATE, { message: '开始日期须为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last Shanghai day, inclusive (default: today)' })
  @IsOptional()
  @Matches(DATE, { message: '结束日期须为 YYYY-MM-DD' })
  to?: string;
}

export class DetectionResponse {
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ description: 'reviews the rules read' }) reviewsRead!: number;
  @ApiProperty({ description: 'findings of the rules (new and known)' }) findings!: number;
  @ApiProperty({ description: 'flags created by this run' }) created!: number;
  @ApiProperty({ description: 'open flags that gained reviews' }) updated!: number;
}

export class FlagReviewDto {
  @ApiProperty() id!: string;
  @ApiProperty() trackingCode!: string;
  @ApiProperty({ example: 5 }) level!: number;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty({ example: '2026-11-10T09:00:00+08:00' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'when the rated case was completed' }) caseCompletedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from completion to the rating' }) secondsAfterCompletion!: number | null;
  @ApiProperty({ type: String, nullable: true }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true }) staffName!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientDevice!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'set when a confirmed flag excluded it from the figures' }) excludedFromFiguresAt!: string | null;
}

export class FlagResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: FLAG_RULES }) rule!: (typeof FLAG_RULES)[number];
  @ApiProperty({ example: '集中好评' }) ruleLabel!: string;
  @ApiProperty({ enum: ['WINDOW', 'STAFF', 'DEVICE', 'ADDRESS'] }) subjectKind!: string;
  @ApiProperty({ description: 'the window or staff id, the device key or the address' }) subjectKey!: string;
  @ApiProperty({ example: '金屯镇 3号窗口', description: 'what people call the subject' }) subjectLabel!: string;
  @ApiProperty({ example: '2026-11-10' }) day!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty() reviewCount!: number;
  @ApiProperty({ description: 'what the rule saw: its configuration, first and last time, a summary' }) evidence!: Record<string, unknown>;
  @ApiProperty({ enum: FLAG_STATUSES }) status!: (typeof FLAG_STATUSES)[number];
  @ApiProperty() detectedAt!: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote!: string | null;
}

export class FlagDetailResponse extends FlagResponse {
  @ApiProperty({ type: [FlagReviewDto] }) reviews!: FlagReviewDto[];
}

/** POST /api/praise-integrity/flags/:id/decision: 已核查(无问题) or 确认刷好评. */
export class FlagDecisionDto {
  @ApiProperty({ enum: FLAG_DECISIONS, description: 'CLEARED: 已核查（无问题）; CONFIRMED: 确认刷好评 (its reviews leave the figures)' })
  @IsIn(FLAG_DECISIONS, { message: '核查结论只能是 CLEARED（已核查，无问题）或 CONFIRMED（确认刷好评）' })
  decision!: (typeof FLAG_DECISIONS)[number];

  @ApiPropertyOptional({ example: '窗口人员代扫码评价，已约谈' })
  @IsOptional()
  @Trim()
  @IsString({ message: '核查说明须为文字' })
  @MaxLength(500, { message: '核查说明不能超过 500 字' })
  note?: string;
}
