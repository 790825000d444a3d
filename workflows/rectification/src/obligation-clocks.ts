import { condition, patched } from '@temporalio/workflow';
import {
  OBLIGATION_KINDS,
  OBLIGATION_LABELS,
  isOpenObligation,
  type ActorRole,
  type Obligation,
  type ObligationKind,
  type SlaClock,
  type SlaPolicy,
} from '@haochaping/contracts';
import { activities } from './activity-stubs';
import { nowIso, SYSTEM_ACTOR, type CaseRecord } from './case-record';
import { WORKFLOW_PATCHES } from './workflow-patches';

/**
 * What each obligation's clock does by default. Duties (callback, result, the county's decisions) remind whoever
 * owes them at 80% of the window and escalate when they run out; the confirmation window is the citizen's right,
 * not a duty: when it runs out the case closes as 无异议.
 */
const CLOCK_RULES: Record<ObligationKind, { owner: ActorRole; isDuty: boolean; escalates: boolean }> = {
  callback: { owner: 'HANDLER', isDuty: true, escalates: true },
  result: { owner: 'HANDLER', isDuty: true, escalates: true },
  // Escalates through the town leader as it always did; changing that would alter running workflows' commands.
  rejectionDecision: { owner: 'COUNTY_SUPERVISOR', isDuty: true, escalates: true },
  // The county's own duty: level 2 the moment it runs out.
  extensionDecision: { owner: 'COUNTY_SUPERVISOR', isDuty: true, escalates: false },
  confirmation: { owner: 'CITIZEN', isDuty: false, escalates: false },
};

const OWNER_LABELS: Record<ActorRole, string> = {
  HANDLER: '经办人',
  TOWN_LEADER: '镇街分管领导',
  DEPT_GUIDE: '县直部门',
  COUNTY_SUPERVISOR: '县行政审批服务局',
  ADMIN: '系统管理员',
  CITIZEN: '评价人',
  SYSTEM: '系统',
};

export interface OpenOptions {
  /** Who owes it, when not the kind's usual owner (the county owns a reopened case's result). */
  ownerRole?: ActorRole;
  /**
   * Whether an overdue duty climbs from the town leader (level 1) to the county a working day later (level 2), when
   * not the kind's default. False for what the county itself owes: it is at level 2, with the county told, the
   * moment it runs out.
   */
  escalates?: boolean;
}

/**
 * The obligations of one case and their clocks. Deadlines come from the `computeDeadline` activity (working time is
 * the calendar's business, and the answers are recorded in history); the workflow only waits until those instants
 * with `condition(…, timeout)`, so a fulfilled obligation stops its clock at once.
 */
export class ObligationClocks {
  private readonly watchers: Promise<void>[] = [];

  constructor(
    private readonly record: CaseRecord,
    private readonly policy: SlaPolicy,
    /** Runs when a window that is not a duty (the confirmation window) runs out unanswered. */
    private readonly onWindowClosed: (kind: ObligationKind) => Promise<void>,
  ) {}

  /** Starts the clock of an obligation counting `clock` from `from` (a new round replaces a finished one). */
  async open(kind: ObligationKind, from: string, clock: SlaClock, options: OpenOptions = {}): Promise<Obligation> {
    const obligation = await this.deadlines(kind, from, clock, options.ownerRole ?? CLOCK_RULES[kind].owner, options.escalates ?? CLOCK_RULES[kind].escalates);
    this.install(kind, obligation);
    return obligation;
  }

  /**
   * Recounts a running obligation under another clock from the same start (the category changed), for the same
   * owner. An obligation fulfilled while the new deadlines were computed stays done; one that is not running is
   * left alone.
   */
  async restart(kind: ObligationKind, clock: SlaClock): Promise<Obligation | undefined> {
    const previous = this.record.state.obligations[kind];
    if (!previous || !isOpenObligation(previous)) return undefined;
    const obligation = await this.deadlines(kind, previous.from, clock, previous.ownerRole, previous.escalatesAt !== null);
    if (this.record.state.obligations[kind] !== previous || !isOpenObligation(previous)) return undefined;
    this.install(kind, obligation);
    return obligation;
  }

