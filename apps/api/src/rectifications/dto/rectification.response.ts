import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RectificationCaseState, TimelineEntry } from '@haochaping/contracts';
import type { RectificationActionPath } from '@haochaping/contracts';
import { CallbackProofResponse } from '../../callback-proof/dto/callback-proof.response';
import type { TimelineEntryLabels } from '../timeline-labels';

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

export class TimelineDepartmentResponse {
  @ApiProperty({ example: 'yibao' }) code!: string;
  @ApiProperty({ example: '医保局', description: "the department's name now (its code when the department is gone)" }) name!: string;
}

export class RectificationTimelineEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ description: "user id, or 'system'; the reviewer's steps carry `reviewer`" }) actor!: string;
  @ApiProperty({
    example: '金屯镇分管领导 李四',
    description: 'who took the step, by post and display name now (经办人 张三, 县行政审批服务局 王五, 评价人, 系统); the post alone when the account is gone or unnamed',
  })
  actorLabel!: string;
  @ApiProperty({ example: '邀请县直部门协同整改：yibao', description: "the workflow's wording, as recorded" }) action!: string;
  @ApiProperty({ example: '邀请县直部门协同整改：医保局', description: 'the action with the departments it names by code named by name' }) actionLabel!: string;
  @ApiProperty({ type: [TimelineDepartmentResponse], description: 'the departments the details name (departmentCode / departmentCodes)' })
  departments!: TimelineDepartmentResponse[];
  @ApiPropertyOptional({ type: Object, nullable: true }) details!: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: CallbackProofResponse, description: "a callback's proof (补录, call-log check); only on callback entries" })
  callbackProof?: CallbackProofResponse;
}

/** `GET /api/rectifications/:id` from the read model: the row, its timeline and what the caller may do now. */
export class RectificationDetailResponse extends RectificationCaseResponse {
  @ApiProperty({ type: [RectificationTimelineEntryResponse] }) timeline!: RectificationTimelineEntryResponse[];
  @ApiProperty({ type: [CallbackProofResponse], description: 'the recorded callbacks with their proof, in the order recorded' })
  callbackProofs!: CallbackProofResponse[];
  @ApiProperty({ type: [String], example: ['verify'], description: 'actions the calling user may take now (URL segments)' })
  allowedActions!: RectificationActionPath[];
  @ApiProperty({ enum: ['read-model'] }) source!: 'read-model';
}

/** The workflow's own state (`?live=1`, and every action's answer), with what the caller may do next. */
export type RectificationLiveResponse = Omit<RectificationCaseState, 'timeline'> & {
  /** The workflow's timeline, each entry named as in the read model's answer. */
  timeline: Array<TimelineEntry & TimelineEntryLabels & { callbackProof?: CallbackProofResponse }>;
  callbackProofs: CallbackProofResponse[];
  id: string;
  allowedActions: RectificationActionPath[];
  source: 'workflow';
};
