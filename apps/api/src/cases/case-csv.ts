import { parse } from 'csv-parse/sync';
import { DomainHttpException } from '../common/api-error';
import { APPLICANT_KIND_LABELS, CASE_CHANNEL_LABELS, type ApplicantKindCode, type CaseChannelCode } from './case-row';

// The CSV form of a case delivery, for halls whose business system cannot call the API: Chinese headers, the
// labels clerks use (自然人, 线下窗口) and local times, turned into the JSON rows the integration API takes so
// that both go through the one check (case-row.ts).

/** Column headers in template order, with the JSON field each one fills. */
export const CSV_COLUMNS = [
  { header: '办件编号', field: 'caseNumber', required: true },
  { header: '事项编码', field: 'serviceItemCode', required: true },
  { header: '服务大厅编码', field: 'hallCode', required: true },
  { header: '窗口编码', field: 'windowCode', required: false },
  { header: '工作人员工号', field: 'staffEmployeeNumber', required: false },
  { header: '申请人类型', field: 'applicant.kind', required: true },
  { header: '申请人名称', field: 'applicant.name', required: true },
  { header: '联系电话', field: 'applicant.phone', required: false },
  { header: '受理时间', field: 'receivedAt', required: true },
  { header: '办结时间', field: 'completedAt', required: false },
  { header: '办理渠道', field: 'channel', required: true },
] as const;

export type CsvField = (typeof CSV_COLUMNS)[number]['field'];

export const MAX_CSV_ROWS = 5000;
export const CSV_INSTANT_EXAMPLE = '2026-11-20 10:30（北京时间）或 2026-11-20T10:30:00+08:00';

/** A data line of the file: its line number (1 = the header), the row in the integration API's shape, and what is wrong with the line itself. */
export interface CsvCaseRow {
  readonly line: number;
  readonly row: Record<string, unknown>;
  readonly lineErrors: Array<{ field: string; message: string }>;
}

const HEADER_OF_FIELD = new Map<string, string>(CSV_COLUMNS.map((column) => [column.field, column.header]));

/** The CSV header a report field refers to (`applicant.phone` → 联系电话), so the clerk finds the cell. */
export function csvHeaderOf(field: string): string {
  return HEADER_OF_FIELD.get(field) ?? field;
}

interface CsvRecordWithInfo {
  readonly record: string[];
  /** `lines`: the line the record ends on. */
  readonly info: { readonly lines: number };
}

const invalidFile = (message: string, errors?: Array<{ field: string; message: string }>) =>
  new DomainHttpException(422, 'CSV_INVALID', message, errors);

const byLabel = <T extends string>(labels: Record<T, string>) => new Map(Object.entries(labels).map(([code, label]) => [label as string, code as T]));
const APPLICANT_KIND_BY_LABEL = byLabel<ApplicantKindCode>(APPLICANT_KIND_LABELS);
const CHANNEL_BY_LABEL = byLabel<CaseChannelCode>(CASE_CHANNEL_LABELS);

/**
 * `2026-11-20 10:30`, `2026/11/20 9:05:00` (what Excel writes back), read as Beijing time; an ISO 8601 instant with
 * offset is kept as it is. Anything else is passed on unchanged for the row check to refuse.
 */
