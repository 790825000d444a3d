import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`app.monthly_report.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  app: {
    monthly_report: {
      title: '月度通报',
      month: '通报月份',
      hall: '范围',
      county: '全县',
      print: '打印',
      print_help: '打印时只输出通报正文（A4 纸），不含菜单和按钮；也可在打印对话框中选择“另存为 PDF”。',
      failed: '通报暂时无法生成：%{message}',
    },
  },
};
