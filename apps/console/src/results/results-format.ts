import { FIGURES, type FigureKey } from '@haochaping/contracts';
import type { LevelCounts, ResultsRow } from './results.types';

export const NO_FIGURE = '—';

/** A figure as the table, the charts' tables and the exports print it: `44.4%`, `23.2`, `10`, or `—` for none. */
export function formatFigure(key: FigureKey, value: number | null): string {
  if (value === null) return NO_FIGURE;
  return FIGURES[key].unit === 'rate' ? formatRate(value) : String(value);
}

/** `0.4444` → `44.4%` (one decimal, as the exports); null → `—`. */
export function formatRate(value: number | null): string {
  return value === null ? NO_FIGURE : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** The levels from 非常满意 to 非常不满意, as the level distribution lists them. */
export const LEVELS = [
  { key: 'level5', label: '非常满意' },
  { key: 'level4', label: '满意' },
  { key: 'level3', label: '基本满意' },
  { key: 'level2', label: '不满意' },
  { key: 'level1', label: '非常不满意' },
] as const satisfies ReadonlyArray<{ key: keyof LevelCounts; label: string }>;

export const badReviews = (levels: LevelCounts) => levels.level2 + levels.level1;

export interface ParetoEntry {
  code: string | null;
  name: string;
  bad: number;
  /** The share of all reasons' bad reviews up to and including this one, as a fraction. */
  cumulative: number;
}

/**
 * 差评原因 Pareto: reasons by the bad reviews giving them, most first (ties by code), with the cumulative share.
 * A review with two reasons counts under both, so the shares are of reason mentions, not of reviews. Reasons with
 * no bad review are left out.
 */
export function paretoOfReasons(rows: readonly ResultsRow[]): ParetoEntry[] {
  const entries = rows
    .map((row) => ({ code: row.code, name: row.name, bad: badReviews(row.levels) }))
    .filter((entry) => entry.bad > 0)
    .sort((a, b) => b.bad - a.bad || (a.code ?? '').localeCompare(b.code ?? ''));
  const total = entries.reduce((sum, entry) => sum + entry.bad, 0);
  let running = 0;
  return entries.map((entry) => {
    running += entry.bad;
    return { ...entry, cumulative: Math.round((running / total) * 10_000) / 10_000 };
  });
}
