import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RectificationCaseState } from '@haochaping/contracts';
import type { RectificationActionPath } from '@haochaping/contracts';

/** One row of the read model (rectification_case), instants in Asia/Shanghai time. */
export class RectificationCaseResponse {
  @ApiProperty({ description: "react-admin id: the review's id" }) id!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty({ example: 'rectification-…' }) workflowId!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ example: '金屯镇' }) hallName!: string;
  @ApiProperty({ enum: [1, 2] }) level!: number;
  @ApiProperty({ example: 'RECTIFYING' }) state!: string;
  @ApiProperty({ example: '整改中' }) stateLabel!: string;
  @ApiPropertyOptional({ example: 'TIME_LIMITED', nullable: true, type: String }) category!: string | null;
  @ApiPropertyOptional({ example: '限时整改', nullable: true, type: String }) categoryLabel!: string | null;
  @ApiProperty({ enum: [0, 1, 2] }) escalationLevel!: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'due time of the open callback obligation' }) callbackDueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'due time of the open result obligation' }) resultDueAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "end of the citizen's confirmation window" }) confirmationDueAt!: string | null;
  @ApiProperty({ description: 'some open obligation is past its due time' }) overdue!: boolean;
  @ApiPropertyOptional({ example: 'SATISFIED', nullable: true, type: String }) outcome!: string | null;
  @ApiPropertyOptional({ example: '满意', nullable: true, type: String }) outcomeLabel!: string | null;
  @ApiProperty({ example: 1 }) slaPolicyVersion!: number;
  @ApiProperty({ example: '2026-03-09T09:30:00+08:00' }) openedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt!: string | null;
  @ApiProperty({ enum: ['HALL', 'COUNTY'], description: 'who answers for the case: the hall, or the county once 不满意 reopened it' }) owner!: string;
  @ApiPropertyOptional({ example: '镇街', nullable: true, type: String }) ownerLabel!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: "the handler whose work queue the case is in; null while it is the hall's" })
  assigneeUserId!: string | null;
  @ApiPropertyOptional({ example: '李明', nullable: true, type: String }) assigneeName!: string | null;
  @ApiPropertyOptional({ enum: ['REACHED', 'UNREACHABLE'], nullable: true, type: String, description: 'how the callback was met; null while owed or never owed' })
  callbackOutcome!: string | null;
  @ApiPropertyOptional({ example: '已回访', nullable: true, type: String }) callbackOutcomeLabel!: string | null;
  @ApiProperty({ type: [String], example: ['yibao'], description: 'departments invited to co-handle the case (协调整改)' }) invitedDepartmentCodes!: string[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the result due time before the first approved extension' })
  originalResultDueAt!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class RectificationTimelineEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ description: "user id, or 'system'" }) actor!: string;
  @ApiProperty({ example: '核实属实，定为限时整改' }) action!: string;
  @ApiPropertyOptional({ type: Object, nullable: true }) details!: Record<string, unknown> | null;
}

/** `GET /api/rectifications/:id` from the read model: the row, its timeline and what the caller may do now. */
export class RectificationDetailResponse extends RectificationCaseResponse {
  @ApiProperty({ type: [RectificationTimelineEntryResponse] }) timeline!: RectificationTimelineEntryResponse[];
  @ApiProperty({ type: [String], example: ['verify'], description: 'actions the calling user may take now (URL segments)' })
  allowedActions!: RectificationActionPath[];
  @ApiProperty({ enum: ['read-model'] }) source!: 'read-model';
}

/** The workflow's own state (`?live=1`, and every action's answer), with what the caller may do next. */
export type RectificationLiveResponse = RectificationCaseState & {
  id: string;
  allowedActions: RectificationActionPath[];
  source: 'workflow';
};
