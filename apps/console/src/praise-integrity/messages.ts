import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings, merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    'praise-integrity/flags': {
      name: '刷好评核查',
      fields: {
        day: '日期',
        hallName: '服务大厅',
        ruleLabel: '规则',
        subjectLabel: '对象',
        reviewCount: '评价数',
        status: '核查状态',
        detectedAt: '发现时间',
        decidedAt: '核查时间',
        decisionNote: '核查说明',
        evidence: '线索',
      },
    },
  },
  app: {
    'praise-integrity': {
      intro: '系统按规则发现的疑似刷好评（诱导、代评）线索。逐条查看证据后标记“已核查（无问题）”或“确认刷好评”；确认后，该线索涉及的评价不再计入各项统计指标（计入“确认刷好评排除数”），并记入审计日志。',
      detect: '检测最近 7 天',
      detected: '检测完成：读取评价 %{reviews} 条，新线索 %{created} 条，补充线索 %{updated} 条',
      status: { OPEN: '待核查', CLEARED: '已核查（无问题）', CONFIRMED: '确认刷好评' },
      evidence_title: '证据',
      reviews_title: '涉及的评价',
      period: '时间：%{from} 至 %{to}',
      network: '内部网段：%{network}',
      clear: '已核查（无问题）',
      confirm: '确认刷好评',
      confirm_title: '确认刷好评？',
      confirm_content: '确认后，这 %{count} 条评价将不再计入好评率等各项统计指标（单独计入“确认刷好评排除数”），操作记入审计日志，不能撤销。',
      note: '核查说明（可选）',
      decided: '已保存核查结论',
      excluded: '已排除',
      review: {
        trackingCode: '查询码',
        level: '等级',
        channel: '渠道',
        createdAt: '评价时间',
        caseCompletedAt: '办结时间',
        secondsAfterCompletion: '办结后（秒）',
        window: '窗口',
        staff: '工作人员',
        clientIp: '网络地址',
        clientDevice: '设备',
        excluded: '统计',
      },
    },
  },
};
