import { isStatutoryFallbackYear, statutoryFallbackYearCalendar } from '@haochaping/working-time';

// The State Council's annual notice (国务院办公厅关于YYYY年部分节假日安排的通知) as an admin can type or paste it:
// one line per span, a date or a range and 休 (days off) or 班 (调休 make-up working day), then anything (the
// festival's name). Spreadsheet rows (`2027-01-01,2027-01-03,休,元旦`) read the same.
//
//   # 国办发明电〔2026〕7号
//   2027-01-01~2027-01-03 休 元旦
//   2027-02-07 班 春节调休

export type CalendarDayKind = 'HOLIDAY' | 'MAKE_UP_WORKDAY';

export interface NoticeLineError {
  /** 1-based line number of the text. */
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

export interface NoticeSpan {
  readonly line: number;
  readonly from: string;
  readonly to: string;
  readonly kind: CalendarDayKind;
  readonly label?: string;
}

export interface ParsedNotice {
  readonly spans: readonly NoticeSpan[];
  /** Sorted, without repeats. */
  readonly holidays: readonly string[];
  readonly makeUpWorkdays: readonly string[];
  /** Lines that cannot be taken; when there is any, nothing should be written. */
  readonly errors: readonly NoticeLineError[];
  /** Worth a second look, not wrong: a statutory holiday (on a weekday) missing from the notice. */
  readonly warnings: readonly string[];
}

/** The longest span a notice gives (春节 and 国庆 are 8–9 days); longer is a typo. */
const MAX_SPAN_DAYS = 15;
const DAY_MS = 86_400_000;
const DATE = String.raw`(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`;
const LINE = new RegExp(String.raw`^${DATE}(?:\s*(?:~|～|至|到|—|–|－|,|，)\s*${DATE})?[\s,，]+(休息|休|放假|假|上班|补班|调休上班|班)(?:[\s,，]+(.*))?$`);
const KINDS: Record<string, CalendarDayKind> = {
  休: 'HOLIDAY',
  休息: 'HOLIDAY',
  放假: 'HOLIDAY',
  假: 'HOLIDAY',
  班: 'MAKE_UP_WORKDAY',
  上班: 'MAKE_UP_WORKDAY',
  补班: 'MAKE_UP_WORKDAY',
  调休上班: 'MAKE_UP_WORKDAY',
};

/** `YYYY-MM-DD` → days since 1970-01-01, or undefined when there is no such day. */
export function dayNumberOf(year: string, month: string, day: string): number | undefined {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? ms / DAY_MS : undefined;
}

export const formatDay = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
/** Saturday or Sunday. */
export const isWeekend = (dayNumber: number): boolean => [0, 6].includes(new Date(dayNumber * DAY_MS).getUTCDay());

/** Reads a notice for `year`; every line that cannot be taken is reported with its number and why. */
export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  const spans: NoticeSpan[] = [];
  const errors: NoticeLineError[] = [];
  const kindOf = new Map<number, { kind: CalendarDayKind; line: number }>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/(^|\s)(#|\/\/).*$/, '').trim();
    if (content === '') return;
    const fail = (message: string) => errors.push({ line, text: raw.trim(), message });
    // A spreadsheet's header row.
    if (index === lines.findIndex((candidate) => candidate.trim() !== '') && /日期|date/i.test(content) && !/^\d/.test(content)) return;
    const match = LINE.exec(content);
    if (!match) return fail('无法识别，应为“日期 休”或“开始日期~结束日期 休/班”，日期写作 YYYY-MM-DD');
    const [, y1 = '', m1 = '', d1 = '', y2, m2, d2, kindWord = '', label] = match;
    const from = dayNumberOf(y1, m1, d1);
    const to = y2 !== undefined ? dayNumberOf(y2, m2 ?? '', d2 ?? '') : from;
    if (from === undefined || to === undefined) return fail('日期不存在');
    if (to < from) return fail('结束日期早于开始日期');
    if (to - from + 1 > MAX_SPAN_DAYS) return fail(`一段最多 ${MAX_SPAN_DAYS} 天`);
    if (Number(formatDay(from).slice(0, 4)) !== year || Number(formatDay(to).slice(0, 4)) !== year) return fail(`日期须在 ${year} 年内`);
    const kind = KINDS[kindWord] ?? 'HOLIDAY';
    const problems: string[] = [];
    for (let day = from; day <= to; day += 1) {
      if (kind === 'MAKE_UP_WORKDAY' && !isWeekend(day)) problems.push(`${formatDay(day)} 不是周六或周日，无需调休上班`);
      const earlier = kindOf.get(day);
      if (earlier && earlier.kind !== kind) problems.push(`${formatDay(day)} 在第 ${earlier.line} 行已列为${earlier.kind === 'HOLIDAY' ? '放假' : '上班'}`);
    }
    if (problems.length > 0) return fail(problems.join('；'));
    for (let day = from; day <= to; day += 1) if (!kindOf.has(day)) kindOf.set(day, { kind, line });
    const trimmedLabel = label?.trim();
    spans.push({ line, from: formatDay(from), to: formatDay(to), kind, ...(trimmedLabel ? { label: trimmedLabel } : {}) });
  });
  const days = [...kindOf.entries()].sort(([a], [b]) => a - b);
  const holidays = days.filter(([, entry]) => entry.kind === 'HOLIDAY').map(([day]) => formatDay(day));
  const makeUpWorkdays = days.filter(([, entry]) => entry.kind === 'MAKE_UP_WORKDAY').map(([day]) => formatDay(day));
  if (holidays.length === 0 && errors.length === 0) errors.push({ line: 0, text: '', message: '通知中没有任何放假日期' });
  const warnings = isStatutoryFallbackYear(year)
    ? statutoryFallbackYearCalendar(year)
        .holidays.filter((date) => !holidays.includes(date) && !isWeekend(Date.parse(`${date}T00:00:00Z`) / DAY_MS))
        .map((date) => `法定假日 ${date} 不在放假日期中，请核对通知`)
    : [];
  return { spans, holidays, makeUpWorkdays, errors, warnings };
}
