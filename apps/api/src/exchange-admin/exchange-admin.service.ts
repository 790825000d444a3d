import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ApplicationFailure, WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import {
  ERR_EXCHANGE_NOT_CONFIGURED,
  EXCHANGE_DELIVER_NOW_SIGNAL,
  EXCHANGE_RECONCILIATION_WORKFLOW_TYPE,
  exchangeReconciliationDays,
  EXCHANGE_RECORD_TYPE_LABELS,
  type Actor,
  type ExchangeReconciliationInput,
  type ExchangeReconciliationSummary,
} from '@haochaping/contracts';
import { ADD_MISSING_REVIEW_ROWS, appendAudit, REQUEUE_HALL_DAY, shanghaiDayBounds } from '@haochaping/db';
import { formatShanghaiInstant, startOfShanghai } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { DomainHttpException } from '../common/api-error';
import { PrismaService } from '../prisma/prisma.service';
import { TemporalClientService } from '../temporal/temporal-client.service';
import { displayNamesOf } from '../users/display-names';
import type {
  ExchangeCountDifferenceResponse,
  ExchangeDeadLettersResponse,
  ExchangeHallDayDto,
  ExchangeHallDayResentResponse,
  ExchangeOverviewResponse,
  ExchangeReconciliationResponse,
  ExchangeReconciliationRunResponse,
  ExchangeRequeuedResponse,
} from './dto/exchange-admin.dto';

const LISTED_DEAD_LETTERS = 200;
const LISTED_DIFFERENCES = 500;
/** 立即核对 answers with the result when the check ends within this wait (a week's counts take a few seconds). */
const RUN_WAIT_MS = 30_000;

const typeLabel = (type: string) => EXCHANGE_RECORD_TYPE_LABELS[type] ?? type;
const seconds = (value: number | null) => (value === null ? null : Math.round(Number(value)));

/**
 * 上报管理 (issue 15): the upward exchange as the county sees and steers it — the queue, today's deliveries and their
 * lag, the dead letters and their re-send, and the daily count reconciliation with the upstream, its differences
 * re-sent on request. A re-send moves rows back to PENDING (one transaction, audited), then tells the worker's delivery
 * loop to send now (EXCHANGE_DELIVER_NOW_SIGNAL); the upstream's idempotency by id makes a resend of a record it has harmless.
 */