  /**
   * Moves a running obligation's due time to an instant a person chose (an approved extension), keeping its start
   * and owner. The calendar cannot say what 80% of such a window is in working time, so the reminder comes at 80%
   * of the plain time left; the escalation still counts from the new due time in working time.
   */
  async extend(kind: ObligationKind, dueAt: string): Promise<Obligation | undefined> {
    const previous = this.record.state.obligations[kind];
    if (!previous || !isOpenObligation(previous)) return undefined;
    const openedAt = nowIso();
    const escalation = previous.escalatesAt !== null ? await activities.computeDeadline({ hallCode: this.record.state.hallCode, from: dueAt, clock: this.policy.escalationAfter }) : undefined;
    if (this.record.state.obligations[kind] !== previous || !isOpenObligation(previous)) return undefined;
    const left = Date.parse(dueAt) - Date.parse(openedAt);
    const obligation: Obligation = {
      ...previous,
      openedAt,
      dueAt,
      provisional: false, // a date a person chose does not depend on the holiday calendar
      remindAt: left > 0 ? new Date(Date.parse(openedAt) + Math.round(left * this.policy.reminderRatio)).toISOString() : null,
      escalatesAt: escalation?.dueAt ?? null,
      remindedAt: null,
      overdue: false,
      escalationLevel: 0,
    };
    this.install(kind, obligation);
    return obligation;
  }

  isOpen(kind: ObligationKind): boolean {
    return isOpenObligation(this.record.state.obligations[kind]);
  }

  /** Marks an open obligation done (at the time it was done, which a callback record may place in the past). */
  fulfil(kind: ObligationKind, at: string): void {
    const obligation = this.record.state.obligations[kind];
    if (isOpenObligation(obligation)) obligation.doneAt = at;
  }

  /** The case ended another way: whatever is still open is no longer owed (and stays not done in the statistics). */
  waiveOpen(at: string): void {
    for (const kind of OBLIGATION_KINDS) {
      const obligation = this.record.state.obligations[kind];
      if (isOpenObligation(obligation)) obligation.waivedAt = at;
    }
  }

  /** Resolves when every clock has stopped (all obligations done, waived or replaced). */
  async settled(): Promise<void> {
    await Promise.all(this.watchers);
  }

  private async deadlines(kind: ObligationKind, from: string, clock: SlaClock, ownerRole: ActorRole, escalates: boolean): Promise<Obligation> {
    const openedAt = nowIso();
    const hallCode = this.record.state.hallCode;
    const isDuty = CLOCK_RULES[kind].isDuty;
    const { due, remind, escalation } = patched(WORKFLOW_PATCHES.obligationDeadlinesInOneActivity)
      ? await activities.computeObligationDeadlines({
          hallCode,
          from,
          clock,
          reminderRatio: isDuty ? this.policy.reminderRatio : null,
          escalationAfter: isDuty && escalates ? this.policy.escalationAfter : null,
        })
      : await this.deadlinesOneByOne(hallCode, from, clock, isDuty, escalates);
    return {
      openedAt,
      from,
      dueAt: due.dueAt,
      provisional: due.provisional,
      ownerRole,
      remindAt: remind?.dueAt ?? null,
      escalatesAt: escalation?.dueAt ?? null,
      remindedAt: null,
      doneAt: null,
      waivedAt: null,
      overdue: false,
      escalationLevel: 0,
    };
  }

  /** How cases started before the patch computed an obligation's deadlines: two rounds of activities. */
  private async deadlinesOneByOne(hallCode: string, from: string, clock: SlaClock, isDuty: boolean, escalates: boolean) {
    const [due, remind] = await Promise.all([
      activities.computeDeadline({ hallCode, from, clock }),
      isDuty ? activities.computeDeadline({ hallCode, from, clock: { amount: clock.amount * this.policy.reminderRatio, unit: clock.unit } }) : undefined,
    ]);
    const escalation = isDuty && escalates ? await activities.computeDeadline({ hallCode, from: due.dueAt, clock: this.policy.escalationAfter }) : undefined;
    return { due, remind, escalation };
  }

