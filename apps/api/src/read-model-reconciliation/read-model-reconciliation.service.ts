import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_RECONCILIATION_CLOSED_WITHIN_DAYS,
  DRIFT_NOT_REPAIRED_REASONS,
  READ_MODEL_FIELD_LABELS,
  READ_MODEL_RECONCILIATION_WORKFLOW_TYPE,
  RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING,
  RECONCILIATION_STATUS_LABELS,
  RECONCILIATION_TRIGGER_LABELS,
  readModelReconciliationWorkflowId,
  type Actor,
  type ReconciliationInput,
  type ReconciliationStatus,
  type ReconciliationTrigger,
} from '@haochaping/contracts';
import { appendAudit } from '@haochaping/db';
import { formatShanghaiInstant } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { displayNamesOf } from '../users/display-names';
import type {
  ReadModelDriftResponse,
  ReconciliationRunDetailResponse,
  ReconciliationRunResponse,
  ReconciliationRunsResponse,
  ReconciliationSettingsDto,
  ReconciliationSettingsResponse,
  ReconciliationStartedResponse,
} from './dto/read-model-reconciliation.dto';

const LISTED_RUNS = 30;
const START_DEADLINE_MS = 10_000;

interface RunRow {
  id: string;
  trigger: string;
  requestedBy: string | null;
  status: string;
  closedWithinDays: number;
  startedAt: Date;
  finishedAt: Date | null;
  checked: number;
  drifted: number;
  repaired: number;
  error: string | null;
}

/**
 * The read model's reconciler as the county sees it (issue 16): the reports of the runs (the worker's
 * readModelReconciliationWorkflow writes them), a run started now (立即核对), and N of "the cases closed in the last N
 * days" that every run checks beside the open ones.
 */
@Injectable()
export class ReadModelReconciliationService {
  private readonly logger = new Logger(ReadModelReconciliationService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
  ) {}

  async list(): Promise<ReconciliationRunsResponse> {
    const [settings, rows] = await Promise.all([
      this.settings(),
      this.prisma.client.readModelReconciliationRun.findMany({ orderBy: { startedAt: 'desc' }, take: LISTED_RUNS }),
    ]);
    // A running run's counts so far come from its drift rows.
    const running = rows.filter((row) => row.status === 'RUNNING').map((row) => row.id);
    const progress = running.length
      ? await this.prisma.client.readModelDrift.groupBy({ by: ['runId', 'repaired'], where: { runId: { in: running } }, _count: { _all: true } })
      : [];
    const names = await displayNamesOf(this.prisma.client, rows.map((row) => row.requestedBy));
    return {
      settings,
      runs: rows.map((row) => {
        if (row.status !== 'RUNNING') return this.runResponse(row, names);
        const counts = progress.filter((group) => group.runId === row.id);
        const drifted = counts.reduce((sum, group) => sum + group._count._all, 0);
        const repaired = counts.filter((group) => group.repaired).reduce((sum, group) => sum + group._count._all, 0);
        return this.runResponse({ ...row, drifted, repaired }, names);
      }),
    };
  }

  async detail(id: string): Promise<ReconciliationRunDetailResponse> {
    const row = await this.prisma.client.readModelReconciliationRun.findUnique({ where: { id }, include: { drifts: { orderBy: { id: 'asc' } } } });
    if (!row) throw new DomainHttpException(404, 'RECONCILIATION_NOT_FOUND', '未找到该核对记录');
    const halls = await this.prisma.client.hall.findMany({
      where: { code: { in: [...new Set(row.drifts.map((drift) => drift.hallCode).filter((code): code is string => code !== null))] } },
      select: { code: true, name: true },
    });
    const hallName = new Map(halls.map((hall) => [hall.code, hall.name]));
    // A person knows a case by its tracking code and 办件编号, not by its id.
    const reviews = await this.prisma.client.review.findMany({
      where: { id: { in: row.drifts.map((drift) => drift.reviewId) } },
      select: { id: true, trackingCode: true, serviceCase: { select: { caseNumber: true } } },
    });
    const caseOf = new Map(reviews.map((review) => [review.id, review]));
    const drifts: ReadModelDriftResponse[] = row.drifts.map((drift) => ({
      reviewId: drift.reviewId,
      trackingCode: caseOf.get(drift.reviewId)?.trackingCode ?? null,
      caseNumber: caseOf.get(drift.reviewId)?.serviceCase?.caseNumber ?? null,
      hallCode: drift.hallCode,
      hallName: drift.hallCode ? (hallName.get(drift.hallCode) ?? null) : null,
      fields: drift.fields,
      fieldLabels: drift.fields.map((field) => READ_MODEL_FIELD_LABELS[field as keyof typeof READ_MODEL_FIELD_LABELS] ?? field),
      repaired: drift.repaired,
      reason: drift.reason,
      reasonLabel: drift.reason ? (DRIFT_NOT_REPAIRED_REASONS[drift.reason as keyof typeof DRIFT_NOT_REPAIRED_REASONS] ?? drift.reason) : null,
      foundAt: formatShanghaiInstant(drift.foundAt),
    }));
    const counted = row.status === 'RUNNING' ? { drifted: drifts.length, repaired: drifts.filter((drift) => drift.repaired).length } : {};
    return { ...this.runResponse({ ...row, ...counted }, await displayNamesOf(this.prisma.client, [row.requestedBy])), drifts };
  }

