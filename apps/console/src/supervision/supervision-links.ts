import { OPEN_STATES } from '@haochaping/contracts';

/** `#/rectifications?filter=…`: the case list with a filter, as react-admin reads it from the URL. */
export function rectificationListLink(listPath: string, filter: Record<string, unknown>): string {
  return `${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

/** The filters behind each figure of a hall, so a click shows exactly the cases counted. */
export const HALL_FIGURE_FILTERS = {
  open: (hallCode: string) => ({ hallCode: [hallCode], state: OPEN_STATES }),
  overdue: (hallCode: string) => ({ hallCode: [hallCode], state: OPEN_STATES, overdue: true }),
  level1: (hallCode: string) => ({ hallCode: [hallCode], state: OPEN_STATES, escalationLevel: [1] }),
  level2: (hallCode: string) => ({ hallCode: [hallCode], state: OPEN_STATES, escalationLevel: [2] }),
  inTrouble: (hallCode: string) => ({ hallCode: [hallCode], state: OPEN_STATES, escalationLevel: [1, 2] }),
  all: (hallCode: string) => ({ hallCode: [hallCode] }),
};

export const LEVEL_FILTER = (level: number) => ({ state: OPEN_STATES, escalationLevel: [level] });