  private install(kind: ObligationKind, obligation: Obligation): void {
    if (this.record.state.state === 'CLOSED') {
      // The case closed while the deadlines were computed (e.g. confirmed at once): nothing is owed any more.
      obligation.waivedAt = nowIso();
      this.record.state.obligations[kind] = obligation;
      return;
    }
    this.record.state.obligations[kind] = obligation; // a replaced obligation's clock sees it is no longer current and stops
    this.watchers.push(this.watch(kind, obligation));
  }

  private async watch(kind: ObligationKind, obligation: Obligation): Promise<void> {
    const { isDuty } = CLOCK_RULES[kind];
    const owner = obligation.ownerRole;
    const ownerLabel = OWNER_LABELS[owner];
    const label = OBLIGATION_LABELS[kind];
    const stillOpen = () => this.record.state.obligations[kind] === obligation && isOpenObligation(obligation);
    /** Waits until `instant` unless the obligation closes first; true when the instant came with it still open. */
    const reachedOpen = async (instant: string) => !(await condition(() => !stillOpen(), msUntil(instant))) && stillOpen();
    const base = { reviewId: this.record.state.reviewId, hallCode: this.record.state.hallCode, obligation: kind, dueAt: obligation.dueAt };

    if (!isDuty) {
      if (await reachedOpen(obligation.dueAt)) await this.onWindowClosed(kind);
      return;
    }

    // A clock restarted with its reminder time already behind it (reclassification) reminds at once, unless it is
    // already due: then the overdue notice says more than a reminder.
    if (obligation.remindAt && (await reachedOpen(obligation.remindAt)) && Date.now() < Date.parse(obligation.dueAt)) {
      obligation.remindedAt = nowIso();
      this.record.note(SYSTEM_ACTOR, `${label}即将到期，已提醒${ownerLabel}`, { obligation: kind, dueAt: obligation.dueAt });
      await Promise.all([activities.notify({ ...base, kind: 'REMINDER', recipientRole: owner }), this.record.project()]);
    }

    if (!(await reachedOpen(obligation.dueAt))) return;
    obligation.overdue = true;
    if (obligation.escalatesAt === null) {
      // The county owes it itself: overdue is level 2 at once, and the county is told.
      obligation.escalationLevel = 2;
      this.record.raiseEscalation(2);
      this.record.note(SYSTEM_ACTOR, `${label}超期，已上报县行政审批服务局`, { obligation: kind, dueAt: obligation.dueAt, escalationLevel: 2 });
      await Promise.all([activities.notify({ ...base, kind: 'OVERDUE_LEVEL_2', recipientRole: 'COUNTY_SUPERVISOR' }), this.record.project()]);
      return;
    }
    obligation.escalationLevel = 1;
    this.record.raiseEscalation(1);
    this.record.note(SYSTEM_ACTOR, `${label}超期，已告知镇街分管领导`, { obligation: kind, dueAt: obligation.dueAt, escalationLevel: 1 });
    await Promise.all([activities.notify({ ...base, kind: 'OVERDUE_LEVEL_1', recipientRole: 'TOWN_LEADER' }), this.record.project()]);

    if (!(await reachedOpen(obligation.escalatesAt))) return;
    obligation.escalationLevel = 2;
    this.record.raiseEscalation(2);
    this.record.note(SYSTEM_ACTOR, `${label}超期一个工作日仍未完成，已上报县行政审批服务局`, { obligation: kind, dueAt: obligation.dueAt, escalationLevel: 2 });
    await Promise.all([activities.notify({ ...base, kind: 'OVERDUE_LEVEL_2', recipientRole: 'COUNTY_SUPERVISOR' }), this.record.project()]);
  }
}

/** Milliseconds from workflow time to an instant; a timer needs at least 1 ms, and a past instant is due now. */
function msUntil(instant: string): number {
  return Math.max(1, Date.parse(instant) - Date.now());
}
