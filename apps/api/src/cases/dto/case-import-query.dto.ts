import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const DRY_RUN_VALUES = ['1', '0', 'true', 'false'] as const;

/** `?dryRun=1`: check the file and say what a commit would do, writing nothing. */
export class CaseImportQueryDto {
  @ApiPropertyOptional({ enum: DRY_RUN_VALUES, description: '1 / true: a dry run (the same checks and report, nothing written)' })
  @IsOptional()
  @IsIn(DRY_RUN_VALUES, { message: 'dryRun 只能是 1、0、true 或 false' })
  dryRun?: (typeof DRY_RUN_VALUES)[number];
}

export const isDryRun = (query: CaseImportQueryDto): boolean => query.dryRun === '1' || query.dryRun === 'true';
