import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DRIFT_NOT_REPAIRED_REASONS, READ_MODEL_FIELD_LABELS, RECONCILIATION_STATUSES, RECONCILIATION_TRIGGERS } from '@haochaping/contracts';

export const MAX_RECONCILIATION_CLOSED_WITHIN_DAYS = 90;

export class ReconciliationSettingsDto {
  @ApiProperty({ minimum: 0, maximum: MAX_RECONCILIATION_CLOSED_WITHIN_DAYS, example: 7, description: 'N: every run checks the cases closed in the last N days beside the open ones' })
  @IsInt({ message: '核对范围天数须为整数' })
  @Min(0, { message: '核对范围天数不能小于 0' })
  @Max(MAX_RECONCILIATION_CLOSED_WITHIN_DAYS, { message: `核对范围天数不能大于 ${MAX_RECONCILIATION_CLOSED_WITHIN_DAYS}` })
  closedWithinDays!: number;
}

export class ReconciliationSettingsResponse extends ReconciliationSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'who changed it last (a user id; "migration": the default)' }) updatedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-07T10:30:00+08:00' }) updatedAt!: string | null;
}

export class ReconciliationRunResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: RECONCILIATION_TRIGGERS, description: 'SCHEDULE (daily), CONSOLE (立即核对), CLI (npm run reconcile)' }) trigger!: string;
  @ApiProperty({ example: '立即核对' }) triggerLabel!: string;
  @ApiProperty({ type: String, nullable: true, description: 'who asked for it: the console user’s display name, the CLI’s operator; null for the schedule' }) requestedBy!: string | null;
  @ApiProperty({ enum: RECONCILIATION_STATUSES }) status!: string;
  @ApiProperty({ example: '已完成' }) statusLabel!: string;
  @ApiProperty({ example: 7 }) closedWithinDays!: number;
  @ApiProperty({ example: '2026-12-08T02:30:00+08:00' }) startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
  @ApiProperty({ description: 'cases compared with their workflow (set when the run finishes)' }) checked!: number;
  @ApiProperty({ description: 'cases found drifted so far' }) drifted!: number;
  @ApiProperty({ description: 'drifted cases repaired so far' }) repaired!: number;
  @ApiProperty({ type: String, nullable: true, description: 'why a FAILED run stopped' }) error!: string | null;
}

export class ReadModelDriftResponse {
  @ApiProperty({ format: 'uuid', description: 'the case (its review id, as in /api/rectifications/:id)' }) reviewId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'K7QW3MZP9D', description: 'the review’s tracking code (null only if the review is gone)' }) trackingCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'JX-2026-000123', description: '办件编号 of the rated case; null for a review not tied to a case' }) caseNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'jintun' }) hallCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '金屯镇' }) hallName!: string | null;
  @ApiProperty({ type: [String], enum: Object.keys(READ_MODEL_FIELD_LABELS), description: 'what differed from the workflow’s state' }) fields!: string[];
  @ApiProperty({ type: [String], example: ['办理状态', '办理记录'] }) fieldLabels!: string[];
  @ApiProperty() repaired!: boolean;
  @ApiProperty({ type: String, nullable: true, enum: Object.keys(DRIFT_NOT_REPAIRED_REASONS) }) reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '整改流程已不存在（超过保留期或从未启动），无法按流程状态修复' }) reasonLabel!: string | null;
  @ApiProperty() foundAt!: string;
}

export class ReconciliationRunDetailResponse extends ReconciliationRunResponse {
  @ApiProperty({ type: [ReadModelDriftResponse] }) drifts!: ReadModelDriftResponse[];
}

export class ReconciliationRunsResponse {
  @ApiProperty({ type: ReconciliationSettingsResponse }) settings!: ReconciliationSettingsResponse;
  @ApiProperty({ type: [ReconciliationRunResponse], description: 'the newest runs first (at most 30)' }) runs!: ReconciliationRunResponse[];
}

export class ReconciliationStartedResponse {
  @ApiProperty({ format: 'uuid', description: 'the run’s report (GET /api/read-model-reconciliations/:id)' }) id!: string;
  @ApiProperty({ example: 'read-model-reconciliation-0b6c…' }) workflowId!: string;
}
