import { describe, expect, it } from '@jest/globals';
import { canAccess } from '../auth/can-access';
import type { StaffRole } from '../auth/session';
import type { ImportReport } from './data-provider';
import { badLines, canCommit, reportSummary } from './import-report';

const report = (changes: Partial<ImportReport>): ImportReport => ({ accepted: 0, updated: 0, unchanged: 0, rejected: 0, dryRun: true, results: [], ...changes });

describe('办件导入: the report as the screen says it', () => {
  it.each<[string, Partial<ImportReport>, boolean, string]>([
    ['a dry run of new and bad lines', { accepted: 2, rejected: 1 }, true, '将新增 2 条，有误 1 条'],
    ['a commit of every kind', { accepted: 1, updated: 2, unchanged: 3, rejected: 4 }, false, '新增 1 条，更新 2 条，未变 3 条，有误 4 条'],
    ['a re-import of the same file', { unchanged: 5 }, false, '未变 5 条'],
    ['nothing at all', {}, true, '没有可导入的办件'],
  ])('%s', (_label, counts, dryRun, said) => {
    expect(reportSummary(report(counts), dryRun)).toBe(said);
  });

  it('lists every rejected line with its column and reason, and nothing else', () => {
    const read = report({
      results: [
        { index: 0, line: 2, caseNumber: 'A', status: 'accepted' },
        { index: 1, line: 3, caseNumber: 'B', status: 'rejected', errors: [{ field: '服务大厅编码', message: '未知的服务大厅编码 x' }, { field: '', message: '本行有 12 列，比表头多：y' }] },
        { index: 2, line: 4, caseNumber: null, status: 'rejected', errors: [{ field: '办件编号', message: '请填写办件编号' }] },
      ],
    });
    expect(badLines(read)).toEqual([
      { line: 3, caseNumber: 'B', reasons: ['服务大厅编码：未知的服务大厅编码 x', '本行有 12 列，比表头多：y'] },
      { line: 4, caseNumber: null, reasons: ['办件编号：请填写办件编号'] },
    ]);
  });

  it.each<[string, ImportReport | undefined, boolean]>([
    ['before any dry run', undefined, false],
    ['after a dry run with lines to write', report({ accepted: 1, rejected: 3 }), true],
    ['after a dry run with updates only', report({ updated: 1 }), true],
    ['after a dry run where every line is bad or unchanged', report({ unchanged: 2, rejected: 1 }), false],
    ['after the commit', report({ accepted: 1, dryRun: false }), false],
  ])('offers the commit %s: %s', (_label, read, offered) => {
    expect(canCommit(read)).toBe(offered);
  });

  it.each<[StaffRole, boolean]>([
    ['ADMIN', true],
    ['COUNTY_SUPERVISOR', true],
    ['TOWN_LEADER', false],
    ['HANDLER', false],
    ['DEPT_GUIDE', false],
  ])('%s opens 办件导入: %s (the API roles)', (role, opens) => {
    expect(canAccess(role, 'list', 'case-import')).toBe(opens);
  });
});