@Injectable()
export class ExchangeAdminService {
  private readonly logger = new Logger(ExchangeAdminService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: TemporalClientService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async overview(): Promise<ExchangeOverviewResponse> {
    const now = this.clock.now();
    const today = startOfShanghai('day', now);
    const [figures] = await this.prisma.client.$queryRaw<
      Array<{ pending: number; dead: number; delivered_today: number; oldest_pending: Date | null; lag_p50: number | null; lag_p95: number | null; last_delivered_at: Date | null }>
    >`
      SELECT count(*) FILTER (WHERE "status" = 'PENDING')::int AS "pending",
        count(*) FILTER (WHERE "status" = 'DEAD')::int AS "dead",
        count(*) FILTER (WHERE "status" = 'DELIVERED' AND "delivered_at" >= ${today})::int AS "delivered_today",
        min("created_at") FILTER (WHERE "status" = 'PENDING') AS "oldest_pending",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "delivered_at" - "created_at")) FILTER (WHERE "status" = 'DELIVERED' AND "delivered_at" >= ${today}) AS "lag_p50",
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "delivered_at" - "created_at")) FILTER (WHERE "status" = 'DELIVERED' AND "delivered_at" >= ${today}) AS "lag_p95",
        max("delivered_at") AS "last_delivered_at"
      FROM "exchange_delivery"`;
    const attempt = await this.prisma.client.exchangeAttempt.findFirst({ orderBy: { id: 'desc' } });
    return {
      pending: figures.pending,
      deliveredToday: figures.delivered_today,
      dead: figures.dead,
      oldestPendingSeconds: figures.oldest_pending ? Math.max(0, Math.round((now.getTime() - figures.oldest_pending.getTime()) / 1000)) : null,
      lagP50Seconds: seconds(figures.lag_p50),
      lagP95Seconds: seconds(figures.lag_p95),
      lastDeliveredAt: figures.last_delivered_at ? formatShanghaiInstant(figures.last_delivered_at) : null,
      lastAttempt: attempt
        ? {
            startedAt: formatShanghaiInstant(attempt.startedAt),
            records: attempt.records,
            httpStatus: attempt.httpStatus,
            accepted: attempt.accepted,
            duplicates: attempt.duplicates,
            rejected: attempt.rejected,
            error: attempt.error,
          }
        : null,
    };
  }

  async deadLetters(): Promise<ExchangeDeadLettersResponse> {
    const [total, rows] = await Promise.all([
      this.prisma.client.exchangeDelivery.count({ where: { status: 'DEAD' } }),
      this.prisma.client.$queryRaw<
        Array<{ id: string; record_id: string; type: string; review_id: string; tracking_code: string | null; hall_code: string | null; hall_name: string | null; attempts: number; last_error: string | null; last_attempt_at: Date | null; created_at: Date }>
      >`
        SELECT e."id"::text, e."record_id", e."type", e."review_id"::text, r."tracking_code", h."code" AS "hall_code", h."name" AS "hall_name", e."attempts",
          e."last_error", e."last_attempt_at", e."created_at"
        FROM "exchange_delivery" e LEFT JOIN "review" r ON r."id" = e."review_id" LEFT JOIN "hall" h ON h."id" = r."hall_id"
        WHERE e."status" = 'DEAD' ORDER BY e."last_attempt_at" DESC NULLS LAST, e."id" DESC LIMIT ${LISTED_DEAD_LETTERS}`,
    ]);
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        recordId: row.record_id,
        type: row.type,
        typeLabel: typeLabel(row.type),
        reviewId: row.review_id,
        trackingCode: row.tracking_code,
        hallCode: row.hall_code,
        hallName: row.hall_name,
        attempts: row.attempts,
        lastError: row.last_error,
        lastAttemptAt: row.last_attempt_at ? formatShanghaiInstant(row.last_attempt_at) : null,
        createdAt: formatShanghaiInstant(row.created_at),
      })),
    };
  }

  /** 重新上报 one dead letter: DEAD → PENDING and its audit line, in one transaction. */
  async resendDeadLetter(id: string, actor: Actor, context: RequestContext): Promise<ExchangeRequeuedResponse> {
    if (!/^\d{1,18}$/.test(id)) throw new DomainHttpException(404, 'DEAD_LETTER_NOT_FOUND', '未找到该上报失败记录');
    const requeued = await this.prisma.client.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ status: string; record_id: string }>>`
        SELECT "status"::text, "record_id" FROM "exchange_delivery" WHERE "id" = ${BigInt(id)} FOR UPDATE`;
      const row = rows[0];
      if (!row) throw new DomainHttpException(404, 'DEAD_LETTER_NOT_FOUND', '未找到该上报失败记录');
      if (row.status !== 'DEAD') throw new DomainHttpException(409, 'NOT_A_DEAD_LETTER', row.status === 'DELIVERED' ? '该记录已上报成功，无需重新上报' : '该记录已在待上报队列中');
      await tx.$executeRaw`UPDATE "exchange_delivery" SET "status" = 'PENDING' WHERE "id" = ${BigInt(id)}`;
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'exchange-dead-letter.resend',
        entityType: 'exchange_delivery',
        entityId: id,
        details: { recordId: row.record_id },
        requestId: context.requestId,
        ip: context.ip,
      });
      return 1;
    });
    return { requeued, deliveryStarted: await this.startDelivery() };
  }

  /** 全部重新上报: every dead letter back to PENDING, with one audit line, in one transaction. */
  async resendAllDeadLetters(actor: Actor, context: RequestContext): Promise<ExchangeRequeuedResponse> {
    const requeued = await this.prisma.client.$transaction(async (tx) => {
      const count = await tx.$executeRaw`UPDATE "exchange_delivery" SET "status" = 'PENDING' WHERE "status" = 'DEAD'`;
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'exchange-dead-letters.resend-all',
        entityType: 'exchange_delivery',
        details: { requeued: count },
        requestId: context.requestId,
        ip: context.ip,
      });
      return count;
    });
    return { requeued, deliveryStarted: requeued > 0 && (await this.startDelivery()) };
  }

  async reconciliation(): Promise<ExchangeReconciliationResponse> {
    const [rows, totals] = await Promise.all([
      this.prisma.client.exchangeReconciliation.findMany({ where: { difference: { not: 0 } }, orderBy: [{ day: 'desc' }, { hallCode: 'asc' }, { type: 'asc' }], take: LISTED_DIFFERENCES }),
      this.prisma.client.exchangeReconciliation.aggregate({ _count: { _all: true }, _max: { checkedAt: true } }),
    ]);
    const halls = await this.prisma.client.hall.findMany({ where: { code: { in: [...new Set(rows.map((row) => row.hallCode))] } }, select: { code: true, name: true } });
    const hallName = new Map(halls.map((hall) => [hall.code, hall.name]));
    const names = await displayNamesOf(this.prisma.client, rows.map((row) => row.resentBy));
    const differences: ExchangeCountDifferenceResponse[] = rows.map((row) => ({
      day: row.day.toISOString().slice(0, 10),
      hallCode: row.hallCode,
      hallName: hallName.get(row.hallCode) ?? null,
      type: row.type,
      typeLabel: typeLabel(row.type),
      ours: row.ours,
      theirs: row.theirs,
      difference: row.difference,
      checkedAt: formatShanghaiInstant(row.checkedAt),
      resentAt: row.resentAt ? formatShanghaiInstant(row.resentAt) : null,
      resentBy: row.resentBy ? (names.get(row.resentBy) ?? row.resentBy) : null,
    }));
    return { lastCheckedAt: totals._max.checkedAt ? formatShanghaiInstant(totals._max.checkedAt) : null, compared: totals._count._all, differences };
  }

  /**
   * 重新上报 a hall-day: its reviews without an outbox row get one, and all its rows not already waiting go back to
   * PENDING (@haochaping/db exchange-hall-day.ts), with the comparison marked and an audit line, in one transaction.
   */
  async resendHallDay(body: ExchangeHallDayDto, actor: Actor, context: RequestContext): Promise<ExchangeHallDayResentResponse> {
    let bounds: [Date, Date];
    try {
      bounds = shanghaiDayBounds(body.day);
    } catch {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '日期不存在', [{ field: 'day', message: '日期不存在' }]);
    }
    const hall = await this.prisma.client.hall.findUnique({ where: { code: body.hallCode }, select: { code: true } });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '未找到该服务大厅');
    const resent = await this.prisma.client.$transaction(async (tx) => {
      const added = await tx.$executeRawUnsafe(ADD_MISSING_REVIEW_ROWS, bounds[0], bounds[1], hall.code);
      const requeued = await tx.$executeRawUnsafe(REQUEUE_HALL_DAY, bounds[0], bounds[1], hall.code);
      await tx.exchangeReconciliation.updateMany({ where: { day: new Date(`${body.day}T00:00:00Z`), hallCode: hall.code }, data: { resentAt: this.clock.now(), resentBy: actor.userId } });
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'exchange-reconciliation.resend',
        entityType: 'exchange_reconciliation',
        entityId: `${body.day}:${hall.code}`,
        details: { day: body.day, hallCode: hall.code, added, requeued },
        requestId: context.requestId,
        ip: context.ip,
      });
      return { added, requeued: requeued + added };
    });
    return { ...resent, deliveryStarted: resent.requeued > 0 && (await this.startDelivery()) };
  }

  /** Tells the delivery loop to send now (after the re-send committed); false when it cannot be reached. */
  private async startDelivery(): Promise<boolean> {
    try {
      await this.temporal.withDeadline(5_000, () => this.temporal.client.workflow.getHandle(this.config.exchangeDeliveryWorkflowId).signal(EXCHANGE_DELIVER_NOW_SIGNAL));
      return true;
    } catch (error) {
      this.logger.warn(`the exchange's delivery loop was not told to send now: ${String(error)}`);
      return false;
    }
  }

  /**
   * 立即核对: the worker's exchangeReconciliationWorkflow over today and the six days before, started now (audited);
   * the answer waits for its result a little while, else says it goes on.
   */
  async runReconciliation(actor: Actor, context: RequestContext): Promise<ExchangeReconciliationRunResponse> {
    const days = exchangeReconciliationDays(this.clock.now());
    const workflowId = `exchange-reconciliation-${randomUUID()}`;
    await this.prisma.client.$transaction((tx) =>
      appendAudit(tx, { actorId: actor.userId, actorRole: actor.role, action: 'exchange-reconciliation.start', entityType: 'exchange_reconciliation', entityId: workflowId, details: { days }, requestId: context.requestId, ip: context.ip }),
    );
    const input: ExchangeReconciliationInput = { days };
    let handle: WorkflowHandle;
    try {
      handle = await this.temporal.withDeadline(10_000, () =>
        this.temporal.client.workflow.start(EXCHANGE_RECONCILIATION_WORKFLOW_TYPE, { workflowId, taskQueue: this.temporal.config.taskQueue, args: [input], workflowExecutionTimeout: '1 hour' }),
      );
    } catch (error) {
      this.logger.warn(`exchange reconciliation ${workflowId} not started: ${String(error)}`);
      throw new DomainHttpException(503, 'WORKFLOW_UNAVAILABLE', '流程服务暂时不可用，核对未能开始，请稍后再试');
    }
    let summary: ExchangeReconciliationSummary;
    try {
      summary = (await this.temporal.withDeadline(RUN_WAIT_MS, () => handle.result())) as ExchangeReconciliationSummary;
    } catch (error) {
      // Not finished within the wait: it goes on, and the list fills in when it ends.
      if (!(error instanceof WorkflowFailedError)) return { finished: false, days, differences: null };
      if (failureType(error) === ERR_EXCHANGE_NOT_CONFIGURED) {
        throw new DomainHttpException(409, 'EXCHANGE_NOT_CONFIGURED', '未配置上级好差评系统（UPSTREAM_URL），无从核对；请联系系统管理员配置');
      }
      this.logger.warn(`exchange reconciliation ${workflowId} failed: ${String(error.cause?.message ?? error)}`);
      throw new DomainHttpException(503, 'RECONCILIATION_FAILED', '核对未能完成：上级系统暂时无法查询计数，请稍后再试');
    }
    return { finished: true, days, differences: summary.differences };
  }
}

/** The type of the application failure at the root of a failed workflow (the activity's, through the workflow's). */
function failureType(error: WorkflowFailedError): string | undefined {
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ApplicationFailure && cause.type) return cause.type;
  }
  return undefined;
}
