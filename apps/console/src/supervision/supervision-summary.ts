/** What the 超期督办 table needs of a case. */
export interface SupervisedCase {
  id: string;
  hallCode: string;
  hallName: string;
  overdue: boolean;
  escalationLevel: number;
}

export interface HallSupervisionRow {
  hallCode: string;
  hallName: string;
  overdue: number;
  level1: number;
  level2: number;
  total: number;
}

/** Overdue and escalated cases counted by hall, the halls with the most at level 2 (then overdue) first. */
export function summariseByHall(cases: readonly SupervisedCase[]): HallSupervisionRow[] {
  const rows = new Map<string, HallSupervisionRow>();
  const seen = new Set<string>();
  for (const item of cases) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const row = rows.get(item.hallCode) ?? { hallCode: item.hallCode, hallName: item.hallName, overdue: 0, level1: 0, level2: 0, total: 0 };
    if (item.overdue) row.overdue += 1;
    if (item.escalationLevel === 1) row.level1 += 1;
    if (item.escalationLevel >= 2) row.level2 += 1;
    row.total += 1;
    rows.set(item.hallCode, row);
  }
  return [...rows.values()].sort((a, b) => b.level2 - a.level2 || b.overdue - a.overdue || b.total - a.total || a.hallCode.localeCompare(b.hallCode));
}
