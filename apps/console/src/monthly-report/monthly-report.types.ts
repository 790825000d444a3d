import type { Figures } from '@haochaping/contracts';
import type { LevelCounts, RankingEntry, ResultsPeriod, ResultsRow } from '../results/results.types';

/** What GET /api/reports/monthly answers (apps/api/src/monthly-report/monthly-report.dto.ts). */
export interface ReportRanking {
  dimension: string;
  dimensionLabel: string;
  figure: keyof Figures;
  figureLabel: string;
  order: 'asc' | 'desc';
  minimumReviews: number;
  ranked: RankingEntry[];
  unranked: RankingEntry[];
}

export interface ReportReason {
  code: string;
  label: string;
  badReviews: number;
}

interface ReviewPlace {
  reviewedOn: string;
  hallName: string;
  windowName: string | null;
  serviceItemName: string | null;
  levelLabel: string;
  reasons: string[];
}

export interface NotAdoptedItem extends ReviewPlace {
  finding: string | null;
  reason: string | null;
  decidedOn: string | null;
}

export interface LateCaseItem {
  reviewedOn: string;
  hallName: string;
  serviceItemName: string | null;
  levelLabel: string;
  stateLabel: string;
  lateReasons: string[];
}

export interface TypicalCase extends ReviewPlace {
  categoryLabel: string | null;
  measures: string;
  result: string;
  stateLabel: string;
  outcomeLabel: string | null;
}

/** 优化清单: the items accepted in the month, open at its end or done in it (ImprovementsService.listForReport). */
export interface ReportImprovement {
  title: string;
  hallName: string | null;
  serviceItemName: string | null;
  ownerName: string | null;
  dueDate: string | null;
  statusLabel: string;
  reviewCount: number;
}

export interface MonthlyReport {
  scope: 'county' | 'hall';
  hall: { code: string; name: string } | null;
  title: string;
  issuer: string;
  period: ResultsPeriod;
  generatedAt: string;
  figures: Figures;
  levels: LevelCounts;
  breakdown: ResultsRow[];
  rankings: ReportRanking[];
  badReasons: ReportReason[];
  notAdopted: NotAdoptedItem[];
  lateCases: LateCaseItem[];
  lateCaseCount: number;
  typicalCases: TypicalCase[];
  improvements: ReportImprovement[];
  notes: Array<{ key: keyof Figures; label: string; unit: string; note: string }>;
}
