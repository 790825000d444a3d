import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACTOR_ROLES,
  CALLBACK_METHODS,
  CALLBACK_OUTCOMES,
  CASE_OWNERS,
  OBLIGATION_KINDS,
  RECTIFICATION_ACTION_PATHS,
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATES,
  type ActorRole,
  type CallbackAttempt,
  type CallbackMethod,
  type CaseAssignee,
  type CaseNote,
  type DepartmentInput,
  type DepartmentInvitation,
  type ExtensionDecision,
  type ExtensionRequest,
  type Obligation,
  type RectificationCaseState,
  type RectificationRecord,
  type ReviewerContact,
} from '@haochaping/contracts';
import { CallbackProofResponse } from '../../callback-proof/dto/callback-proof.response';
import { TimelineDepartmentResponse } from './rectification.response';
import type { RectificationLiveResponse } from './rectification.response';

// The OpenAPI schema of the workflow's own state (`GET /api/rectifications/:id?live=1` and every action's answer).
// The TypeScript shape is the contracts' RectificationCaseState (RectificationLiveResponse); these classes only
// describe it, and the type checks at the end keep their property names equal to it.

const NULLABLE_INSTANT = { type: String, nullable: true, example: '2026-03-09T09:30:00+08:00' } as const;

export class ObligationResponse implements Obligation {
  @ApiProperty() openedAt!: string;
  @ApiProperty({ description: 'when the clock started counting' }) from!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: 'the due time depends on a provisional holiday calendar' }) provisional!: boolean;
  @ApiProperty({ enum: ACTOR_ROLES, description: 'who owes it' }) ownerRole!: ActorRole;
  @ApiProperty(NULLABLE_INSTANT) remindAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) escalatesAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) remindedAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) doneAt!: string | null;
  @ApiProperty(NULLABLE_INSTANT) waivedAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ enum: [0, 1, 2] }) escalationLevel!: 0 | 1 | 2;
}

/** One optional property per obligation kind (callback, result, rejectionDecision, extensionDecision, confirmation). */
export class ObligationsResponse {
  @ApiPropertyOptional({ type: ObligationResponse }) callback?: ObligationResponse;
  @ApiPropertyOptional({ type: ObligationResponse }) result?: ObligationResponse;
  @ApiPropertyOptional({ type: ObligationResponse }) rejectionDecision?: ObligationResponse;
  @ApiPropertyOptional({ type: ObligationResponse }) extensionDecision?: ObligationResponse;
  @ApiPropertyOptional({ type: ObligationResponse }) confirmation?: ObligationResponse;
}

export class CaseAssigneeStateResponse implements CaseAssignee {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: '李明' }) name!: string;
  @ApiProperty() assignedAt!: string;
  @ApiProperty({ description: 'user id of who reassigned' }) assignedBy!: string;
}

export class CallbackAttemptResponse implements CallbackAttempt {
  @ApiProperty({ description: 'when the handler states the call happened' }) at!: string;
  @ApiPropertyOptional({ description: 'when the workflow recorded it (absent on older attempts)' }) recordedAt?: string;
  @ApiProperty({ enum: CALLBACK_METHODS }) method!: CallbackMethod;
  @ApiProperty() reached!: boolean;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) initialReply!: string | null;
  @ApiProperty() recordedBy!: string;
}

export class RectificationRecordResponse implements RectificationRecord {
  @ApiProperty() at!: string;
  @ApiProperty() measures!: string;
  @ApiProperty() result!: string;
  @ApiProperty() recordedBy!: string;
}

export class DepartmentInvitationResponse implements DepartmentInvitation {
  @ApiProperty({ example: 'yibao' }) departmentCode!: string;
  @ApiProperty() invitedAt!: string;
  @ApiProperty() invitedBy!: string;
}

export class DepartmentInputResponse implements DepartmentInput {
  @ApiProperty({ example: 'yibao' }) departmentCode!: string;
  @ApiProperty() at!: string;
  @ApiProperty() text!: string;
  @ApiProperty() recordedBy!: string;
}

export class CaseNoteResponse implements CaseNote {
  @ApiProperty() at!: string;
  @ApiProperty() text!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty({ enum: ACTOR_ROLES }) actorRole!: ActorRole;
}

export class ReviewerContactResponse implements ReviewerContact {
  @ApiProperty() contactedAt!: string;
  @ApiProperty({ enum: CALLBACK_METHODS }) method!: CallbackMethod;
  @ApiProperty() reviewerResponse!: string;
}

export class ExtensionRequestResponse implements ExtensionRequest {
  @ApiProperty() requestedAt!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the result due time when it was requested' }) previousDueAt!: string;
  @ApiProperty() requestedDueAt!: string;
  @ApiProperty({ type: ReviewerContactResponse, nullable: true, description: 'null only for an anonymous reviewer' }) reviewerContact!: ReviewerContactResponse | null;
  @ApiProperty({ enum: ['APPROVED', 'DENIED'], nullable: true }) decision!: ExtensionDecision | null;
  @ApiProperty(NULLABLE_INSTANT) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason!: string | null;
}

