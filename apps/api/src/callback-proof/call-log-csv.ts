import { parse } from 'csv-parse/sync';
import { isContactPhone } from '@haochaping/privacy';
import { DomainHttpException } from '../common/api-error';
import { csvInstant } from '../cases/case-csv';

// A hall's phone system exports its call log as CSV: when, how long, which number. Phone systems name the columns
// differently, so each column is known by a few names; the number is read here and only its keyed hash goes on.

/** The columns a call log must have, each known by the names phone systems and clerks use for it. */
export const CALL_LOG_COLUMNS = [
  { field: 'calledAt', names: ['通话时间', '呼叫时间', '时间', 'time'] },
  { field: 'duration', names: ['通话时长', '时长', '通话时长（秒）', 'duration'] },
  { field: 'number', names: ['被叫号码', '对方号码', '号码', 'number', 'called number'] },
] as const;
type CallLogField = (typeof CALL_LOG_COLUMNS)[number]['field'];

export const MAX_CALL_LOG_LINES = 20_000;

/** A line of the log that could be read: the call, with the number still in clear (the caller hashes it at once). */
export interface CallLogLine {
  readonly line: number;
  readonly calledAt: Date;
  readonly durationSeconds: number;
  readonly number: string;
}

/** A line that could not be read, with why, for the dry run's list. */
export interface BadCallLogLine {
  readonly line: number;
  readonly reason: string;
}

const invalidFile = (message: string) => new DomainHttpException(422, 'CSV_INVALID', message);

interface CsvRecordWithInfo {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/** `95`, `1:35` or `0:01:35`: seconds, or minutes and seconds, or hours, minutes and seconds. */
export function parseDuration(value: string): number | null {
  const text = value.trim();
  if (/^\d{1,6}$/.test(text)) return Number(text);
  const match = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return null;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/**
 * Reads a call log: UTF-8 (BOM allowed), a header line naming the three columns (other columns are ignored: phone
 * systems export many), then one call per line. A file that cannot be read at all is refused whole (422 CSV_INVALID);
 * a line that cannot be read is listed with its reason and the rest are kept.
 */
export function parseCallLogCsv(content: Uint8Array | string): { calls: CallLogLine[]; badLines: BadCallLogLine[] } {
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  let records: CsvRecordWithInfo[];
  try {
    records = parse(text.replace(/\r\n?/g, '\n'), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as CsvRecordWithInfo[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw invalidFile(`无法解析 CSV 文件${typeof line === 'number' ? `（第 ${line} 行附近）` : ''}，请检查引号和分隔符`);
  }
  const [header, ...data] = records;
  if (!header) throw invalidFile('文件是空的：第 1 行应为表头（通话时间、通话时长、被叫号码）');
  const headers = header.record.map((cell) => cell.trim().toLowerCase());
  const position = new Map<CallLogField, number>();
  for (const column of CALL_LOG_COLUMNS) {
    const at = headers.findIndex((name) => (column.names as readonly string[]).includes(name));
    if (at >= 0) position.set(column.field, at);
  }
  const missing = CALL_LOG_COLUMNS.filter((column) => !position.has(column.field)).map((column) => column.names[0]);
  if (missing.length > 0) throw invalidFile(`表头缺少列：${missing.join('、')}（第 1 行应为表头：通话时间、通话时长、被叫号码）`);
  if (data.length === 0) throw invalidFile('文件只有表头，没有通话记录');
  if (data.length > MAX_CALL_LOG_LINES) {
    throw new DomainHttpException(422, 'BATCH_TOO_LARGE', `每次最多导入 ${MAX_CALL_LOG_LINES} 条通话记录，本文件 ${data.length} 条，请分成几个文件`);
  }

  const calls: CallLogLine[] = [];
  const badLines: BadCallLogLine[] = [];
  for (const { record, info } of data) {
    const line = info.lines;
    const cell = (field: CallLogField) => record[position.get(field) ?? -1]?.trim() ?? '';
    const reasons: string[] = [];
    const timeText = cell('calledAt');
    const calledAt = new Date(csvInstant(timeText));
    if (!timeText) reasons.push('通话时间为空');
    else if (!/[+-]\d{2}:\d{2}$|Z$/.test(csvInstant(timeText)) || Number.isNaN(calledAt.getTime())) reasons.push(`通话时间“${timeText}”不是有效的时间（例如 2026-11-20 10:30:00）`);
    const durationText = cell('duration');
    const durationSeconds = parseDuration(durationText);
    if (durationSeconds === null) reasons.push(durationText ? `通话时长“${durationText}”无效（秒数，或 分:秒）` : '通话时长为空');
    const number = cell('number');
    // The number is never echoed back: a bad one is named by its line only.
    if (!number) reasons.push('被叫号码为空');
    else if (!isContactPhone(number)) reasons.push('被叫号码不是有效的电话号码');
    if (reasons.length > 0) badLines.push({ line, reason: reasons.join('；') });
    else calls.push({ line, calledAt, durationSeconds: durationSeconds ?? 0, number });
  }
  return { calls, badLines };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw invalidFile('文件不是 UTF-8 编码：在 Excel 中请“另存为” → “CSV UTF-8（逗号分隔）”后再导入');
  }
}
