import { Injectable } from '@nestjs/common';
import type { Actor } from '@haochaping/contracts';
import { appendAudit, Prisma } from '@haochaping/db';
import { formatShanghaiInstant, localDateOf } from '@haochaping/working-time';
import type { RequestContext } from '../auth/request-context';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { parseListParams, type ListPage } from '../common/simple-rest/simple-rest-list';
import type { SimpleRestListQueryDto } from '../common/simple-rest/simple-rest-list-query.dto';
import { PrismaService } from '../prisma/prisma.service';
import { customPeriod } from '../results/result-period';
import type { DetectionRequestDto, DetectionResponse, FlagDecisionDto, FlagDetailResponse, FlagResponse, FlagReviewDto } from './dto/praise-integrity-flags.dto';
import { FLAGS_RESOURCE } from './praise-integrity-flags.resource';
import { PraiseIntegritySettingsService, type PraiseIntegrityRulesConfig } from './praise-integrity-settings.service';
import { hallNetworkRatings } from './rules/hall-network.rule';
import { oneSourceManyCases } from './rules/one-source.rule';
import { praiseBursts } from './rules/praise-burst.rule';
import type { Finding, PraiseRule, ReviewFact } from './rules/rule-types';
import { tooFastAfterCompletion } from './rules/too-fast.rule';

/** The longest detection run: a quarter of days. */
const MAX_DETECTION_DAYS = 92;
const DEFAULT_DETECTION_DAYS = 7;

export const RULE_LABELS: Record<PraiseRule, string> = {
  PRAISE_BURST: '集中好评（同一窗口/人员办结后短时间内多条“非常满意”）',
  ONE_SOURCE_MANY_CASES: '同一设备或网络地址评价多个办件',
  HALL_NETWORK: '大厅内部网络提交的办件评价',
  TOO_FAST_AFTER_COMPLETION: '办结后数秒内提交的评价过多',
};

/** Every rule over the same facts, with the configuration in force. */
export function runRules(facts: readonly ReviewFact[], config: PraiseIntegrityRulesConfig): Finding[] {
  return [
    ...praiseBursts(facts, config.burst),
    ...oneSourceManyCases(facts, config.oneSource),
    ...hallNetworkRatings(facts, { networks: Object.fromEntries(config.hallNetworks.map((network) => [network.hallCode, network.cidrs])) }),
    ...tooFastAfterCompletion(facts, config.tooFast),
  ];
}

interface FlagRow {
  id: string;
  rule: PraiseRule;
  subject_kind: string;
  subject_key: string;
  subject_label: string;
  day: string;
  hall_code: string;
  hall_name: string;
  review_ids: string[];
  evidence: Record<string, unknown>;
  status: FlagResponse['status'];
  detected_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decision_note: string | null;
}

/** A flag with what people call its hall and subject (a window by its hall and name, staff by name and number). */
const FLAG_SELECT = Prisma.sql`
  SELECT f."id"::text, f."rule", f."subject_kind", f."subject_key", f."day", f."review_ids"::text[] AS review_ids, f."evidence", f."status",
    f."detected_at", f."decided_at", f."decided_by", f."decision_note", h."code" AS hall_code, h."name" AS hall_name,
    CASE f."subject_kind"
      WHEN 'WINDOW' THEN coalesce(h."name" || ' ' || w."name", '窗口 ' || f."subject_key")
      WHEN 'STAFF' THEN coalesce(s."name" || '（' || s."employee_number" || '）', '工作人员 ' || f."subject_key")
      WHEN 'DEVICE' THEN '设备 ' || f."subject_key"
      ELSE '网络地址 ' || f."subject_key"
    END AS subject_label
  FROM "praise_integrity_flag" f
  JOIN "hall" h ON h."id" = f."hall_id"
  LEFT JOIN "service_window" w ON f."subject_kind" = 'WINDOW' AND w."id"::text = f."subject_key"
  LEFT JOIN "staff" s ON f."subject_kind" = 'STAFF' AND s."id"::text = f."subject_key"`;

