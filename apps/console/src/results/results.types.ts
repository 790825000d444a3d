import type { FigureKey, Figures, ResultDimension } from '@haochaping/contracts';

/** What GET /api/results/* answer (apps/api/src/results/dto). */
export interface LevelCounts {
  level5: number;
  level4: number;
  level3: number;
  level2: number;
  level1: number;
}

export interface ResultsPeriod {
  kind: string;
  from: string;
  to: string;
  label: string;
}

export interface ResultsRow {
  key: string | null;
  code: string | null;
  name: string;
  levels: LevelCounts;
  figures: Figures;
}

export interface ResultsReport {
  period: ResultsPeriod;
  dimension: ResultDimension;
  dimensionLabel: string;
  total: Figures;
  totalLevels: LevelCounts;
  rows: ResultsRow[];
}

export interface TrendBucket {
  key: string;
  label: string;
  levels: LevelCounts;
  figures: Figures;
}

export interface TrendReport {
  bucket: 'day' | 'week' | 'month';
  from: string;
  to: string;
  hallCode: string | null;
  buckets: TrendBucket[];
}

export interface RankingEntry {
  rank: number | null;
  key: string | null;
  code: string | null;
  name: string;
  reviews: number;
  value: number | null;
}

export interface RankingsReport {
  period: ResultsPeriod;
  dimension: ResultDimension;
  dimensionLabel: string;
  figure: FigureKey;
  figureLabel: string;
  order: 'asc' | 'desc';
  minimumReviews: number;
  ranked: RankingEntry[];
  unranked: RankingEntry[];
}

export interface ResultsSettings {
  minReviewsToRank: number;
  updatedBy: string | null;
  updatedAt: string | null;
}
