import { FIGURE_KEYS, FIGURES, type FigureKey, type Figures } from '@haochaping/contracts';
import ExcelJS from 'exceljs';
import type { ResultsResponse } from './dto/results.response';

/**
 * The figures table as the console shows it, for download: a row per value of the dimension and a 合计 row, the
 * FIGURES labels as headers, rates as percentages with one decimal, '—' where there is no figure.
 */

const NO_FIGURE = '—';
const UTF8_BOM = '\uFEFF';

/** The header row: the dimension's name column, its code, then every figure's label. */
export function exportHeaders(results: ResultsResponse): string[] {
  return [results.dimensionLabel, '编码', ...FIGURE_KEYS.map((key) => FIGURES[key].label)];
}

function exportRows(results: ResultsResponse): Array<{ name: string; code: string | null; figures: Figures }> {
  return [...results.rows.map((row) => ({ name: row.name, code: row.code, figures: row.figures })), { name: '合计', code: null, figures: results.total }];
}

/** A figure as the console prints it: `44.4%`, `23.2`, `10`, or '—'. */
export function formatFigure(key: FigureKey, value: number | null): string {
  if (value === null) return NO_FIGURE;
  if (FIGURES[key].unit === 'rate') return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  return String(value);
}

/** CSV (RFC 4180, CRLF), UTF-8 with a BOM so that Excel opens the Chinese as Chinese. */
export function figuresCsv(results: ResultsResponse): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  // A name from master data that starts like a formula stays text in a spreadsheet (CSV injection).
  const text = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
  const lines = [exportHeaders(results), ...exportRows(results).map((row) => [text(row.name), text(row.code ?? ''), ...FIGURE_KEYS.map((key) => formatFigure(key, row.figures[key]))])];
  return UTF8_BOM + lines.map((line) => line.map(quote).join(',')).join('\r\n') + '\r\n';
}

/**
 * An xlsx workbook: sheet 统计指标 (numbers kept as numbers, rates with Excel's 0.0% format so they sort and sum),
 * sheet 指标说明 (the period, the dimension, and each figure's note).
 */
export async function figuresXlsx(results: ResultsResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '好差评整改系统';
  const sheet = workbook.addWorksheet('统计指标', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  sheet.addRow(exportHeaders(results)).font = { bold: true };
  for (const row of exportRows(results)) {
    sheet.addRow([row.name, row.code ?? '', ...FIGURE_KEYS.map((key) => row.figures[key] ?? NO_FIGURE)]);
  }
  FIGURE_KEYS.forEach((key, index) => {
    const column = sheet.getColumn(index + 3);
    column.width = Math.max(10, FIGURES[key].label.length * 2 + 2);
    column.alignment = { horizontal: 'right' };
    if (FIGURES[key].unit === 'rate') column.numFmt = '0.0%';
    if (FIGURES[key].unit === 'workingHours') column.numFmt = '0.0';
  });
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 14;

  const notes = workbook.addWorksheet('指标说明');
  notes.addRow(['统计期间', results.period.label]);
  notes.addRow(['统计维度', results.dimensionLabel]);
  notes.addRow([]);
  notes.addRow(['指标', '计算方法']).font = { bold: true };
  for (const key of FIGURE_KEYS) notes.addRow([FIGURES[key].label, FIGURES[key].note]);
  notes.getColumn(1).width = 28;
  notes.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `统计分析-大厅（镇街）-2026年11月.xlsx`, for Content-Disposition (RFC 6266 filename* in UTF-8). */
export function exportFileName(results: ResultsResponse, extension: 'xlsx' | 'csv'): string {
  return `统计分析-${results.dimensionLabel}-${results.period.label}.${extension}`.replace(/[\\/:*?"<>|\s]+/g, '_');
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="results.${fileName.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
