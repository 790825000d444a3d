import { ApiProperty } from '@nestjs/swagger';

/** A case as the console lists it: the applicant masked (张*, 138****5678). */
export class CaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'JX-2026-000123' }) caseNumber!: string;
  @ApiProperty({ example: 'RS-001' }) serviceItemCode!: string;
  @ApiProperty({ example: '城乡居民基本养老保险参保登记' }) serviceItemName!: string;
  @ApiProperty({ enum: ['OFFLINE', 'ONLINE'], description: "the item's service nature (picks the rating options)" }) nature!: 'OFFLINE' | 'ONLINE';
  @ApiProperty({ example: 'jiaxiang' }) hallCode!: string;
  @ApiProperty({ example: '嘉祥街道' }) hallName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'W01' }) windowCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '综合受理窗口' }) windowName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'JX01011' }) staffEmployeeNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) staffName!: string | null;
  @ApiProperty({ enum: ['PERSON', 'ORGANIZATION'] }) applicantKind!: 'PERSON' | 'ORGANIZATION';
  @ApiProperty({ example: '张*', description: 'masked' }) applicantName!: string;
  @ApiProperty({ type: String, nullable: true, example: '138****5678', description: 'masked' }) applicantPhone!: string | null;
  @ApiProperty({ example: '2026-11-20T10:30:00+08:00' }) receivedAt!: string;
  @ApiProperty({ type: String, nullable: true }) completedAt!: string | null;
  @ApiProperty({ enum: ['WINDOW', 'ONLINE'] }) channel!: 'WINDOW' | 'ONLINE';
  @ApiProperty({ example: 'csv:admin-1', description: "the integration client's id, or csv:<user> for an import" }) source!: string;
  @ApiProperty({ description: 'the case has its one rating (一次一评: window QR, invitation or portal); 随时可评 items staff entered about it do not count' }) rated!: boolean;
  @ApiProperty({ type: Number, nullable: true, example: 5 }) reviewLevel!: number | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CaseReviewSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 5 }) level!: number;
  @ApiProperty({ example: 'WINDOW_QR' }) channel!: string;
  @ApiProperty() createdAt!: string;
}

export class CaseDetailResponse extends CaseResponse {
  @ApiProperty({ type: CaseReviewSummary, nullable: true, description: 'its one rating' }) review!: CaseReviewSummary | null;
  @ApiProperty({ type: [CaseReviewSummary], description: '随时可评 items staff entered about the case (热线, 意见箱, …), newest first: feedback, not its rating' })
  feedback!: CaseReviewSummary[];
}
