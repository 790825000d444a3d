import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray } from 'class-validator';

/** One case as a business system delivers it (documentation only: rows are checked one by one, see case-row.ts). */
export class CaseApplicantInput {
  @ApiProperty({ enum: ['PERSON', 'ORGANIZATION'], description: 'PERSON 自然人 / ORGANIZATION 法人' }) kind!: 'PERSON' | 'ORGANIZATION';
  @ApiProperty({ example: '张三', maxLength: 100 }) name!: string;
  @ApiProperty({ required: false, example: '13812345678', description: 'mobile or landline with area code' }) phone?: string;
}

export class CaseInput {
  @ApiProperty({ example: 'JX-2026-000123', maxLength: 64, description: '办件编号, unique county-wide: a resend updates the case' }) caseNumber!: string;
  @ApiProperty({ example: 'RS-001' }) serviceItemCode!: string;
  @ApiProperty({ example: 'jiaxiang' }) hallCode!: string;
  @ApiProperty({ required: false, example: 'W01' }) windowCode?: string;
  @ApiProperty({ required: false, example: 'JX01011', description: 'must belong to the hall' }) staffEmployeeNumber?: string;
  @ApiProperty({ type: CaseApplicantInput }) applicant!: CaseApplicantInput;
  @ApiProperty({ example: '2026-11-20T10:30:00+08:00' }) receivedAt!: string;
  @ApiProperty({ required: false, example: '2026-11-20T11:05:00+08:00', description: 'not before receivedAt' }) completedAt?: string;
  @ApiProperty({ enum: ['WINDOW', 'ONLINE'], description: 'WINDOW 线下窗口 / ONLINE 网上办事' }) channel!: 'WINDOW' | 'ONLINE';
}

export class IngestCasesDto {
  @ApiProperty({ type: [CaseInput], minItems: 1, maxItems: 1000, description: '1–1000 cases; each row is accepted, updated or rejected on its own' })
  @IsArray({ message: 'cases 必须是办件数组' })
  @ArrayNotEmpty({ message: '请至少提交一条办件' })
  cases!: unknown[];
}
