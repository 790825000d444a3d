import { ApiProperty } from '@nestjs/swagger';

/** The rectification case a bad review started, as far as the review list shows it. */
export class ReviewRectificationSummary {
  @ApiProperty({ example: 'RECTIFYING' }) state!: string;
  @ApiProperty({ example: '整改中' }) stateLabel!: string;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ example: 0, description: '0, 1 town leader, 2 county' }) escalationLevel!: number;
}

export class ReviewOptionLabel {
  @ApiProperty({ example: 'B3' }) code!: string;
  @ApiProperty({ example: '办理效率低、等候时间长' }) label!: string;
}

/** One review (评价记录) as staff see it: the reviewer's name and phone always masked (张*, 138****5678). */
export class ReviewRecordResponse {
  @ApiProperty({ format: 'uuid', description: 'also the id of its rectification case when it is a bad review' }) id!: string;
  @ApiProperty({ example: 'K7QW3MZP9D' }) trackingCode!: string;
  @ApiProperty({ example: 2, description: '5 非常满意 … 1 非常不满意' }) level!: number;
  @ApiProperty({ example: '不满意' }) levelLabel!: string;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty({ example: '窗口二维码' }) channelLabel!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true }) windowCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true }) staffName!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceItemName!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the case the review rates, or a 随时可评 item entered by staff is about (ratesCase tells which)' })
  caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseNumber!: string | null;
  @ApiProperty({ description: "true: the case's one rating (一次一评); false: no case, or feedback about it that leaves it unrated" })
  ratesCase!: boolean;
  @ApiProperty({ type: [ReviewOptionLabel], description: 'the second-level reasons chosen, with the labels of the option set version used' }) options!: ReviewOptionLabel[];
  @ApiProperty({ type: Number, nullable: true }) optionSetVersion!: number | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ enum: ['ANONYMOUS', 'REAL_NAME'] }) reviewerKind!: string;
  @ApiProperty({ type: String, nullable: true, example: '张*', description: 'masked' }) reviewerName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '138****5678', description: 'masked' }) reviewerPhone!: string | null;
  @ApiProperty({ enum: ['ADOPTED', 'NOT_ADOPTED'] }) adoption!: string;
  @ApiProperty({ example: '已采纳' }) adoptionLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the staff member who entered a hotline/mailbox/… item' }) enteredBy!: string | null;
  @ApiProperty({ example: '2026-03-09T10:00:00+08:00' }) createdAt!: string;
  @ApiProperty({ type: ReviewRectificationSummary, nullable: true }) rectification!: ReviewRectificationSummary | null;
}