export function csvInstant(value: string): string {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return value;
  const [, year, month, day, hour, minute, second] = match;
  const two = (part: string | undefined) => (part ?? '0').padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}+08:00`;
}

/**
 * Parses the file: UTF-8 (a BOM is fine), the header line naming the columns (any order; the optional ones may be
 * left out), at most MAX_CSV_ROWS data lines. A file that cannot be read as such is refused whole (422
 * CSV_INVALID); problems of single lines are left to the row check.
 */
export function parseCaseCsv(content: Uint8Array | string): CsvCaseRow[] {
  const text = typeof content === 'string' ? content : decodeUtf8(content);
  // One line ending everywhere: csv-parse counts lines after an empty CRLF line one too far.
  const normalised = text.replace(/\r\n?/g, '\n');
  let records: CsvRecordWithInfo[];
  try {
    // With `info`, csv-parse returns { record, info } per record; its typings only describe plain records.
    records = parse(normalised, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as CsvRecordWithInfo[];
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw invalidFile(`无法解析 CSV 文件${typeof line === 'number' ? `（第 ${line} 行附近）` : ''}，请检查引号和分隔符`);
  }
  const [header, ...data] = records;
  if (!header) throw invalidFile('文件是空的：第 1 行应为表头，请下载导入模板');

  const headers = header.record.map((cell) => cell.trim());
  const unknown = headers.filter((name) => !CSV_COLUMNS.some((column) => column.header === name));
  const missing = CSV_COLUMNS.filter((column) => column.required && !headers.includes(column.header)).map((column) => column.header);
  const repeated = headers.filter((name, position) => headers.indexOf(name) !== position);
  if (unknown.length + missing.length + repeated.length > 0) {
    throw invalidFile('表头与导入模板不一致，请下载导入模板', [
      ...missing.map((name) => ({ field: name, message: `缺少列“${name}”` })),
      ...unknown.map((name) => ({ field: name || '（空列名）', message: `不认识的列“${name}”，可用的列：${CSV_COLUMNS.map((column) => column.header).join('、')}` })),
      ...[...new Set(repeated)].map((name) => ({ field: name, message: `列“${name}”出现了不止一次` })),
    ]);
  }
  if (data.length === 0) throw invalidFile('文件只有表头，没有办件');
  if (data.length > MAX_CSV_ROWS) throw new DomainHttpException(422, 'BATCH_TOO_LARGE', `每次最多导入 ${MAX_CSV_ROWS} 条办件，本文件 ${data.length} 条，请分成几个文件`);

  const fieldAt = headers.map((name) => CSV_COLUMNS.find((column) => column.header === name)?.field);
  return data.map(({ record, info }) => {
    // info.lines is where the record ends; a quoted cell may span lines, and the clerk looks for where it starts.
    const line = info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells = new Map<CsvField, string>();
    fieldAt.forEach((field, position) => {
      const cell = record[position]?.trim();
      if (field && cell) cells.set(field, cell);
    });
    const extra = record.slice(headers.length).filter((cell) => cell.trim() !== '');
    const row: Record<string, unknown> = {
      caseNumber: cells.get('caseNumber'),
      serviceItemCode: cells.get('serviceItemCode'),
      hallCode: cells.get('hallCode'),
      windowCode: cells.get('windowCode'),
      staffEmployeeNumber: cells.get('staffEmployeeNumber'),
      applicant: {
        kind: fromLabel(cells.get('applicant.kind'), APPLICANT_KIND_BY_LABEL),
        name: cells.get('applicant.name'),
        phone: cells.get('applicant.phone'),
      },
      receivedAt: mapDefined(cells.get('receivedAt'), csvInstant),
      completedAt: mapDefined(cells.get('completedAt'), csvInstant),
      channel: fromLabel(cells.get('channel'), CHANNEL_BY_LABEL),
    };
    const lineErrors = extra.length > 0 ? [{ field: '', message: `本行有 ${record.length} 列，比表头多：${extra.join(',')}` }] : [];
    return { line, row, lineErrors };
  });
}

/** Strict UTF-8: Excel's plain "CSV" on a Chinese Windows is GBK, which would otherwise turn into question marks. */
function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw invalidFile('文件不是 UTF-8 编码：在 Excel 中请“另存为” → “CSV UTF-8（逗号分隔）”后再导入');
  }
}

function mapDefined<T>(value: string | undefined, map: (value: string) => T): T | undefined {
  return value === undefined ? undefined : map(value);
}

/** 自然人 → PERSON; the code itself is accepted too; anything else passes on for the row check to refuse. */
function fromLabel<T extends string>(value: string | undefined, labels: ReadonlyMap<string, T>): string | undefined {
  return value === undefined ? undefined : (labels.get(value) ?? value);
}

/** A cell as CSV writes it: quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The import template: a BOM (so Excel opens it as UTF-8), the headers, and one example line. */
export function caseCsvTemplate(example: Record<CsvField, string>): string {
  const lines = [CSV_COLUMNS.map((column) => column.header), CSV_COLUMNS.map((column) => example[column.field])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
