import { formatShanghaiMinute } from '@haochaping/working-time';

/** The nearest open due time of a case (callback or result), or undefined when nothing is owed by the hall. */
export function nearestDue(record: { callbackDueAt: string | null; resultDueAt: string | null }): string | undefined {
  const dues = [record.callbackDueAt, record.resultDueAt].filter((due): due is string => due !== null);
  return dues.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `dueAt` (or past it), split for display. */
export function countdown(dueAt: string, now: number): Countdown {
  const delta = Date.parse(dueAt) - now;
  const left = Math.floor(Math.abs(delta) / 1000);
  return {
    overdue: delta < 0,
    days: Math.floor(left / 86_400),
    hours: Math.floor((left % 86_400) / 3_600),
    minutes: Math.floor((left % 3_600) / 60),
    seconds: left % 60,
  };
}

/** "2天3小时" / "3小时05分" / "04分09秒": the two largest units, which is what a handler plans by. */
export function formatCountdown({ days, hours, minutes, seconds }: Countdown): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${pad(minutes)}分`;
  return `${pad(minutes)}分${pad(seconds)}秒`;
}

/** "2026-11-28 10:15" in Beijing time, from an ISO instant. */
export function beijingDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return instant;
  return formatShanghaiMinute(new Date(time));
}
