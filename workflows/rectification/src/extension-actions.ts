import { setHandler } from '@temporalio/workflow';
import {
  CALLBACK_METHODS,
  ERR_INVALID_STATE,
  extensionDecisionClock,
  isOpenObligation,
  type DecideExtensionCommand,
  type ExtensionRequest,
  type RectificationCaseState,
  type RectificationState,
  type RequestExtensionCommand,
  type ReviewContext,
} from '@haochaping/contracts';
import { decideExtensionUpdate, requestExtensionUpdate } from '@haochaping/contracts/server';
import { ArgumentChecks, guardAction, refuse } from './action-guards';
import { activities } from './activity-stubs';
import { nowIso, type CaseRecord } from './case-record';
import type { ObligationClocks } from './obligation-clocks';

/**
 * Extensions of a 协调整改 result (DOMAIN.md: "before the due date, contact the reviewer and record reason and new
 * date; the county supervisor approves"). While the request waits (延期待审批) the result clock keeps running under
 * the original due time, and the county's decision has a clock of its own. Approval moves the due time; the first
 * original due time stays in `originalResultDueAt` for the statistics. Denial returns to the work under the
 * original clock, which never stopped.
 */
export class ExtensionActions {
  /** The state the pending request came from (整改中, or 重办中 for a reopened case), to return to after the decision. */
  private resumeState: RectificationState = 'RECTIFYING';

  constructor(
    private readonly record: CaseRecord,
    private readonly clocks: ObligationClocks,
    private readonly context: ReviewContext,
  ) {}

  private get state(): RectificationCaseState {
    return this.record.state;
  }

  register(): void {
    setHandler(requestExtensionUpdate, (command) => this.requestExtension(command), {
      validator: (command: RequestExtensionCommand) => this.validateRequest(command),
    });
    setHandler(decideExtensionUpdate, (command) => this.decideExtension(command), {
      validator: (command: DecideExtensionCommand) => this.validateDecision(command),
    });
  }

  private validateRequest(command: RequestExtensionCommand): void {
    guardAction('requestExtension', this.state, command);
    const result = this.state.obligations.result;
    // Strictly before the due time: a request at or after it comes too late, whatever it says.
    if (!isOpenObligation(result) || Date.now() >= Date.parse(result.dueAt)) {
      refuse(ERR_INVALID_STATE, `整改结果反馈已于${result?.dueAt ?? '—'}到期，须在到期前申请延期`);
    }
    const checks = new ArgumentChecks();
    checks.text(command.reason, 'reason', '延期理由');
    const newDueAt = checks.instant(command.newDueAt, 'newDueAt', '申请的新期限');
    if (newDueAt !== undefined && newDueAt <= Date.parse(result.dueAt)) checks.refuse('newDueAt', `申请的新期限（newDueAt）必须晚于当前期限 ${result.dueAt}`);
    const contactGiven = command.contactedAt !== undefined || command.contactMethod !== undefined || command.reviewerResponse !== undefined;
    // The seed requires contacting the reviewer first; an anonymous reviewer cannot be contacted. All three contact
    // fields are required together (a real-name reviewer, or any of them given), and refused together.
    if (this.state.canCallBack || contactGiven) {
      checks.pastInstant(command.contactedAt, 'contactedAt', '联系评价人的时间', this.state.reviewedAt);
      checks.oneOf(command.contactMethod, CALLBACK_METHODS, 'contactMethod', '联系方式');
      checks.text(command.reviewerResponse, 'reviewerResponse', '评价人的意见');
    }
    checks.refuseIfAny();
  }

  private validateDecision(command: DecideExtensionCommand): void {
    guardAction('decideExtension', this.state, command);
    const checks = new ArgumentChecks();
    checks.oneOf(command.decision, ['APPROVE', 'DENY'] as const, 'decision', '审批结论');
    checks.text(command.reason, 'reason', '审批理由');
    checks.refuseIfAny();
  }

  private async requestExtension(command: RequestExtensionCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    const result = this.state.obligations.result!; // the validator saw it open and not yet due
    const request: ExtensionRequest = {
      requestedAt: at,
      requestedBy: command.actor.userId,
      reason: command.reason.trim(),
      previousDueAt: result.dueAt,
      requestedDueAt: new Date(command.newDueAt).toISOString(),
      reviewerContact:
        command.contactedAt !== undefined && command.contactMethod !== undefined && command.reviewerResponse !== undefined
          ? { contactedAt: command.contactedAt, method: command.contactMethod, reviewerResponse: command.reviewerResponse.trim() }
          : null,
      decision: null,
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
    };
    this.resumeState = this.state.state;
    this.record.moveTo('EXTENSION_PENDING');
    this.state.extensions.push(request);
    await this.clocks.open('extensionDecision', at, extensionDecisionClock(this.context.slaPolicy));
    this.record.note(command.actor, '已联系评价人并申请延期，待县行政审批服务局审批', {
      reason: request.reason,
      previousDueAt: request.previousDueAt,
      requestedDueAt: request.requestedDueAt,
      reviewerContact: request.reviewerContact,
      ...this.record.openDeadlines(),
    }, at);
    await activities.notify({
      kind: 'EXTENSION_REQUESTED',
      reviewId: this.state.reviewId,
      recipientRole: 'COUNTY_SUPERVISOR',
      hallCode: this.state.hallCode,
      obligation: 'extensionDecision',
      dueAt: this.state.obligations.extensionDecision?.dueAt,
    });
    return this.record.projected();
  }

  private async decideExtension(command: DecideExtensionCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    const request = this.state.extensions[this.state.extensions.length - 1];
    this.clocks.fulfil('extensionDecision', at);
    this.record.moveTo(this.resumeState);
    Object.assign(request, { decision: command.decision === 'APPROVE' ? 'APPROVED' : 'DENIED', decidedAt: at, decidedBy: command.actor.userId, decisionReason: command.reason.trim() });
    const details = { decision: command.decision, reason: command.reason.trim(), requestedDueAt: request.requestedDueAt };
    if (command.decision === 'APPROVE') {
      const originalResultDueAt = this.state.originalResultDueAt ?? request.previousDueAt;
      this.state.originalResultDueAt = originalResultDueAt;
      await this.clocks.extend('result', request.requestedDueAt);
      this.record.note(command.actor, '同意延期，整改结果反馈期限延至新期限', { ...details, originalResultDueAt, previousDueAt: request.previousDueAt, ...this.record.openDeadlines() }, at);
    } else {
      this.record.note(command.actor, '不同意延期，按原期限继续整改', { ...details, ...this.record.openDeadlines() }, at);
    }
    await activities.notify({
      kind: 'EXTENSION_DECIDED',
      reviewId: this.state.reviewId,
      recipientRole: 'HANDLER',
      hallCode: this.state.hallCode,
      obligation: 'result',
      dueAt: this.state.obligations.result?.dueAt,
    });
    return this.record.projected();
  }
}
