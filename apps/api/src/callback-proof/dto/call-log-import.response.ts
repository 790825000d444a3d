import { ApiProperty } from '@nestjs/swagger';

export class BadCallLogLineResponse {
  @ApiProperty({ example: 3, description: 'line number in the file (1 = the header)' }) line!: number;
  @ApiProperty({ example: '通话时间“昨天”不是有效的时间（例如 2026-11-20 10:30:00）' }) reason!: string;
}

/** What an import did (or, in a dry run, would do). The numbers are never echoed back, only line numbers. */
export class CallLogImportResponse {
  @ApiProperty({ description: 'true: nothing was written' }) dryRun!: boolean;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ description: 'data lines in the file' }) lines!: number;
  @ApiProperty({ description: 'lines that could be read' }) valid!: number;
  @ApiProperty({ description: 'calls new to the stored log (written, or to be written in a dry run)' }) imported!: number;
  @ApiProperty({ description: 'calls already stored (an earlier import) or repeated in the file: skipped' }) alreadyImported!: number;
  @ApiProperty({ type: [BadCallLogLineResponse], description: 'lines that could not be read, skipped, with why' }) badLines!: BadCallLogLineResponse[];
}
