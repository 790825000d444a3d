import { describe, expect, it } from '@jest/globals';
import { rectificationExportRows, toCsv } from './rectification-export';
import type { RectificationCase } from './rectification.types';

describe('the 差评工单 export', () => {
  const messages: Record<string, string> = {
    'resources.rectifications.fields.id': '工单编号',
    'resources.rectifications.fields.hallCode': '服务大厅',
    'resources.rectifications.fields.level': '评价',
    'resources.rectifications.fields.state': '状态',
    'resources.rectifications.fields.category': '整改类别',
    'resources.rectifications.fields.escalationLevel': '督办级别',
    'resources.rectifications.fields.overdue': '已超期',
    'resources.rectifications.fields.assignee': '经办人',
    'resources.rectifications.fields.invitedDepartments': '协办部门',
    'resources.rectifications.fields.openedAt': '收到时间',
    'resources.rectifications.fields.callbackDueAt': '回访期限',
    'resources.rectifications.fields.resultDueAt': '整改结果期限',
    'resources.rectifications.fields.confirmationDueAt': '群众确认截止',
    'resources.rectifications.fields.closedAt': '办结时间',
    'resources.rectifications.fields.outcomeLabel': '办结结果',
    'app.escalation.level_0': '未督办',
    'app.escalation.level_1': '镇街督办',
    'app.escalation.level_2': '县级督办',
    'ra.boolean.true': '是',
    'ra.boolean.false': '否',
    'app.rectification.unassigned': '本大厅经办人',
  };
  const translate = (key: string) => messages[key] ?? `MISSING ${key}`;
  const base: RectificationCase = {
    id: '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f',
    reviewId: '5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f',
    workflowId: 'rectification-5f1c7a52-9b0e-4c1f-8d4e-0c2b1a3d4e5f',
    hallCode: 'jintun',
    hallName: '金屯镇',
    level: 2,
    state: 'RECTIFYING',
    stateLabel: '整改中',
    category: 'COORDINATED',
    categoryLabel: '协调整改',
    escalationLevel: 1,
    callbackDueAt: null,
    resultDueAt: '2026-12-21T17:00:00+08:00',
    confirmationDueAt: null,
    overdue: true,
    outcome: null,
    outcomeLabel: null,
    slaPolicyVersion: 1,
    openedAt: '2026-12-07T09:30:00+08:00',
    closedAt: null,
    assigneeName: '张三',
    invitedDepartmentCodes: ['yibao', 'gone'],
    updatedAt: '2026-12-07T10:00:00+08:00',
  };

  it('writes one row per case under Chinese headers, with labels, names and Beijing minutes instead of codes and ids', () => {
    expect(rectificationExportRows([base], new Map([['yibao', '医保局']]), translate)).toEqual([
      {
        工单编号: base.id,
        服务大厅: '金屯镇',
        评价: expect.stringMatching(/[\u4e00-\u9fa5]/) as unknown,
        状态: '整改中',
        整改类别: '协调整改',
        督办级别: '镇街督办',
        已超期: '是',
        经办人: '张三',
        // A department gone from the master data keeps its code rather than vanish.
        协办部门: '医保局、gone',
        收到时间: '2026-12-07 09:30',
        回访期限: '',
        整改结果期限: '2026-12-21 17:00',
        群众确认截止: '',
        办结时间: '',
        办结结果: '',
      },
    ]);
  });

  it("names an unassigned case's handler as the hall's", () => {
    const [row] = rectificationExportRows([{ ...base, assigneeName: null, invitedDepartmentCodes: [] }], new Map(), translate);
    expect(row).toMatchObject({ 经办人: '本大厅经办人', 协办部门: '' });
  });

  it('writes CSV with a BOM, quoting what needs it', () => {
    expect(toCsv([{ 名称: '甲,乙', 说明: '他说"好"' }, { 名称: '丙', 说明: '两行\n文字' }])).toBe('\uFEFF名称,说明\r\n"甲,乙","他说""好"""\r\n丙,"两行\n文字"\r\n');
    expect(toCsv([])).toBe('\uFEFF');
  });
});
