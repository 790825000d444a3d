import { standardWorkingDayMinutes, type IsoWeekday, type OfficeHours, type OfficePeriod } from '@haochaping/working-time';
import type { ApiFieldError } from '../common/api-error';

const WEEKDAY_NAMES: Record<IsoWeekday, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;
/** More than a morning, an afternoon and an evening desk is a typing mistake, not a timetable. */
export const MAX_PERIODS_PER_DAY = 4;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Minutes after midnight of `HH:MM` (00:00–24:00), or undefined. */
function clockMinutes(value: unknown): number | undefined {
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export type OfficeHoursCheck = { ok: true; officeHours: OfficeHours } | { ok: false; errors: ApiFieldError[] };

/**
 * Checks office hours as an admin enters them (the `OfficeHours` shape the calendar computes with: ISO weekday →
 * `{ start, end }` periods, Asia/Shanghai wall clock) and answers them tidied: weekdays in order, periods sorted,
 * closed days left out. Every problem is a field error in Chinese, so the console can put it next to the input;
 * what passes here is what WorkingTime accepts (checked again with it, so the two can never drift apart).
 */
export function checkOfficeHours(value: unknown, field = 'officeHours'): OfficeHoursCheck {
  if (!isRecord(value)) return { ok: false, errors: [{ field, message: '办公时间须按星期（1 = 周一 … 7 = 周日）列出时段' }] };
  const errors: ApiFieldError[] = [];
  const tidy: Partial<Record<IsoWeekday, OfficePeriod[]>> = {};
  for (const [key, periods] of Object.entries(value)) {
    const weekday = Number(key) as IsoWeekday;
    if (!/^[1-7]$/.test(key)) {
      errors.push({ field: `${field}.${key}`, message: `“${key}”不是星期，只能是 1（周一）到 7（周日）` });
      continue;
    }
    const day = WEEKDAY_NAMES[weekday];
    if (!Array.isArray(periods)) {
      errors.push({ field: `${field}.${key}`, message: `${day}的办公时间须为时段列表` });
      continue;
    }
    if (periods.length > MAX_PERIODS_PER_DAY) {
      errors.push({ field: `${field}.${key}`, message: `${day}最多 ${MAX_PERIODS_PER_DAY} 个时段` });
      continue;
    }
    const parsed: Array<{ start: number; end: number; period: OfficePeriod }> = [];
    periods.forEach((period: unknown, index) => {
      const at = `${field}.${key}.${index}`;
      const label = `${day}第 ${index + 1} 个时段`;
      const start = isRecord(period) ? clockMinutes(period.start) : undefined;
      const end = isRecord(period) ? clockMinutes(period.end) : undefined;
      if (start === undefined) errors.push({ field: `${at}.start`, message: `${label}的开始时间须为 HH:MM（00:00–24:00）` });
      if (end === undefined) errors.push({ field: `${at}.end`, message: `${label}的结束时间须为 HH:MM（00:00–24:00）` });
      if (start === undefined || end === undefined || !isRecord(period)) return;
      if (end <= start) {
        errors.push({ field: `${at}.end`, message: `${label}的结束时间须晚于开始时间` });
        return;
      }
      parsed.push({ start, end, period: { start: String(period.start), end: String(period.end) } });
    });
    parsed.sort((a, b) => a.start - b.start);
    for (let index = 1; index < parsed.length; index += 1) {
      const previous = parsed[index - 1];
      const current = parsed[index];
      if (previous && current && current.start < previous.end) {
        errors.push({ field: `${field}.${key}`, message: `${day}的时段 ${previous.period.start}–${previous.period.end} 与 ${current.period.start}–${current.period.end} 重叠` });
      }
    }
    if (parsed.length > 0) tidy[weekday] = parsed.map((entry) => entry.period);
  }
  if (errors.length > 0) return { ok: false, errors };
  const ordered: Partial<Record<IsoWeekday, OfficePeriod[]>> = {};
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
    const periods = tidy[weekday];
    if (periods) ordered[weekday] = periods;
  }
  if (Object.keys(ordered).length === 0) return { ok: false, errors: [{ field, message: '每周至少要有一天办公，否则任何期限都无法计算' }] };
  try {
    standardWorkingDayMinutes(ordered);
  } catch {
    return { ok: false, errors: [{ field, message: '办公时间无法用于计算期限，请检查各时段' }] };
  }
  return { ok: true, officeHours: ordered };
}