/** A timeline entry as the workflow holds it, named as in the read model's answer (no `seq`: that is the read model's). */
export class LiveTimelineEntryResponse {
  @ApiProperty() at!: string;
  @ApiProperty({ description: "user id, or 'system'; the reviewer's steps carry `reviewer`" }) actor!: string;
  @ApiProperty({ example: '金屯镇分管领导 李四' }) actorLabel!: string;
  @ApiProperty({ description: "the workflow's wording, as recorded" }) action!: string;
  @ApiProperty({ example: '邀请县直部门协同整改：医保局' }) actionLabel!: string;
  @ApiProperty({ type: [TimelineDepartmentResponse] }) departments!: TimelineDepartmentResponse[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ type: CallbackProofResponse, description: 'only on callback entries' }) callbackProof?: CallbackProofResponse;
}

/** `GET /api/rectifications/:id?live=1` and every action's answer: the workflow's state, what the caller may do next. */
export class RectificationLiveStateResponse {
  @ApiProperty({ description: "react-admin id: the review's id" }) id!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty({ example: 'jintun' }) hallCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '金屯镇' }) hallName!: string | null;
  @ApiProperty({ enum: [1, 2] }) level!: 1 | 2;
  @ApiProperty({ enum: Object.keys(RECTIFICATION_STATES) }) state!: RectificationCaseState['state'];
  @ApiProperty({ example: '整改中' }) stateLabel!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty() reviewedAt!: string;
  @ApiProperty({ enum: Object.keys(RECTIFICATION_CATEGORIES), nullable: true, description: "the handler's choice at verification (null before)" })
  category!: RectificationCaseState['category'];
  @ApiProperty({ enum: Object.keys(RECTIFICATION_CATEGORIES), description: 'the category whose clocks are running' }) clockCategory!: RectificationCaseState['clockCategory'];
  @ApiProperty({ example: 1 }) slaPolicyVersion!: number;
  @ApiProperty({ description: 'false for anonymous reviewers: no callback owed' }) canCallBack!: boolean;
  @ApiProperty({ type: ObligationsResponse, description: `each obligation kind (${OBLIGATION_KINDS.join(', ')}) once it was opened` }) obligations!: ObligationsResponse;
  @ApiProperty({ enum: [0, 1, 2] }) escalationLevel!: 0 | 1 | 2;
  @ApiProperty({ enum: Object.keys(RECTIFICATION_OUTCOMES), nullable: true }) outcome!: RectificationCaseState['outcome'];
  @ApiProperty({ type: String, nullable: true, example: '满意' }) outcomeLabel!: string | null;
  @ApiProperty({ description: "how often the citizen's 不满意 reopened the case" }) reopenCount!: number;
  @ApiProperty({ enum: Object.keys(CASE_OWNERS) }) owner!: RectificationCaseState['owner'];
  @ApiProperty({ type: CaseAssigneeStateResponse, nullable: true }) assignee!: CaseAssigneeStateResponse | null;
  @ApiProperty({ type: [CallbackAttemptResponse] }) callbacks!: CallbackAttemptResponse[];
  @ApiProperty({ enum: Object.keys(CALLBACK_OUTCOMES), nullable: true }) callbackOutcome!: RectificationCaseState['callbackOutcome'];
  @ApiProperty({ type: [RectificationRecordResponse] }) rectifications!: RectificationRecordResponse[];
  @ApiProperty({ type: [DepartmentInvitationResponse] }) invitedDepartments!: DepartmentInvitationResponse[];
  @ApiProperty({ type: [DepartmentInputResponse] }) departmentInputs!: DepartmentInputResponse[];
  @ApiProperty({ type: [CaseNoteResponse] }) notes!: CaseNoteResponse[];
  @ApiProperty({ type: [ExtensionRequestResponse] }) extensions!: ExtensionRequestResponse[];
  @ApiProperty(NULLABLE_INSTANT) originalResultDueAt!: string | null;
  @ApiProperty({ type: [LiveTimelineEntryResponse] }) timeline!: LiveTimelineEntryResponse[];
  @ApiProperty({ type: [CallbackProofResponse], description: 'the recorded callbacks with their proof, in the order recorded' }) callbackProofs!: CallbackProofResponse[];
  @ApiProperty({ enum: Object.values(RECTIFICATION_ACTION_PATHS), isArray: true, description: 'actions the calling user may take now (URL segments)' })
  allowedActions!: RectificationLiveResponse['allowedActions'];
  @ApiProperty({ enum: ['workflow'] }) source!: 'workflow';
}

// The schema names exactly the properties the API answers with: a property added to the contracts' state (or to the
// answer) without its description here, or one described that is not answered, fails the type check.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const described: { state: SameKeys<RectificationLiveStateResponse, RectificationLiveResponse>; obligations: SameKeys<ObligationsResponse, Required<RectificationCaseState['obligations']>> } = {
  state: true,
  obligations: true,
};
void described;
