import { Injectable } from '@nestjs/common';
import {
  CALLBACK_OUTCOMES,
  CASE_OWNERS,
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATES,
  ACTOR_ROLE_LABELS,
  RECTIFICATION_ACTION_RULES,
  hasScopeOnCase,
  isRectificationCategory,
  type Actor,
  type CallbackOutcome,
  type CaseOwner,
  type InviteDepartmentsCommand,
  type RectificationAction,
  type RectificationCaseState,
  type RectificationOutcome,
  type RectificationState,
} from '@haochaping/contracts';
import type { Hall, Prisma, RectificationCase, UserRole } from '@haochaping/db';
import { canSeeRectification, rectificationVisibility, type RectificationVisibilityFacts } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { formatShanghaiInstant } from '@haochaping/working-time';
import { defineSimpleRestResource, parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { CallbackProofService } from '../callback-proof/callback-proof.service';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import { CaseWorkflowClient, type CaseCommands } from '../temporal/case-workflow.client';
import type { CaseAssigneeResponse } from './dto/case-assignee.response';
import type { RectificationCaseResponse, RectificationDetailResponse, RectificationLiveResponse } from './dto/rectification.response';
import { allowedActions, caseForActionsFromState } from './rectification-action';
import { TimelineNamesService } from './timeline-names.service';

export const RECTIFICATIONS_RESOURCE = defineSimpleRestResource({
  name: 'rectifications',
  sortFields: ['openedAt', 'resultDueAt', 'escalationLevel'],
  defaultSort: ['openedAt', 'DESC'],
  filters: {
    id: { type: 'codes' },
    hallCode: { type: 'codes' },
    state: { type: 'enum', values: Object.keys(RECTIFICATION_STATES) },
    category: { type: 'enum', values: Object.keys(RECTIFICATION_CATEGORIES) },
    overdue: { type: 'boolean' },
    escalationLevel: { type: 'integers', min: 0, max: 2 },
    /** a callback or a result is due before this instant */
    dueBefore: { type: 'instant' },
    /** the handler (user id) whose work queue the case is in */
    assigneeUserId: { type: 'codes' },
    /** true: the cases assigned to the caller; false: the others (unassigned ones included) */
    mine: { type: 'boolean' },
    /** a department (code) invited to co-handle the case; any of a list */
    invitedDepartmentCode: { type: 'codes' },
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may hold a hall's case (the assignee works it: verifies, calls back, records the result). */
const ASSIGNABLE_ROLES = ['HANDLER', 'TOWN_LEADER'] as const satisfies readonly UserRole[];
type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];
const isAssignable = (role: UserRole): role is AssignableRole => (ASSIGNABLE_ROLES as readonly UserRole[]).includes(role);
const ASSIGNEE_FIELDS = { id: true, username: true, displayName: true, role: true, hallCodes: true, departmentCodes: true, disabledAt: true } as const;
/** The name a case shows for its assignee: the account's own, its username when it has none. */
const nameOf = (account: { displayName: string; username: string }) => account.displayName.trim() || account.username;

type CaseRow = RectificationCase & { hall: Hall };

@Injectable()
export class RectificationsService {
  constructor(
    private readonly cases: CaseWorkflowClient,
    private readonly prisma: PrismaService,
    private readonly timelineNames: TimelineNamesService,
    private readonly callbackProof: CallbackProofService,
    private readonly clock: Clock,
  ) {}

  /** The case as the workflow itself holds it now (a query, answered by a worker). */
  async liveState(reviewId: string, actor: Actor): Promise<RectificationLiveResponse> {
    const state = await this.cases.state(reviewId);
    this.assertVisible(actor, { hallCode: state.hallCode, invitedDepartmentCodes: state.invitedDepartments.map((invitation) => invitation.departmentCode) });
    return this.withOffer(state, actor);
  }

  /** The case from the read model (PostgreSQL), with its timeline: what the console shows. */
  async get(reviewId: string, actor: Actor): Promise<RectificationDetailResponse> {
    const row = await this.prisma.client.rectificationCase.findUnique({
      where: { reviewId },
      include: { hall: true, timeline: { orderBy: { seq: 'asc' } } },
    });
    if (!row) throw await this.cases.notFound(reviewId);
    this.assertVisible(actor, { hallCode: row.hall.code, invitedDepartmentCodes: row.invitedDepartmentCodes });
    const named = await this.timelineNames.label(
      row.timeline.map((entry) => ({
        seq: entry.seq,
        at: formatShanghaiInstant(entry.at),
        actor: entry.actor,
        action: entry.action,
        details: (entry.details as Record<string, unknown> | null) ?? null,
      })),
      { hallName: row.hall.name, invitedDepartmentCodes: row.invitedDepartmentCodes },
    );
    const { timeline, callbacks } = await this.callbackProof.annotate(row.reviewId, row.hall.code, named);
    return {
      ...this.toResponse(row),
      timeline,
      callbackProofs: callbacks,
      allowedActions: allowedActions(actor, this.actionFactsOf(row)),
      source: 'read-model',
    };
  }

  /** The console's list over the read model, limited to the cases the actor sees. */
  async list(query: SimpleRestListQueryDto, actor: Actor): Promise<ListPage<RectificationCaseResponse>> {
    const { sort, offset, limit, filter } = parseListParams(RECTIFICATIONS_RESOURCE, query);
    const where: Prisma.RectificationCaseWhereInput = {
      AND: [
        visibleCasesWhere(actor),
        filter.id ? { reviewId: { in: filter.id.filter((id) => UUID.test(id)) } } : {},
        filter.hallCode ? { hall: { code: { in: filter.hallCode } } } : {},
        filter.state ? { state: { in: filter.state } } : {},
        filter.category ? { category: { in: filter.category } } : {},
        filter.overdue !== undefined ? { overdue: filter.overdue } : {},
        filter.escalationLevel ? { escalationLevel: { in: filter.escalationLevel } } : {},
        filter.dueBefore ? { OR: [{ callbackDueAt: { lt: filter.dueBefore } }, { resultDueAt: { lt: filter.dueBefore } }] } : {},
        filter.assigneeUserId ? { assigneeUserId: { in: filter.assigneeUserId } } : {},
        filter.mine === undefined ? {} : filter.mine ? { assigneeUserId: actor.userId } : { OR: [{ assigneeUserId: null }, { assigneeUserId: { not: actor.userId } }] },
        filter.invitedDepartmentCode ? { invitedDepartmentCodes: { hasSome: filter.invitedDepartmentCode } } : {},
      ],
    };
    // Cases without a result due (closed, awaiting confirmation) sort after those with one, either way.
    const orderBy: Prisma.RectificationCaseOrderByWithRelationInput =
      sort.field === 'resultDueAt' ? { resultDueAt: { sort: sort.order, nulls: 'last' } } : { [sort.field]: sort.order };
    const [rows, total] = await this.prisma.client.$transaction([
      this.prisma.client.rectificationCase.findMany({ where, orderBy: [orderBy, { reviewId: 'asc' }], skip: offset, take: limit, include: { hall: true } }),
      this.prisma.client.rectificationCase.count({ where }),
    ]);
    return { rows: rows.map((row) => this.toResponse(row)), offset, total };
  }

  /**
   * Runs one action on the case's workflow as the acting user (CaseWorkflowClient: the workflow decides, refusals are
   * 403/409/422, every action is audited) and answers with the new state and the actor's next actions.
   */
  async act<A extends RectificationAction>(reviewId: string, action: A, command: CaseCommands[A]): Promise<RectificationLiveResponse> {
    const state = await this.cases.act(reviewId, action, command);
    return this.withOffer(state, command.actor);
  }

  /**
   * A callback attempt: its stated time is checked here against the review and now (422, as the workflow's validator
   * does) when the read model says the actor may record a callback, so that a refusal for role or state (403, 409)
   * still comes first, from the workflow.
   */
  async recordCallback(reviewId: string, command: CaseCommands['recordCallback']): Promise<RectificationLiveResponse> {
    const row = await this.prisma.client.rectificationCase.findUnique({ where: { reviewId }, include: { hall: true } });
    if (row && allowedActions(command.actor, this.actionFactsOf(row)).includes('record-callback')) {
      await this.callbackProof.assertStatedTime(reviewId, command.at, this.clock.now());
    }
    return this.act(reviewId, 'recordCallback', command);
  }

  /**
   * Invites county departments to a 协调整改 case: the codes must name departments of the master data (the workflow
   * cannot look them up), then the workflow decides as for every action.
   */
  async inviteDepartments(reviewId: string, command: InviteDepartmentsCommand): Promise<RectificationLiveResponse> {
    const known = await this.prisma.client.department.findMany({ where: { code: { in: command.departmentCodes } }, select: { code: true } });
    const unknown = command.departmentCodes.filter((code) => !known.some((department) => department.code === code));
    if (unknown.length > 0) {
      const message = `邀请的部门（departmentCodes）中 ${unknown.join('、')} 不是县直部门`;
      throw new DomainHttpException(422, 'INVALID_ARGUMENT', message, [{ field: 'departmentCodes', message }]);
    }
    return this.act(reviewId, 'inviteDepartments', command);
  }

  /**
   * Hands the case to another account (改派经办人). The workflow cannot look accounts up, so the API resolves the
   * assignee first: an existing, active account that may work the case — a HANDLER or TOWN_LEADER whose halls
   * include the case's (the contracts' `hasScopeOnCase`); county roles and guides do not hold a hall's cases. The
   * name on the case is the account's own. A caller who may not see the case is refused before anything is looked
   * up; a refused assignee sends nothing to the workflow. Who may reassign, and when, the workflow decides.
   */
  async reassign(reviewId: string, command: { assigneeUserId: string; reason?: string; actor: Actor }): Promise<RectificationLiveResponse> {
    const state = await this.cases.state(reviewId);
    const scope = { hallCode: state.hallCode, invitedDepartmentCodes: state.invitedDepartments.map((invitation) => invitation.departmentCode) };
    this.assertVisible(command.actor, scope);
    const account = await this.prisma.client.user.findUnique({ where: { id: command.assigneeUserId }, select: ASSIGNEE_FIELDS });
    const refuse = (message: string) => new DomainHttpException(422, 'INVALID_ARGUMENT', message, [{ field: 'assignee.userId', message }]);
    if (!account) throw refuse('新经办人账号（assignee.userId）不存在');
    if (account.disabledAt) throw refuse('新经办人账号（assignee.userId）已停用，不能接办整改');
    const asActor: Actor = { userId: account.id, role: account.role, hallCodes: account.hallCodes, departmentCodes: account.departmentCodes };
    if (!isAssignable(account.role) || !hasScopeOnCase(asActor, scope)) {
      throw refuse(`新经办人账号（assignee.userId）不是${state.hallName}的经办人或分管领导，不能接办该整改`);
    }
    return this.act(reviewId, 'reassign', { assignee: { userId: account.id, name: nameOf(account) }, ...(command.reason ? { reason: command.reason } : {}), actor: command.actor });
  }

  /**
   * Whom the case may go to (the console's reassign form picks from it): the accounts `reassign` accepts. Only for
   * those who may reassign it — the roles of the contracts' table, with scope on the case.
   */
  async assignees(reviewId: string, actor: Actor): Promise<CaseAssigneeResponse[]> {
    const row = await this.prisma.client.rectificationCase.findUnique({ where: { reviewId }, select: { invitedDepartmentCodes: true, hall: { select: { code: true } } } });
    if (!row) throw await this.cases.notFound(reviewId);
    this.assertVisible(actor, { hallCode: row.hall.code, invitedDepartmentCodes: row.invitedDepartmentCodes });
    if (!RECTIFICATION_ACTION_RULES.reassign.roles.includes(actor.role)) throw new DomainHttpException(403, 'FORBIDDEN', '只有分管领导或县行政审批服务局可以改派经办人');
    const accounts = await this.prisma.client.user.findMany({
      where: { disabledAt: null, role: { in: [...ASSIGNABLE_ROLES] }, hallCodes: { has: row.hall.code } },
      select: ASSIGNEE_FIELDS,
      orderBy: [{ role: 'asc' }, { displayName: 'asc' }, { username: 'asc' }],
    });
    return accounts.flatMap((account) =>
      isAssignable(account.role) ? [{ id: account.id, name: nameOf(account), role: account.role, roleLabel: ACTOR_ROLE_LABELS[account.role] }] : [],
    );
  }

  /** The workflow's state as answered: its timeline named (people, departments), and what the actor may do next. */
  private async withOffer(state: RectificationCaseState, actor: Actor): Promise<RectificationLiveResponse> {
    const timeline = await this.timelineNames.label(state.timeline, {
      hallName: state.hallName,
      invitedDepartmentCodes: state.invitedDepartments.map((invitation) => invitation.departmentCode),
    });
    const proven = await this.callbackProof.annotate(state.reviewId, state.hallCode, timeline);
    return {
      ...state,
      timeline: proven.timeline,
      callbackProofs: proven.callbacks,
      id: state.reviewId,
      allowedActions: allowedActions(actor, caseForActionsFromState(state, new Date())),
      source: 'workflow',
    };
  }

  private assertVisible(actor: Actor, facts: RectificationVisibilityFacts): void {
    if (canSeeRectification(actor, facts)) return;
    throw actor.role === 'DEPT_GUIDE'
      ? new DomainHttpException(403, 'FORBIDDEN', '所在部门未受邀协办该整改工单，无权查看')
      : new DomainHttpException(403, 'FORBIDDEN', '无权查看其他镇街的差评');
  }

  /** What the actions allowed on a read-model row depend on. */
  private actionFactsOf(row: CaseRow): Parameters<typeof allowedActions>[1] {
    return {
      state: row.state as RectificationState,
      hallCode: row.hall.code,
      category: isRectificationCategory(row.category) ? row.category : null,
      callbackOpen: row.callbackDueAt !== null,
      invitedDepartmentCodes: row.invitedDepartmentCodes,
      resultDueAt: row.resultDueAt,
      now: new Date(),
    };
  }

  private toResponse(row: CaseRow): RectificationCaseResponse {
    const instant = (value: Date | null) => (value ? formatShanghaiInstant(value) : null);
    return {
      id: row.reviewId,
      reviewId: row.reviewId,
      workflowId: row.workflowId,
      hallCode: row.hall.code,
      hallName: row.hall.name,
      level: row.level,
      state: row.state,
      stateLabel: row.stateLabel,
      category: row.category,
      categoryLabel: isRectificationCategory(row.category) ? RECTIFICATION_CATEGORIES[row.category] : null,
      escalationLevel: row.escalationLevel,
      callbackDueAt: instant(row.callbackDueAt),
      resultDueAt: instant(row.resultDueAt),
      confirmationDueAt: instant(row.confirmationDueAt),
      overdue: row.overdue,
      outcome: row.outcome,
      outcomeLabel: row.outcome && row.outcome in RECTIFICATION_OUTCOMES ? RECTIFICATION_OUTCOMES[row.outcome as RectificationOutcome] : null,
      slaPolicyVersion: row.slaPolicyVersion,
      openedAt: formatShanghaiInstant(row.openedAt),
      closedAt: instant(row.closedAt),
      owner: row.owner,
      ownerLabel: row.owner in CASE_OWNERS ? CASE_OWNERS[row.owner as CaseOwner] : null,
      assigneeUserId: row.assigneeUserId,
      assigneeName: row.assigneeName,
      callbackOutcome: row.callbackOutcome,
      callbackOutcomeLabel: row.callbackOutcome && row.callbackOutcome in CALLBACK_OUTCOMES ? CALLBACK_OUTCOMES[row.callbackOutcome as CallbackOutcome] : null,
      invitedDepartmentCodes: row.invitedDepartmentCodes,
      originalResultDueAt: instant(row.originalResultDueAt),
      updatedAt: formatShanghaiInstant(row.updatedAt),
    };
  }
}

/**
 * The one where-clause of what an actor sees (list and count): every case, their halls' cases, or — for a
 * department's guide — the cases one of their departments was invited to (the GIN index on the codes answers it).
 */
function visibleCasesWhere(actor: Actor): Prisma.RectificationCaseWhereInput {
  const visibility = rectificationVisibility(actor);
  switch (visibility.kind) {
    case 'ALL':
      return {};
    case 'HALLS':
      return { hall: { code: { in: [...visibility.hallCodes] } } };
    case 'INVITED':
      return { invitedDepartmentCodes: { hasSome: [...visibility.departmentCodes] } };
  }
}
