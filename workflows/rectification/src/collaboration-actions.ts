import { setHandler } from '@temporalio/workflow';
import {
  ERR_FORBIDDEN,
  ERR_INVALID_ARGUMENT,
  MAX_INVITED_DEPARTMENTS,
  invitedDepartmentsOf,
  type AddNoteCommand,
  type InviteDepartmentsCommand,
  type ReassignCommand,
  type RecordDepartmentInputCommand,
  type RectificationCaseState,
} from '@haochaping/contracts';
import {
  addNoteUpdate,
  inviteDepartmentsUpdate,
  reassignUpdate,
  recordDepartmentInputUpdate,
} from '@haochaping/contracts/server';
import { caseScope, guardAction, optionalText, refuse, requireName, requireRecord, requireText } from './action-guards';
import { activities } from './activity-stubs';
import { nowIso, type CaseRecord } from './case-record';

/** Department codes as master data spells them (`yibao`, `renshe`): letters, digits, `-` and `_`. */
const DEPARTMENT_CODE = /^[A-Za-z0-9_-]{1,50}$/;

/**
 * Who works on a case besides the hall's handler: reassignment inside the hall, county departments invited to a
 * 协调整改 case and their input, and notes by anyone with scope. None of them moves the case's state or its clocks.
 */
export class CollaborationActions {
  constructor(private readonly record: CaseRecord) {}

  private get state(): RectificationCaseState {
    return this.record.state;
  }

  register(): void {
    setHandler(reassignUpdate, (command) => this.reassign(command), { validator: (command: ReassignCommand) => this.validateReassign(command) });
    setHandler(inviteDepartmentsUpdate, (command) => this.inviteDepartments(command), {
      validator: (command: InviteDepartmentsCommand) => this.validateInvitation(command),
    });
    setHandler(recordDepartmentInputUpdate, (command) => this.recordDepartmentInput(command), {
      validator: (command: RecordDepartmentInputCommand) => this.validateDepartmentInput(command),
    });
    setHandler(addNoteUpdate, (command) => this.addNote(command), { validator: (command: AddNoteCommand) => this.validateNote(command) });
  }

  private validateReassign(command: ReassignCommand): void {
    guardAction('reassign', this.state, command);
    requireRecord(command.assignee, 'assignee', '新经办人');
    requireName(command.assignee.userId, 'assignee.userId', '新经办人账号');
    requireName(command.assignee.name, 'assignee.name', '新经办人姓名');
    if (command.assignee.userId.trim() === this.state.assignee?.userId) {
      refuse(ERR_INVALID_ARGUMENT, `新经办人（assignee.userId）已是当前经办人${this.state.assignee.name}`);
    }
    optionalText(command.reason, 'reason', '改派理由');
  }

  private validateInvitation(command: InviteDepartmentsCommand): void {
    guardAction('inviteDepartments', this.state, command);
    const codes: unknown = command.departmentCodes;
    if (!Array.isArray(codes) || codes.length === 0 || codes.length > MAX_INVITED_DEPARTMENTS) {
      refuse(ERR_INVALID_ARGUMENT, `邀请的部门（departmentCodes）须为1至${MAX_INVITED_DEPARTMENTS}个部门代码`);
    }
    if (!codes.every((code): code is string => typeof code === 'string' && DEPARTMENT_CODE.test(code))) {
      refuse(ERR_INVALID_ARGUMENT, '邀请的部门（departmentCodes）含有无效的部门代码');
    }
    if (new Set(codes).size !== codes.length) refuse(ERR_INVALID_ARGUMENT, '邀请的部门（departmentCodes）有重复');
    const already = codes.filter((code) => caseScope(this.state).invitedDepartmentCodes.includes(code));
    if (already.length > 0) refuse(ERR_INVALID_ARGUMENT, `邀请的部门（departmentCodes）中 ${already.join('、')} 已受邀`);
    optionalText(command.note, 'note', '邀请说明');
  }

  private validateDepartmentInput(command: RecordDepartmentInputCommand): void {
    const actor = guardAction('recordDepartmentInput', this.state, command);
    const invited = invitedDepartmentsOf(actor, caseScope(this.state));
    if (command.departmentCode !== undefined) {
      requireName(command.departmentCode, 'departmentCode', '部门代码');
      if (!invited.includes(command.departmentCode)) refuse(ERR_FORBIDDEN, `所在部门中没有受邀的部门 ${command.departmentCode}`);
    } else if (invited.length > 1) {
      refuse(ERR_INVALID_ARGUMENT, `所在的多个部门均已受邀，请指明部门（departmentCode）：${invited.join('、')}`);
    }
    requireText(command.text, 'text', '协办意见');
  }

  private validateNote(command: AddNoteCommand): void {
    guardAction('addNote', this.state, command);
    requireText(command.text, 'text', '备注');
  }

  private async reassign(command: ReassignCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    const previous = this.state.assignee;
    const assignee = { userId: command.assignee.userId.trim(), name: command.assignee.name.trim(), assignedAt: at, assignedBy: command.actor.userId };
    this.state.assignee = assignee;
    this.record.note(command.actor, `改派经办人：${assignee.name}`, {
      assigneeUserId: assignee.userId,
      assigneeName: assignee.name,
      previousAssigneeUserId: previous?.userId ?? null,
      previousAssigneeName: previous?.name ?? null,
      ...(command.reason ? { reason: command.reason.trim() } : {}),
    }, at);
    await activities.notify({ kind: 'REASSIGNED', reviewId: this.state.reviewId, recipientRole: 'HANDLER', hallCode: this.state.hallCode, recipientUserId: assignee.userId });
    return this.record.projected();
  }

  private async inviteDepartments(command: InviteDepartmentsCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    const departmentCodes = [...command.departmentCodes];
    for (const departmentCode of departmentCodes) this.state.invitedDepartments.push({ departmentCode, invitedAt: at, invitedBy: command.actor.userId });
    this.record.note(command.actor, `邀请县直部门协同整改：${departmentCodes.join('、')}`, {
      departmentCodes,
      invitedDepartmentCodes: caseScope(this.state).invitedDepartmentCodes,
      ...(command.note ? { note: command.note.trim() } : {}),
    }, at);
    await activities.notify({ kind: 'DEPARTMENTS_INVITED', reviewId: this.state.reviewId, recipientRole: 'DEPT_GUIDE', hallCode: this.state.hallCode, departmentCodes });
    return this.record.projected();
  }

  private recordDepartmentInput(command: RecordDepartmentInputCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    // The validator made sure exactly one invited department is meant.
    const departmentCode = command.departmentCode ?? invitedDepartmentsOf(command.actor, caseScope(this.state))[0];
    this.state.departmentInputs.push({ departmentCode, at, text: command.text.trim(), recordedBy: command.actor.userId });
    this.record.note(command.actor, `县直部门（${departmentCode}）登记协办意见`, { departmentCode, text: command.text.trim() }, at);
    return this.record.projected();
  }

  private addNote(command: AddNoteCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    this.state.notes.push({ at, text: command.text.trim(), recordedBy: command.actor.userId, actorRole: command.actor.role });
    this.record.note(command.actor, '添加备注', { text: command.text.trim() }, at);
    return this.record.projected();
  }
}
