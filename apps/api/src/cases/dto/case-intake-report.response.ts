import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiFieldError } from '../../common/api-error';

export class CaseRowResultResponse {
  @ApiProperty({ example: 0, description: 'position in the delivery, from 0 (CSV: data lines, from 0)' }) index!: number;
  @ApiPropertyOptional({ example: 2, description: 'CSV import only: the line of the file (1 = the header)' }) line?: number;
  @ApiProperty({ type: String, nullable: true, example: 'JX-2026-000123' }) caseNumber!: string | null;
  @ApiProperty({
    enum: ['accepted', 'updated', 'unchanged', 'rejected'],
    description: 'accepted: new case; updated: a known case number with something changed, replaced; unchanged: a known case number resent as stored, not written; a dry run says what a commit would do',
  })
  status!: 'accepted' | 'updated' | 'unchanged' | 'rejected';
  @ApiPropertyOptional({ format: 'uuid', description: "the case's id when it is stored (a new case in a dry run has none yet)" }) id?: string;
  @ApiPropertyOptional({ type: [ApiFieldError], description: 'why the row was rejected (Chinese); CSV: field = the column header' })
  errors?: ApiFieldError[];
}

export class CaseIntakeReportResponse {
  @ApiProperty({ example: 998 }) accepted!: number;
  @ApiProperty({ example: 1 }) updated!: number;
  @ApiProperty({ example: 0 }) unchanged!: number;
  @ApiProperty({ example: 1 }) rejected!: number;
  @ApiProperty({ example: false, description: 'true: a dry run (CSV import ?dryRun=1), nothing was written' }) dryRun!: boolean;
  @ApiProperty({ type: [CaseRowResultResponse] }) results!: CaseRowResultResponse[];
}