  /**
   * Starts a run now: its report row first (so the answer names it and the console lists it at once), then the
   * worker's workflow. Runs may overlap (a click during the daily run): each compares and repairs under the case's
   * row lock, so a second run only finds less to do.
   */
  async start(actor: Actor, context: RequestContext): Promise<ReconciliationStartedResponse> {
    const id = randomUUID();
    const workflowId = readModelReconciliationWorkflowId(id);
    const closedWithinDays = (await this.settings()).closedWithinDays;
    await this.prisma.client.$transaction(async (tx) => {
      await tx.readModelReconciliationRun.create({ data: { id, trigger: 'CONSOLE', requestedBy: actor.userId, workflowId, closedWithinDays } });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'read-model-reconciliation.start',
        entityType: 'read_model_reconciliation_run',
        entityId: id,
        details: { closedWithinDays },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    const input: ReconciliationInput = { trigger: 'CONSOLE', runId: id, requestedBy: actor.userId, closedWithinDays };
    try {
      await this.temporal.withDeadline(START_DEADLINE_MS, () =>
        this.temporal.client.workflow.start(READ_MODEL_RECONCILIATION_WORKFLOW_TYPE, { workflowId, taskQueue: this.temporal.config.taskQueue, args: [input], workflowExecutionTimeout: '6 hours' }),
      );
    } catch (error) {
      this.logger.warn(`reconciliation ${id} not started: ${String(error)}`);
      await this.prisma.client.readModelReconciliationRun.update({ where: { id }, data: { status: 'FAILED', finishedAt: new Date(), error: '整改流程服务暂时不可用，核对未能开始' } });
      throw new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '整改流程服务暂时不可用，核对未能开始，请稍后再试');
    }
    return { id, workflowId };
  }

  async settings(): Promise<ReconciliationSettingsResponse> {
    const row = await this.prisma.client.appSetting.findUnique({ where: { key: RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING } });
    const value = typeof row?.value === 'number' && Number.isInteger(row.value) && row.value >= 0 ? row.value : DEFAULT_RECONCILIATION_CLOSED_WITHIN_DAYS;
    return { closedWithinDays: value, updatedBy: row?.updatedBy ?? null, updatedAt: row ? formatShanghaiInstant(row.updatedAt) : null };
  }

  /** Saves N and its audit line (`read-model-reconciliation-settings.update`, before and after) in one transaction. */
  async updateSettings(body: ReconciliationSettingsDto, actor: Actor, context: RequestContext): Promise<ReconciliationSettingsResponse> {
    const key = RECONCILIATION_CLOSED_WITHIN_DAYS_SETTING;
    await this.prisma.client.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key } });
      const data = { value: body.closedWithinDays, updatedBy: actor.userId, updatedAt: new Date() };
      await tx.appSetting.upsert({ where: { key }, create: { key, ...data }, update: data });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'read-model-reconciliation-settings.update',
        entityType: 'app_setting',
        entityId: key,
        details: { before: before?.value ?? null, after: body.closedWithinDays },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return this.settings();
  }

  private runResponse(row: RunRow, names: Map<string, string>): ReconciliationRunResponse {
    return {
      id: row.id,
      trigger: row.trigger,
      triggerLabel: RECONCILIATION_TRIGGER_LABELS[row.trigger as ReconciliationTrigger] ?? row.trigger,
      requestedBy: row.requestedBy ? (names.get(row.requestedBy) ?? row.requestedBy) : null,
      status: row.status,
      statusLabel: RECONCILIATION_STATUS_LABELS[row.status as ReconciliationStatus] ?? row.status,
      closedWithinDays: row.closedWithinDays,
      startedAt: formatShanghaiInstant(row.startedAt),
      finishedAt: row.finishedAt ? formatShanghaiInstant(row.finishedAt) : null,
      checked: row.checked,
      drifted: row.drifted,
      repaired: row.repaired,
      error: row.error,
    };
  }
}
