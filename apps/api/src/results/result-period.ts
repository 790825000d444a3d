/** The periods results are reported over, as Asia/Shanghai calendar periods. */
export const RESULT_PERIODS = { day: '日', week: '周', month: '月', quarter: '季度', year: '年', custom: '自定义' } as const;
export type ResultPeriodKind = keyof typeof RESULT_PERIODS;

export interface ResultPeriod {
  kind: ResultPeriodKind;
  /** Inclusive start and exclusive end. */
  from: Date;
  to: Date;
  /** How a report names it: 2026年11月, 2026年第4季度, 2026-11-30 至 2026-12-06 … */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Midnight in Shanghai of a calendar date given as UTC year/month(0-based)/day (normalised, so day 32 rolls over). */
const shanghaiMidnight = (year: number, month: number, day: number) => {
  const utc = new Date(Date.UTC(year, month, day));
  return new Date(`${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}T00:00:00+08:00`);
};
const localDate = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The period of `kind` that contains the Shanghai calendar date `date` (YYYY-MM-DD). Weeks run Monday to Sunday
 * (ISO); quarters are Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec.
 */
export function resultPeriod(kind: Exclude<ResultPeriodKind, 'custom'>, date: string): ResultPeriod {
  const [year, month, day] = date.split('-').map(Number);
  switch (kind) {
    case 'day': {
      const from = shanghaiMidnight(year, month - 1, day);
      return { kind, from, to: shanghaiMidnight(year, month - 1, day + 1), label: date };
    }
    case 'week': {
      const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday 0
      const from = shanghaiMidnight(year, month - 1, day - weekday);
      const to = shanghaiMidnight(year, month - 1, day - weekday + 7);
      return { kind, from, to, label: `${localDate(from)} 至 ${localDate(new Date(to.getTime() - 1))}` };
    }
    case 'month':
      return { kind, from: shanghaiMidnight(year, month - 1, 1), to: shanghaiMidnight(year, month, 1), label: `${year}年${month}月` };
    case 'quarter': {
      const quarter = Math.floor((month - 1) / 3);
      return { kind, from: shanghaiMidnight(year, quarter * 3, 1), to: shanghaiMidnight(year, quarter * 3 + 3, 1), label: `${year}年第${quarter + 1}季度` };
    }
    case 'year':
      return { kind, from: shanghaiMidnight(year, 0, 1), to: shanghaiMidnight(year + 1, 0, 1), label: `${year}年` };
  }
}

/** A custom range of whole Shanghai days, both named dates included. */
export function customPeriod(fromDate: string, toDate: string): ResultPeriod {
  const from = resultPeriod('day', fromDate).from;
  const to = resultPeriod('day', toDate).to;
  return { kind: 'custom', from, to, label: fromDate === toDate ? fromDate : `${fromDate} 至 ${toDate}` };
}

/** One bucket of a trend: a whole Shanghai day, ISO week or month, keyed by its first day (YYYY-MM-DD). */
export interface TrendBucketPeriod extends ResultPeriod {
  key: string;
}

/**
 * The days, weeks or months from the one containing `fromDate` to the one containing `toDate` (whole buckets: a
 * week trend from a Wednesday starts on that week's Monday). Stops after `limit` + 1 buckets, so a caller can
 * refuse a range that is too long without building it; empty when `toDate` is before `fromDate`.
 */
export function trendBuckets(kind: 'day' | 'week' | 'month', fromDate: string, toDate: string, limit = 400): TrendBucketPeriod[] {
  const last = resultPeriod('day', toDate).from;
  const buckets: TrendBucketPeriod[] = [];
  if (last < resultPeriod('day', fromDate).from) return buckets;
  let period = resultPeriod(kind, fromDate);
  while (period.from <= last && buckets.length <= limit) {
    buckets.push({ ...period, key: localDate(period.from) });
    period = resultPeriod(kind, localDate(period.to));
  }
  return buckets;
}
