import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AddNoteCommand,
  ConfirmCommand,
  DecideExtensionCommand,
  DecideRejectionCommand,
  InviteDepartmentsCommand,
  ReassignCommand,
  ReclassifyCommand,
  RecordCallbackCommand,
  RecordDepartmentInputCommand,
  RecordRectificationCommand,
  RequestExtensionCommand,
  VerifyCommand,
} from './rectification-commands.contract';
import type { RectificationCaseState } from './rectification.contract';

/**
 * The rectification workflow's query and updates (server entry only: `defineQuery`/`defineUpdate` come from Temporal's
 * workflow runtime). The commands they carry and the rules that refuse them are in the pure entry.
 */
export const rectificationStateQuery = defineQuery<RectificationCaseState>('state');

export const verifyUpdate = defineUpdate<RectificationCaseState, [VerifyCommand]>('verify');
export const decideRejectionUpdate = defineUpdate<RectificationCaseState, [DecideRejectionCommand]>('decideRejection');
export const recordCallbackUpdate = defineUpdate<RectificationCaseState, [RecordCallbackCommand]>('recordCallback');
export const recordRectificationUpdate = defineUpdate<RectificationCaseState, [RecordRectificationCommand]>('recordRectification');
export const confirmUpdate = defineUpdate<RectificationCaseState, [ConfirmCommand]>('confirm');
export const reclassifyUpdate = defineUpdate<RectificationCaseState, [ReclassifyCommand]>('reclassify');
export const reassignUpdate = defineUpdate<RectificationCaseState, [ReassignCommand]>('reassign');
export const inviteDepartmentsUpdate = defineUpdate<RectificationCaseState, [InviteDepartmentsCommand]>('inviteDepartments');
export const recordDepartmentInputUpdate = defineUpdate<RectificationCaseState, [RecordDepartmentInputCommand]>('recordDepartmentInput');
export const addNoteUpdate = defineUpdate<RectificationCaseState, [AddNoteCommand]>('addNote');
export const requestExtensionUpdate = defineUpdate<RectificationCaseState, [RequestExtensionCommand]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<RectificationCaseState, [DecideExtensionCommand]>('decideExtension');
