import type { HallStatistics } from './statistics.types';

/** A hall's place in the ranking by 按时办结率; halls with too few counted cases come last, unranked. */
export interface RankedHall {
  rank: number | null;
  hall: HallStatistics;
  counted: number;
}

/**
 * Halls by on-time rate, best first, only those with at least `minimum` counted cases (the admin's minimum before
 * anything is ranked, GET /api/results/settings: fewer and a rate says more about luck than about the hall); equal rates share a place (1, 1, 3) and are ordered by more cases counted, then
 * by code. Unranked halls follow, the ones with overdue cases first.
 */
export function rankHallsByOnTime(halls: readonly HallStatistics[], minimum: number): RankedHall[] {
  const withCounts = halls.map((hall) => ({ hall, counted: hall.onTimeCases + hall.lateCases }));
  const rankable = withCounts
    .filter((item) => item.counted >= minimum && item.hall.onTimeRate !== null)
    .sort((a, b) => (b.hall.onTimeRate ?? 0) - (a.hall.onTimeRate ?? 0) || b.counted - a.counted || a.hall.hallCode.localeCompare(b.hall.hallCode));
  const ranked: RankedHall[] = [];
  rankable.forEach((item, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.hall.onTimeRate === item.hall.onTimeRate ? previous.rank : index + 1;
    ranked.push({ ...item, rank });
  });
  const unranked = withCounts
    .filter((item) => !rankable.includes(item))
    .sort((a, b) => b.hall.overdueNow - a.hall.overdueNow || b.counted - a.counted || a.hall.hallCode.localeCompare(b.hall.hallCode))
    .map((item) => ({ ...item, rank: null }));
  return [...ranked, ...unranked];
}

/** Halls with open cases overdue or escalated, the most at county level first (the 超期督办 table). */
export function hallsInTrouble(halls: readonly HallStatistics[]): HallStatistics[] {
  return halls
    .filter((hall) => hall.overdueNow > 0 || hall.escalatedLevel1 > 0 || hall.escalatedLevel2 > 0)
    .sort((a, b) => b.escalatedLevel2 - a.escalatedLevel2 || b.overdueNow - a.overdueNow || b.escalatedLevel1 - a.escalatedLevel1 || a.hallCode.localeCompare(b.hallCode));
}

/** `0.8571` → `85.7%`; no rate → `—`. */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}
