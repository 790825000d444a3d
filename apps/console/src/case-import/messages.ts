import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings, merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    'case-import': { name: '办件导入' },
  },
  app: {
    case_import: {
      title: '办件导入（CSV）',
      intro: '没有业务系统对接的服务大厅，可按模板整理办件后在此导入。先“检查文件”列出每一行的问题，确认后再“导入”。同一办件编号重复导入不会重复建档：内容有变的更新，没有变化的保持不动。',
      template: '下载导入模板',
      template_help: 'UTF-8 编码、中文表头，可直接用 Excel 打开；保存时请选“CSV UTF-8（逗号分隔）”',
      choose: '选择 CSV 文件',
      chosen: '已选择：%{name}',
      dry_run: '检查文件',
      commit: '导入',
      checking: '正在检查…',
      importing: '正在导入…',
      dry_run_title: '检查结果（尚未导入）',
      commit_title: '导入结果',
      bad_lines: '有误的行（不会导入，请改正后重新导入）',
      line: '第 %{line} 行',
      columns: { line: '行号', case_number: '办件编号', reasons: '问题' },
      all_good: '所有行均无问题',
      nothing_to_commit: '没有需要导入的行',
    },
  },
};
