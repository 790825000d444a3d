// A hall's office hours as admins edit them: one row per weekday with a morning and an afternoon period, which is
// how every hall of the county works. The API stores `OfficeHours` (ISO weekday → periods, @haochaping/working-time)
// and checks them again (apps/api/src/master-data/office-hours.validation.ts); the rules here are the same, so a
// form that passes is accepted.

/** ISO weekday (1 = Monday … 7 = Sunday) → `{ start, end }` periods, `HH:MM` Asia/Shanghai. */
export type OfficeHours = Partial<Record<string, ReadonlyArray<{ start: string; end: string }>>>;

export interface OfficeDayRow {
  weekday: number;
  morningStart?: string | null;
  morningEnd?: string | null;
  afternoonStart?: string | null;
  afternoonEnd?: string | null;
}

export type OfficeDayErrors = Partial<Record<Exclude<keyof OfficeDayRow, 'weekday'>, string>>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const CLOCK = /^([01]\d|2[0-4]):([0-5]\d)$/;
/** A lone period starting at noon or later is an afternoon. */
const NOON = 12 * 60;

export function clockMinutes(value: string | null | undefined): number | undefined {
  const match = value ? CLOCK.exec(value.trim()) : null;
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

const sortedPeriods = (hours: OfficeHours, weekday: number) =>
  [...(hours[String(weekday)] ?? [])].sort((a, b) => (clockMinutes(a.start) ?? 0) - (clockMinutes(b.start) ?? 0));

/** The rows of the form, Monday first. */
export function toOfficeDayRows(hours: OfficeHours | null | undefined): OfficeDayRow[] {
  return WEEKDAYS.map((weekday) => {
    const periods = sortedPeriods(hours ?? {}, weekday);
    const [first, second] = periods;
    if (!first) return { weekday };
    if (!second && (clockMinutes(first.start) ?? 0) >= NOON) return { weekday, afternoonStart: first.start, afternoonEnd: first.end };
    return {
      weekday,
      morningStart: first.start,
      morningEnd: first.end,
      ...(second ? { afternoonStart: second.start, afternoonEnd: second.end } : {}),
    };
  });
}

/** Days with more periods than the form's two (entered through the API): saving from the form keeps two. */
export function daysBeyondTwoPeriods(hours: OfficeHours | null | undefined): number[] {
  return WEEKDAYS.filter((weekday) => (hours?.[String(weekday)]?.length ?? 0) > 2);
}

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/** What the API stores: empty periods and closed days left out. */
export function fromOfficeDayRows(rows: readonly OfficeDayRow[]): OfficeHours {
  const hours: Record<string, Array<{ start: string; end: string }>> = {};
  for (const row of rows) {
    const periods = [
      [row.morningStart, row.morningEnd],
      [row.afternoonStart, row.afternoonEnd],
    ]
      .filter(([start, end]) => !blank(start) && !blank(end))
      .map(([start, end]) => ({ start: (start ?? '').trim(), end: (end ?? '').trim() }));
    if (periods.length > 0) hours[String(row.weekday)] = periods;
  }
  return hours;
}

/**
 * Errors per row (translation keys under app.masterData.officeHours.errors), in the shape react-admin's form-level
 * validation reads (`weeklyHours[i].afternoonEnd`). A row with nothing in it is a closed day.
 */
export function officeDayRowsErrors(rows: readonly OfficeDayRow[]): OfficeDayErrors[] {
  const errors = rows.map((row) => {
    const rowErrors: OfficeDayErrors = {};
    const period = (startKey: 'morningStart' | 'afternoonStart', endKey: 'morningEnd' | 'afternoonEnd') => {
      const [start, end] = [row[startKey], row[endKey]];
      if (blank(start) && blank(end)) return undefined;
      if (blank(start)) rowErrors[startKey] = 'app.masterData.officeHours.errors.incomplete';
      if (blank(end)) rowErrors[endKey] = 'app.masterData.officeHours.errors.incomplete';
      const [from, to] = [clockMinutes(start), clockMinutes(end)];
      if (!blank(start) && from === undefined) rowErrors[startKey] = 'app.masterData.officeHours.errors.time';
      if (!blank(end) && to === undefined) rowErrors[endKey] = 'app.masterData.officeHours.errors.time';
      if (from === undefined || to === undefined) return undefined;
      if (to <= from) {
        rowErrors[endKey] = 'app.masterData.officeHours.errors.end_before_start';
        return undefined;
      }
      return { from, to };
    };
    const morning = period('morningStart', 'morningEnd');
    const afternoon = period('afternoonStart', 'afternoonEnd');
    if (morning && afternoon && afternoon.from < morning.to) rowErrors.afternoonStart = 'app.masterData.officeHours.errors.overlap';
    return rowErrors;
  });
  const anyError = errors.some((rowErrors) => Object.keys(rowErrors).length > 0);
  if (!anyError && Object.keys(fromOfficeDayRows(rows)).length === 0 && errors[0]) {
    errors[0].morningStart = 'app.masterData.officeHours.errors.never_open';
  }
  return errors;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * One line for lists: consecutive days with the same periods together, e.g.
 * `周一至周五 09:00–12:00、13:00–17:00；周六 09:00–12:00`. Empty when the hall is never open.
 */
export function describeOfficeHours(hours: OfficeHours | null | undefined): string {
  const parts: string[] = [];
  let runStart = 0;
  let runEnd = 0;
  let runText = '';
  const flush = () => {
    if (runText) parts.push(`${WEEKDAY_NAMES[runStart]}${runEnd > runStart ? `${runEnd === runStart + 1 ? '、' : '至'}${WEEKDAY_NAMES[runEnd]}` : ''} ${runText}`);
  };
  for (const weekday of WEEKDAYS) {
    const text = sortedPeriods(hours ?? {}, weekday)
      .map((period) => `${period.start}–${period.end}`)
      .join('、');
    if (text && text === runText && weekday === runEnd + 1) {
      runEnd = weekday;
      continue;
    }
    flush();
    [runStart, runEnd, runText] = [weekday, weekday, text];
  }
  flush();
  return parts.join('；');
}
