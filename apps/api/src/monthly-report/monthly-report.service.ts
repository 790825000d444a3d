import { Injectable } from '@nestjs/common';
import {
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_OUTCOMES,
  REVIEW_LEVEL_LABELS,
  type Actor,
  type FigureKey,
  type ResultDimension,
} from '@haochaping/contracts';
import { DataProtector } from '@haochaping/privacy/server';
import { formatShanghaiInstant, localDateOf } from '@haochaping/working-time';
import { canSeeHall, visibleHalls } from '../actor/actor-scope';
import { DomainHttpException } from '../common/api-error';
import { Clock } from '../common/clock';
import { PrismaService } from '../prisma/prisma.service';
import type { ResultsQueryDto } from '../results/dto/results-query.dto';
import { ImprovementsService } from '../improvements/improvements.service';
import { ResultsService } from '../results/results.service';
import { anonymise } from './anonymise';
import {
  lateCases,
  notAdoptedReviews,
  typicalCases,
  type LateCaseRow,
  type ListSlice,
  type NotAdoptedRow,
  type TypicalCaseRow,
} from './monthly-report-lists.sql';
import type { LateCaseItemDto, MonthlyReportQueryDto, MonthlyReportResponse, NotAdoptedItemDto, ReportImprovementDto, ReportRankingDto, ReportReasonDto, TypicalCaseDto } from './monthly-report.dto';

const COUNTY = '嘉祥县';
const ISSUER = '嘉祥县行政审批服务局';

/** The rankings each 通报 prints: the county ranks its halls, a hall its windows and staff. */
const RANKINGS: Record<'county' | 'hall', ReadonlyArray<{ dimension: ResultDimension; figure: FigureKey }>> = {
  county: [
    { dimension: 'hall', figure: 'goodRate' },
    { dimension: 'hall', figure: 'onTimeRate' },
  ],
  hall: [
    { dimension: 'window', figure: 'goodRate' },
    { dimension: 'staff', figure: 'goodRate' },
  ],
};

const FINDINGS: Record<string, string> = { UNTRUE: '核实不属实', MALICIOUS: '核实为恶意评价' };

