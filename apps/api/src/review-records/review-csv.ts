import type { ReviewRecordResponse } from './dto/review-record.response';

// The 评价记录 export: what a clerk opens in Excel. UTF-8 with a BOM (Excel on Windows reads UTF-8 without one as
// GBK), Chinese headers, CRLF line ends, local (Beijing) times, and the reviewer masked as on screen.

const COLUMNS: ReadonlyArray<{ header: string; value: (row: ReviewRecordResponse) => string | number | null }> = [
  { header: '评价时间', value: (row) => beijingLocal(row.createdAt) },
  { header: '服务大厅', value: (row) => row.hallName },
  { header: '窗口', value: (row) => row.windowName },
  { header: '工作人员', value: (row) => row.staffName },
  { header: '评价渠道', value: (row) => row.channelLabel },
  { header: '评价等级', value: (row) => row.levelLabel },
  { header: '评价原因', value: (row) => row.options.map((option) => option.label).join('；') },
  { header: '评价内容', value: (row) => row.comment },
  { header: '办件编号', value: (row) => row.caseNumber },
  { header: '服务事项', value: (row) => row.serviceItemName },
  { header: '主管部门', value: (row) => row.departmentName },
  { header: '评价人类型', value: (row) => (row.reviewerKind === 'REAL_NAME' ? '实名' : '匿名') },
  { header: '评价人', value: (row) => row.reviewerName },
  { header: '联系电话', value: (row) => row.reviewerPhone },
  { header: '采纳情况', value: (row) => row.adoptionLabel },
  { header: '整改状态', value: (row) => row.rectification?.stateLabel ?? null },
  { header: '查询码', value: (row) => row.trackingCode },
];

export const REVIEW_CSV_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

/** A cell: quoted when it holds a separator, a quote or a line break; a leading =, +, - or @ is defused for spreadsheets. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `2026-03-09T10:00:00+08:00` → `2026-03-09 10:00:00` (the API writes Beijing time already). */
function beijingLocal(instant: string): string {
  return instant.slice(0, 19).replace('T', ' ');
}

export function reviewsCsv(rows: readonly ReviewRecordResponse[]): string {
  const lines = [REVIEW_CSV_HEADERS.map(csvCell).join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(column.value(row))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
