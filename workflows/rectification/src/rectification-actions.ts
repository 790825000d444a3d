import { patched, setHandler } from '@temporalio/workflow';
import {
  CALLBACK_METHODS,
  CALLBACK_OUTCOMES,
  ERR_INVALID_STATE,
  RECTIFICATION_CATEGORIES,
  UNREACHABLE_AFTER_WORKING_DAYS,
  type ConfirmCommand,
  type DecideRejectionCommand,
  type ReclassifyCommand,
  type RecordCallbackCommand,
  type RecordRectificationCommand,
  type RectificationCaseState,
  type RectificationCategory,
  type RectificationOutcome,
  type ReviewContext,
  type VerifyCommand,
} from '@haochaping/contracts';
import {
  confirmUpdate,
  decideRejectionUpdate,
  reclassifyUpdate,
  recordCallbackUpdate,
  recordRectificationUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { ArgumentChecks, guardAction, refuse } from './action-guards';
import { activities } from './activity-stubs';
import { unreachableSince, unreachedAttemptDates, WorkingDays } from './callback-attempts';
import { nowIso, SYSTEM_ACTOR, type CaseRecord } from './case-record';
import type { ObligationClocks } from './obligation-clocks';
import { WORKFLOW_PATCHES } from './workflow-patches';

const CATEGORY_IDS = Object.keys(RECTIFICATION_CATEGORIES) as RectificationCategory[];

/**
 * The people's actions on the main path of a case (verify, decide a rejection, call back, rectify, reclassify,
 * confirm), as Temporal updates. Each handler changes the state before its first await (so a concurrent update is
 * validated against the new state), then computes clocks, writes the timeline entry and projects, and answers with
 * the new state.
 */
export class RectificationActions {
  private readonly workingDays: WorkingDays;

  constructor(
    private readonly record: CaseRecord,
    private readonly clocks: ObligationClocks,
    private readonly context: ReviewContext,
  ) {
    this.workingDays = new WorkingDays(record.state.hallCode);
  }

  private get state(): RectificationCaseState {
    return this.record.state;
  }

  register(): void {
    setHandler(verifyUpdate, (command) => this.verify(command), { validator: (command: VerifyCommand) => this.validateVerify(command) });
    setHandler(decideRejectionUpdate, (command) => this.decideRejection(command), {
      validator: (command: DecideRejectionCommand) => this.validateDecideRejection(command),
    });
    setHandler(recordCallbackUpdate, (command) => this.recordCallback(command), {
      validator: (command: RecordCallbackCommand) => this.validateCallback(command),
    });
    setHandler(recordRectificationUpdate, (command) => this.recordRectification(command), {
      validator: (command: RecordRectificationCommand) => this.validateRectification(command),
    });
    setHandler(confirmUpdate, (command) => this.confirm(command), { validator: (command: ConfirmCommand) => this.validateConfirm(command) });
    setHandler(reclassifyUpdate, (command) => this.reclassify(command), { validator: (command: ReclassifyCommand) => this.validateReclassify(command) });
  }

  // Validators check shapes at run time although the types say the same: the API is another program.

  private validateDecideRejection(command: DecideRejectionCommand): void {
    guardAction('decideRejection', this.state, command);
    const checks = new ArgumentChecks();
    checks.oneOf(command.decision, ['APPROVE', 'DENY'] as const, 'decision', '审核结论');
    checks.text(command.reason, 'reason', '审核理由');
    checks.refuseIfAny();
  }

  private validateRectification(command: RecordRectificationCommand): void {
    guardAction('recordRectification', this.state, command);
    const checks = new ArgumentChecks();
    checks.text(command.measures, 'measures', '整改措施');
    checks.text(command.result, 'result', '整改结果');
    checks.refuseIfAny();
  }

  private validateConfirm(command: ConfirmCommand): void {
    guardAction('confirm', this.state, command);
    const checks = new ArgumentChecks();
    checks.oneOf(command.answer, ['SATISFIED', 'UNSATISFIED'] as const, 'answer', '确认结果');
    checks.optionalText(command.comment, 'comment', '意见');
    checks.refuseIfAny();
  }

  private validateVerify(command: VerifyCommand): void {
    guardAction('verify', this.state, command);
    // Which fields are required depends on the finding: 属实 needs the category and the notes, 不属实 / 恶意 the evidence.
    const checks = new ArgumentChecks();
    const finding = checks.oneOf(command.finding, ['TRUE', 'UNTRUE', 'MALICIOUS'] as const, 'finding', '核实结论');
    if (command.finding === 'TRUE') {
      checks.oneOf(command.category, CATEGORY_IDS, 'category', '整改类别');
      checks.text(command.notes, 'notes', '核实情况');
    } else if (finding !== undefined) {
      checks.text(command.evidenceNotes, 'evidenceNotes', '不予采纳的证据说明');
    }
    checks.refuseIfAny();
  }

  private validateReclassify(command: ReclassifyCommand): void {
    guardAction('reclassify', this.state, command);
    const checks = new ArgumentChecks();
    const category = checks.oneOf(command.category, CATEGORY_IDS, 'category', '整改类别');
    if (category !== undefined && category === this.state.category) checks.refuse('category', `整改类别（category）已是${RECTIFICATION_CATEGORIES[category]}`);
    checks.text(command.reason, 'reason', '改变类别的理由');
    checks.refuseIfAny();
  }

  private validateCallback(command: RecordCallbackCommand): void {
    guardAction('recordCallback', this.state, command);
    if (!this.clocks.isOpen('callback')) {
      refuse(ERR_INVALID_STATE, this.state.canCallBack ? '回访已完成，无需再登记' : '匿名差评无回访义务');
    }
    // The initial reply is required once the reviewer was reached.
    const checks = new ArgumentChecks();
    checks.pastInstant(command.at, 'at', '回访时间', this.state.reviewedAt);
    checks.oneOf(command.method, CALLBACK_METHODS, 'method', '回访方式');
    const reached = checks.boolean(command.reached, 'reached', '是否联系上');
    checks.text(command.summary, 'summary', '回访情况');
    if (reached === true) checks.text(command.initialReply, 'initialReply', '初步答复');
    else checks.optionalText(command.initialReply, 'initialReply', '初步答复');
    checks.refuseIfAny();
  }

  private async verify(command: VerifyCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    if (command.finding === 'TRUE') {
      this.record.moveTo('RECTIFYING');
      this.state.category = command.category;
      const details: Record<string, unknown> = { finding: 'TRUE', category: command.category, notes: command.notes.trim() };
      if (command.category !== this.state.clockCategory) {
        // The running clocks counted under the suggested category: recount them from the review time.
        details.previousClockCategory = this.state.clockCategory;
        this.state.clockCategory = command.category;
        const clocks = this.context.slaPolicy.categories[command.category];
        await Promise.all([this.clocks.restart('callback', clocks.callback), this.clocks.restart('result', clocks.result)]);
      }
      this.record.note(command.actor, `核实属实，定为${RECTIFICATION_CATEGORIES[command.category]}`, { ...details, ...this.record.openDeadlines() }, at);
    } else {
      this.record.moveTo('REJECTION_PENDING');
      // The category clocks keep running: if the county denies the rejection, they never stopped.
      await this.clocks.open('rejectionDecision', at, this.context.slaPolicy.rejectionDecision);
      const action = command.finding === 'UNTRUE' ? '核实不属实，提请不予采纳' : '核实为恶意评价，提请不予采纳';
      this.record.note(command.actor, action, { finding: command.finding, evidenceNotes: command.evidenceNotes.trim(), ...this.record.openDeadlines() }, at);
      if (patched(WORKFLOW_PATCHES.noticeOfRejectionProposal)) {
        const [state] = await Promise.all([
          this.projected(),
          activities.notify({
            kind: 'REJECTION_PROPOSED',
            reviewId: this.state.reviewId,
            recipientRole: 'COUNTY_SUPERVISOR',
            hallCode: this.state.hallCode,
            obligation: 'rejectionDecision',
            dueAt: this.state.obligations.rejectionDecision?.dueAt,
          }),
        ]);
        return state;
      }
    }
    return this.projected();
  }

  private async decideRejection(command: DecideRejectionCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    this.clocks.fulfil('rejectionDecision', at);
    const details = { decision: command.decision, reason: command.reason.trim() };
    if (command.decision === 'APPROVE') {
      this.closeCase('REJECTED', at);
      this.record.note(command.actor, '同意不予采纳，差评保留备查、不计入好评率', details, at);
      if (this.state.canCallBack) await this.notifyReviewer('REJECTION_TO_REVIEWER');
    } else {
      this.record.moveTo('RECTIFYING');
      this.state.category = this.state.clockCategory;
      this.record.note(command.actor, '不同意不予采纳，继续整改（时限不中断）', { ...details, category: this.state.category, ...this.record.openDeadlines() }, at);
    }
    return this.projected();
  }

  private async recordCallback(command: RecordCallbackCommand): Promise<RectificationCaseState> {
    const initialReply = command.initialReply?.trim() || null;
    // Both times are kept (the stated one and the workflow's own): a callback entered long after the call is 补录.
    // State only, no command: replay of older histories is unchanged.
    this.state.callbacks.push({
      at: command.at,
      recordedAt: nowIso(),
      method: command.method,
      reached: command.reached,
      summary: command.summary.trim(),
      initialReply,
      recordedBy: command.actor.userId,
    });
    if (command.reached) {
      this.clocks.fulfil('callback', command.at);
      this.state.callbackOutcome = 'REACHED';
    }
    const action = command.reached ? '已回访，作出初步答复' : '回访未联系上';
    this.record.note(command.actor, action, { callbackAt: command.at, method: command.method, reached: command.reached, summary: command.summary.trim(), initialReply });
    const dates = unreachedAttemptDates(this.state.callbacks);
    if (!command.reached && dates.length >= UNREACHABLE_AFTER_WORKING_DAYS && patched(WORKFLOW_PATCHES.unreachableCallback)) {
      await this.closeUnreachableCallback(dates);
    }
    return this.projected();
  }

  /**
   * Unreached attempts on three different working days meet the callback obligation as 无法联系 (the reviewer left a
   * number nobody answers); it is done when the attempt that made the third day happened, and every attempt stays
   * in `callbacks` as the proof.
   */
  private async closeUnreachableCallback(dates: string[]): Promise<void> {
    const isWorkingDay = await this.workingDays.check(dates);
    if (!this.clocks.isOpen('callback')) return; // reached while the calendar answered
    const since = unreachableSince(this.state.callbacks, isWorkingDay);
    if (since === null) return;
    this.clocks.fulfil('callback', since);
    this.state.callbackOutcome = 'UNREACHABLE';
    this.record.note(SYSTEM_ACTOR, `${UNREACHABLE_AFTER_WORKING_DAYS}个不同工作日回访均未联系上，回访按${CALLBACK_OUTCOMES.UNREACHABLE}办结`, {
      callbackOutcome: 'UNREACHABLE',
      doneAt: since,
      workingDays: dates.filter(isWorkingDay),
      attempts: this.state.callbacks.filter((attempt) => !attempt.reached).map((attempt) => attempt.at),
    });
  }

  private async reclassify(command: ReclassifyCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    const previousCategory = this.state.category;
    const previousDueAt = this.record.openDeadlines().dueAt;
    const hadExtension = this.state.originalResultDueAt !== null;
    this.state.category = command.category;
    this.state.clockCategory = command.category;
    // The recount replaces an approved extension: extensions exist only for 协调整改, under its clock.
    this.state.originalResultDueAt = null;
    const clocks = this.context.slaPolicy.categories[command.category];
    await Promise.all([this.clocks.restart('callback', clocks.callback), this.clocks.restart('result', clocks.result)]);
    const label = (category: RectificationCategory | null) => (category ? RECTIFICATION_CATEGORIES[category] : '未定');
    this.record.note(command.actor, `整改类别由${label(previousCategory)}改为${label(command.category)}，时限自原起算时间重新计算`, {
      previousCategory,
      category: command.category,
      reason: command.reason.trim(),
      previousDueAt,
      ...(hadExtension ? { extensionDropped: true } : {}),
      ...this.record.openDeadlines(),
    }, at);
    return this.projected();
  }

  private async recordRectification(command: RecordRectificationCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    this.record.moveTo('AWAITING_CONFIRMATION');
    this.clocks.fulfil('result', at);
    this.state.rectifications.push({ at, measures: command.measures.trim(), result: command.result.trim(), recordedBy: command.actor.userId });
    await this.clocks.open('confirmation', at, this.context.slaPolicy.confirmationWindow);
    this.record.note(command.actor, '已登记整改结果并反馈评价人，待群众确认', { measures: command.measures.trim(), result: command.result.trim(), ...this.record.openDeadlines() }, at);
    // The status page always shows the result; a message goes out only where the reviewer left contact data.
    if (this.state.canCallBack) await this.notifyReviewer('RESULT_TO_REVIEWER');
    return this.projected();
  }

  private async confirm(command: ConfirmCommand): Promise<RectificationCaseState> {
    const at = nowIso();
    this.clocks.fulfil('confirmation', at);
    const details = { answer: command.answer, ...(command.comment ? { comment: command.comment.trim() } : {}) };
    if (command.answer === 'SATISFIED') {
      this.closeCase('SATISFIED', at);
      this.record.note(command.actor, '群众确认满意，办结', details, at);
    } else if (this.state.reopenCount === 0) {
      // 不满意 reopens the case once, owned by the county, with a new result clock from now.
      this.state.reopenCount += 1;
      this.record.moveTo('REOPENED');
      this.state.owner = 'COUNTY';
      this.record.raiseEscalation(2);
      const countyClock = patched(WORKFLOW_PATCHES.countyOwnsReopenedResult) ? { ownerRole: 'COUNTY_SUPERVISOR', escalates: false } as const : {};
      await this.clocks.open('result', at, this.context.slaPolicy.categories[this.state.clockCategory].result, countyClock);
      this.record.note(command.actor, '群众不满意，重新办理并上报县行政审批服务局', { ...details, owner: 'COUNTY', ...this.record.openDeadlines() }, at);
      await activities.notify({ kind: 'REOPENED_TO_COUNTY', reviewId: this.state.reviewId, recipientRole: 'COUNTY_SUPERVISOR', hallCode: this.state.hallCode, obligation: 'result', dueAt: this.state.obligations.result?.dueAt });
    } else {
      this.closeCase('UNSATISFIED', at);
      this.record.note(command.actor, '群众仍不满意，重办后办结', details, at);
    }
    return this.projected();
  }

  /** The confirmation window ran out with no answer: 无异议. */
  async closeUnanswered(): Promise<void> {
    if (this.state.state !== 'AWAITING_CONFIRMATION') return;
    const at = nowIso();
    this.closeCase('NO_OBJECTION', at);
    this.record.note(SYSTEM_ACTOR, '群众未在确认期限内答复，按无异议办结', {}, at);
    await this.record.project();
  }

  private closeCase(outcome: RectificationOutcome, at: string): void {
    this.record.close(outcome);
    this.clocks.waiveOpen(at);
  }

  private async notifyReviewer(kind: 'RESULT_TO_REVIEWER' | 'REJECTION_TO_REVIEWER'): Promise<void> {
    await activities.notify({ kind, reviewId: this.state.reviewId, recipientRole: 'CITIZEN', hallCode: this.state.hallCode });
  }

  private projected(): Promise<RectificationCaseState> {
    return this.record.projected();
  }
}