/**
 * The monthly 通报 (issue 14): the county's or one hall's month in the usual layout. Every figure and ranking is
 * ResultsService's (so the report always says what 统计分析 says); this service adds the lists — 不予采纳 reviews,
 * late cases, typical cases — with staff's free text anonymised (anonymise.ts) and the reviewer's own words left out.
 *
 * Access: the county (supervisor, admin) reads the county's report and any hall's; a town's handler or leader only
 * their own hall's. The reviewer's name is decrypted only to mask it in staff's text; it never leaves this service.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly results: ResultsService,
    private readonly prisma: PrismaService,
    private readonly protector: DataProtector,
    private readonly clock: Clock,
    private readonly improvements: ImprovementsService,
  ) {}

  async report(actor: Actor, query: MonthlyReportQueryDto): Promise<MonthlyReportResponse> {
    const hall = await this.hallOf(actor, query.hallCode);
    const scope = hall ? 'hall' : 'county';
    const base: ResultsQueryDto = { period: 'month', date: `${query.month}-01`, hallCode: hall?.code };

    const [whole, breakdown, reasons, ...rankings] = await Promise.all([
      this.results.figures(actor, { ...base, dimension: 'county' }),
      this.results.figures(actor, { ...base, dimension: hall ? 'window' : 'hall' }),
      this.results.figures(actor, { ...base, dimension: 'reason' }),
      ...RANKINGS[scope].map(({ dimension, figure }) => this.results.rankings(actor, { ...base, dimension, figure })),
    ]);
    const reasonLabels = new Map(reasons.rows.map((row) => [row.key, row.name]));
    const labelsOf = (codes: string[]) => codes.map((code) => reasonLabels.get(code) ?? code);

    const slice: ListSlice = { from: new Date(whole.period.from), to: new Date(whole.period.to), hallId: hall?.id ?? null };
    const client = this.prisma.client;
    const [notAdopted, late, typical] = await Promise.all([
      client.$queryRaw<NotAdoptedRow[]>(notAdoptedReviews(slice)),
      client.$queryRaw<LateCaseRow[]>(lateCases(slice, this.clock.now())),
      client.$queryRaw<TypicalCaseRow[]>(typicalCases(slice)),
    ]);

    const place = (name: string) => (hall ? `${name}为民服务大厅` : COUNTY);
    return {
      scope,
      hall: hall ? { code: hall.code, name: hall.name } : null,
      title: `${place(hall?.name ?? '')}政务服务“好差评”情况通报（${whole.period.label}）`,
      issuer: ISSUER,
      period: whole.period,
      generatedAt: formatShanghaiInstant(this.clock.now()),
      figures: whole.total,
      levels: whole.totalLevels,
      breakdown: breakdown.rows,
      rankings: rankings.map(
        (ranking): ReportRankingDto => ({
          dimension: ranking.dimension,
          dimensionLabel: ranking.dimensionLabel,
          figure: ranking.figure,
          figureLabel: ranking.figureLabel,
          order: ranking.order,
          minimumReviews: ranking.minimumReviews,
          ranked: ranking.ranked,
          unranked: ranking.unranked,
        }),
      ),
      badReasons: reasons.rows
        .map((row): ReportReasonDto => ({ code: row.key ?? '', label: row.name, badReviews: row.levels.level1 + row.levels.level2 }))
        .filter((reason) => reason.code !== '' && reason.badReviews > 0)
        .sort((a, b) => b.badReviews - a.badReviews || a.label.localeCompare(b.label, 'zh-Hans-CN')),
      notAdopted: notAdopted.map((row): NotAdoptedItemDto => {
        const names = this.reviewerNames(row);
        const reason = row.approval_reason?.trim() || row.evidence_notes?.trim() || null;
        return {
          ...this.placeOf(row, labelsOf),
          finding: row.finding ? (FINDINGS[row.finding] ?? null) : null,
          reason: reason === null ? null : anonymise(reason, names),
          decidedOn: row.decided_at ? localDateOf(row.decided_at) : null,
        };
      }),
      lateCases: late.map(
        (row): LateCaseItemDto => ({
          reviewedOn: localDateOf(row.created_at),
          hallName: row.hall_name,
          serviceItemName: row.item_name,
          levelLabel: levelLabel(row.level),
          stateLabel: row.state_label,
          lateReasons: lateReasons(row),
        }),
      ),
      lateCaseCount: late[0]?.total ?? 0,
      typicalCases: typical.map((row): TypicalCaseDto => {
        const names = this.reviewerNames(row);
        return {
          ...this.placeOf(row, labelsOf),
          categoryLabel: row.category ? (RECTIFICATION_CATEGORIES[row.category as keyof typeof RECTIFICATION_CATEGORIES] ?? null) : null,
          measures: anonymise(row.measures, names),
          result: anonymise(row.result, names),
          stateLabel: row.state_label,
          outcomeLabel: row.outcome ? (RECTIFICATION_OUTCOMES[row.outcome as keyof typeof RECTIFICATION_OUTCOMES] ?? null) : null,
        };
      }),
      improvements: await this.improvementsOf(query.month, hall?.id),
      notes: whole.notes,
    };
  }

  /**
   * The hall of a hall's report, or null for the county's. A town's roles must name a hall of theirs (403 otherwise,
   * before anything is looked up, so a hall's existence is not told); the county may name any existing hall (404).
   */
  /**
   * 优化清单 of the month (ImprovementsService.listForReport): every item accepted in it, open at its end or done in it,
   * once each, in the order accepted; a hall's 通报 lists the items about the hall or owned by it.
   */
  private async improvementsOf(month: string, hallId: string | undefined): Promise<ReportImprovementDto[]> {
    const { opened, open, done } = await this.improvements.listForReport(month, hallId);
    const items = new Map([...opened, ...open, ...done].map((item) => [item.id, item]));
    return [...items.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((item) => ({ title: item.title, hallName: item.hallName, serviceItemName: item.serviceItemName, ownerName: item.ownerName, dueDate: item.dueDate, statusLabel: item.statusLabel, reviewCount: item.reviewCount }));
  }

  private async hallOf(actor: Actor, hallCode: string | undefined): Promise<{ id: string; code: string; name: string } | null> {
    if (hallCode === undefined) {
      if (visibleHalls(actor) !== 'ALL') throw new DomainHttpException(403, 'COUNTY_REPORT_OUT_OF_SCOPE', '全县通报仅县行政审批服务局可查看，请选择本大厅');
      return null;
    }
    if (!canSeeHall(actor, hallCode)) throw new DomainHttpException(403, 'HALL_OUT_OF_SCOPE', '无权查看该服务大厅的通报');
    const hall = await this.prisma.client.hall.findUnique({ where: { code: hallCode }, select: { id: true, code: true, name: true } });
    if (!hall) throw new DomainHttpException(404, 'HALL_NOT_FOUND', '服务大厅不存在');
    return hall;
  }

  private placeOf(row: NotAdoptedRow | TypicalCaseRow, labelsOf: (codes: string[]) => string[]) {
    return {
      reviewedOn: localDateOf(row.created_at),
      hallName: row.hall_name,
      windowName: row.window_name,
      serviceItemName: row.item_name,
      levelLabel: levelLabel(row.level),
      reasons: labelsOf(row.option_codes),
    };
  }

  /** The reviewer's name, only to mask it in staff's text (anonymise.ts); none for an anonymous review. */
  private reviewerNames(row: { reviewer_name_enc: string | null }): string[] {
    const name = this.protector.decryptOptional(row.reviewer_name_enc);
    return name ? [name] : [];
  }
}

function levelLabel(level: number): string {
  return REVIEW_LEVEL_LABELS[level as keyof typeof REVIEW_LEVEL_LABELS] ?? String(level);
}

/** Why a case counts against 按时办结率, by the clauses of statistics/on-time.sql.ts's rule. */
function lateReasons(row: LateCaseRow): string[] {
  const reasons: string[] = [];
  if (row.overdue) reasons.push('当前逾期未办');
  if (row.escalation_level >= 2) reasons.push('超期已上报县行政审批服务局');
  else if (row.escalation_level === 1) reasons.push('超期已告知镇街分管领导');
  // Neither: by the rule, an extended case whose result came (or is still owed) after its original due time.
  if (reasons.length === 0) reasons.push('经延期，超出原定整改期限');
  return reasons;
}