const SORT_COLUMNS = { detectedAt: Prisma.sql`f."detected_at"`, day: Prisma.sql`f."day"`, status: Prisma.sql`f."status"`, rule: Prisma.sql`f."rule"` } as const;

/**
 * 刷好评 (coerced praise) detection and the county's review of it (issue 14, "Coerced-praise detection"). The county
 * runs the four rules (rules/) over a range of days on demand; each finding becomes a flag, unique per rule, subject
 * and day, so running again adds to an open flag and never duplicates one. The county then marks a flag 已核查(无问题)
 * or 确认刷好评; confirming takes its reviews out of the figures (review.excluded_from_figures_at, skipped by
 * results/figure-counters.sql.ts COUNTED_IN_FIGURES and counted apart as excludedAsCoerced).
 */
@Injectable()
export class PraiseIntegrityService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly settings: PraiseIntegritySettingsService,
    private readonly clock: Clock,
  ) {}

  async detect(body: DetectionRequestDto, actor: Actor, context: RequestContext): Promise<DetectionResponse> {
    const to = body.to ?? localDateOf(this.clock.now());
    const from = body.from ?? localDateOf(new Date(customPeriod(to, to).from.getTime() - (DEFAULT_DETECTION_DAYS - 1) * 86_400_000));
    const period = customPeriod(from, to);
    const days = Math.round((period.to.getTime() - period.from.getTime()) / 86_400_000);
    if (days < 1 || days > MAX_DETECTION_DAYS) {
      throw new DomainHttpException(422, 'VALIDATION_FAILED', '检测日期范围不正确', [{ field: 'to', message: `结束日期须不早于开始日期，且一次最多检测 ${MAX_DETECTION_DAYS} 天` }]);
    }
    const [config, facts] = await Promise.all([this.settings.rules(), this.facts(period.from, period.to)]);
    const findings = runRules(facts, config);

    let created = 0;
    let updated = 0;
    await this.prisma.client.$transaction(async (tx) => {
      for (const found of findings) {
        // A known open flag gains the reviews it did not have; a decided one is left as the county decided it.
        const rows = await tx.$queryRaw<Array<{ inserted: boolean }>>`
          INSERT INTO "praise_integrity_flag" ("id", "rule", "subject_kind", "subject_key", "day", "hall_id", "review_ids", "evidence")
          VALUES (gen_random_uuid(), ${found.rule}, ${found.subjectKind}, ${found.subjectKey}, ${found.day}, ${found.hallId}::uuid,
            ${[...found.reviewIds]}::uuid[], ${JSON.stringify(found.evidence)}::jsonb)
          ON CONFLICT ("rule", "subject_kind", "subject_key", "day") DO UPDATE
            SET "review_ids" = ARRAY(SELECT DISTINCT unnest("praise_integrity_flag"."review_ids" || EXCLUDED."review_ids")),
                "evidence" = EXCLUDED."evidence"
            WHERE "praise_integrity_flag"."status" = 'OPEN' AND NOT ("praise_integrity_flag"."review_ids" @> EXCLUDED."review_ids")
          RETURNING (xmax = 0) AS inserted`;
        if (rows.length === 1) {
          if (rows[0].inserted) created++;
          else updated++;
        }
      }
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'praise-integrity.detect',
        entityType: 'praise_integrity_flag',
        details: { from, to, reviewsRead: facts.length, findings: findings.length, created, updated },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return { from, to, reviewsRead: facts.length, findings: findings.length, created, updated };
  }

  /** The reviews given in [from, to) as the rules read them. */
  private async facts(from: Date, to: Date): Promise<ReviewFact[]> {
    const rows = await this.prisma.client.$queryRaw<
      Array<{ id: string; hall_id: string; hall_code: string; window_id: string | null; staff_id: string | null; case_id: string | null; level: number; channel: string; created_at: Date; completed_at: Date | null; client_ip: string | null; client_device: string | null }>
    >`
      SELECT r."id"::text, r."hall_id"::text, h."code" AS hall_code, r."window_id"::text, r."staff_id"::text, r."case_id"::text, r."level", r."channel"::text,
        r."created_at", sc."completed_at", r."client_ip", r."client_device"
      FROM "review" r
      JOIN "hall" h ON h."id" = r."hall_id"
      LEFT JOIN "service_case" sc ON sc."id" = r."case_id"
      WHERE r."created_at" >= ${from} AND r."created_at" < ${to}`;
    return rows.map((row) => ({
      id: row.id,
      hallId: row.hall_id,
      hallCode: row.hall_code,
      windowId: row.window_id,
      staffId: row.staff_id,
      caseId: row.case_id,
      level: row.level,
      channel: row.channel,
      createdAt: row.created_at,
      caseCompletedAt: row.completed_at,
      clientIp: row.client_ip,
      clientDevice: row.client_device,
    }));
  }

  /** GET /api/praise-integrity/flags: react-admin simple-rest list, newest first by default. */
  async list(query: SimpleRestListQueryDto): Promise<ListPage<FlagResponse>> {
    const params = parseListParams(FLAGS_RESOURCE, query);
    const conditions: Prisma.Sql[] = [];
    if (params.filter.id) conditions.push(Prisma.sql`f."id"::text IN (${Prisma.join(params.filter.id)})`);
    if (params.filter.status) conditions.push(Prisma.sql`f."status" IN (${Prisma.join(params.filter.status)})`);
    if (params.filter.rule) conditions.push(Prisma.sql`f."rule" IN (${Prisma.join(params.filter.rule)})`);
    if (params.filter.hallCode) conditions.push(Prisma.sql`h."code" IN (${Prisma.join(params.filter.hallCode)})`);
    const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
    const order = params.sort.order === 'desc' ? Prisma.sql`DESC` : Prisma.sql`ASC`;
    const [rows, total] = await Promise.all([
      this.prisma.client.$queryRaw<FlagRow[]>`${FLAG_SELECT} ${where} ORDER BY ${SORT_COLUMNS[params.sort.field]} ${order}, f."id" LIMIT ${params.limit} OFFSET ${params.offset}`,
      this.prisma.client.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM "praise_integrity_flag" f JOIN "hall" h ON h."id" = f."hall_id" ${where}`,
    ]);
    return { rows: rows.map(toFlag), offset: params.offset, total: total[0]?.total ?? 0 };
  }

  /** GET /api/praise-integrity/flags/:id: the flag with its reviews (no reviewer's name, phone or comment). */
  async detail(id: string): Promise<FlagDetailResponse> {
    const [row] = await this.prisma.client.$queryRaw<FlagRow[]>`${FLAG_SELECT} WHERE f."id" = ${id}::uuid`;
    if (!row) throw flagNotFound();
    const reviews = await this.prisma.client.$queryRaw<
      Array<{ id: string; tracking_code: string; level: number; channel: string; created_at: Date; completed_at: Date | null; window_name: string | null; staff_name: string | null; client_ip: string | null; client_device: string | null; excluded_from_figures_at: Date | null }>
    >`
      SELECT r."id"::text, r."tracking_code", r."level", r."channel"::text, r."created_at", sc."completed_at", w."name" AS window_name, s."name" AS staff_name,
        r."client_ip", r."client_device", r."excluded_from_figures_at"
      FROM "review" r
      LEFT JOIN "service_case" sc ON sc."id" = r."case_id"
      LEFT JOIN "service_window" w ON w."id" = r."window_id"
      LEFT JOIN "staff" s ON s."id" = r."staff_id"
      WHERE r."id" = ANY(${row.review_ids}::uuid[])
      ORDER BY r."created_at", r."id"`;
    return {
      ...toFlag(row),
      reviews: reviews.map(
        (review): FlagReviewDto => ({
          id: review.id,
          trackingCode: review.tracking_code,
          level: review.level,
          channel: review.channel,
          createdAt: formatShanghaiInstant(review.created_at),
          caseCompletedAt: review.completed_at ? formatShanghaiInstant(review.completed_at) : null,
          secondsAfterCompletion: review.completed_at ? Math.round((review.created_at.getTime() - review.completed_at.getTime()) / 1000) : null,
          windowName: review.window_name,
          staffName: review.staff_name,
          clientIp: review.client_ip,
          clientDevice: review.client_device,
          excludedFromFiguresAt: review.excluded_from_figures_at ? formatShanghaiInstant(review.excluded_from_figures_at) : null,
        }),
      ),
    };
  }

  /**
   * POST /api/praise-integrity/flags/:id/decision: 已核查(无问题) (CLEARED) or 确认刷好评 (CONFIRMED), once (409 after).
   * One transaction: the flag's decision, for a confirmation the exclusion of its reviews from the figures (those
   * not excluded by an earlier flag), and the audit line naming the reviews excluded.
   */
  async decide(id: string, body: FlagDecisionDto, actor: Actor, context: RequestContext): Promise<FlagDetailResponse> {
    const now = this.clock.now();
    await this.prisma.client.$transaction(async (tx) => {
      const [flag] = await tx.$queryRaw<Array<{ status: string; rule: string; subject_kind: string; subject_key: string; day: string; review_ids: string[] }>>`
        SELECT "status", "rule", "subject_kind", "subject_key", "day", "review_ids"::text[] AS review_ids FROM "praise_integrity_flag" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (!flag) throw flagNotFound();
      if (flag.status !== 'OPEN') {
        throw new DomainHttpException(409, 'FLAG_ALREADY_DECIDED', `该线索已核查（${flag.status === 'CONFIRMED' ? '确认刷好评' : '无问题'}），不能重复处理`);
      }
      await tx.$executeRaw`
        UPDATE "praise_integrity_flag" SET "status" = ${body.decision}, "decided_at" = ${now}, "decided_by" = ${actor.userId}, "decision_note" = ${body.note ?? null}
        WHERE "id" = ${id}::uuid`;
      let excluded: Array<{ id: string; hall_id: string; created_at: Date }> = [];
      if (body.decision === 'CONFIRMED') {
        excluded = await tx.$queryRaw`
          UPDATE "review" SET "excluded_from_figures_at" = ${now}, "excluded_by_flag_id" = ${id}::uuid
          WHERE "id" = ANY(${flag.review_ids}::uuid[]) AND "excluded_from_figures_at" IS NULL
          RETURNING "id"::text, "hall_id"::text, "created_at"`;
        // The results' daily aggregates follow by themselves: the UPDATE fires the review trigger of migration
        // `figure_days`, which marks each settled day of these reviews dirty in this transaction (counted live until
        // the worker's schedule recomputes it).
      }
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: body.decision === 'CONFIRMED' ? 'praise-integrity.confirm' : 'praise-integrity.clear',
        entityType: 'praise_integrity_flag',
        entityId: id,
        details: {
          rule: flag.rule,
          subjectKind: flag.subject_kind,
          subjectKey: flag.subject_key,
          day: flag.day,
          note: body.note ?? null,
          excludedReviewIds: excluded.map((review) => review.id),
        },
        requestId: context.requestId,
        ip: context.ip,
      });
    });
    return this.detail(id);
  }
}

export const flagNotFound = () => new DomainHttpException(404, 'FLAG_NOT_FOUND', '未找到该刷好评线索');

function toFlag(row: FlagRow): FlagResponse {
  return {
    id: row.id,
    rule: row.rule,
    ruleLabel: RULE_LABELS[row.rule] ?? row.rule,
    subjectKind: row.subject_kind,
    subjectKey: row.subject_key,
    subjectLabel: row.subject_label,
    day: row.day,
    hallCode: row.hall_code,
    hallName: row.hall_name,
    reviewCount: row.review_ids.length,
    evidence: row.evidence,
    status: row.status,
    detectedAt: formatShanghaiInstant(row.detected_at),
    decidedAt: row.decided_at ? formatShanghaiInstant(row.decided_at) : null,
    decidedBy: row.decided_by,
    decisionNote: row.decision_note,
  };
}
