import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings, merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    'feedback-entries': {
      name: '登记意见',
      fields: {
        channel: '反馈渠道',
        hallCode: '服务大厅',
        caseNumber: '办件编号（选填）',
        level: '评价等级',
        optionCodes: '评价原因',
        comment: '反馈内容',
        contactGiven: '留有联系方式',
        contact: { name: '姓名（选填）', phone: '联系电话（选填）' },
      },
    },
  },
  app: {
    feedback_entries: {
      title: '登记意见（找茬窗口、意见箱、热线、监督平台、电子邮箱）',
      intro: '登记群众通过找茬窗口、意见箱、服务热线、监督平台或电子邮箱反映的意见。关联办件时只作为对该办件的反馈，不占用群众对办件的一次评价；不满意、非常不满意的意见自动启动差评整改。',
      case_help: '填写后按该办件的事项取评价原因；办件须属于所选服务大厅',
      contact_help: '有电话的意见为实名意见，需回访',
      reasons_loading: '正在读取评价原因…',
      no_reasons: '当前没有可选的评价原因',
      submit: '保存',
      saved_title: '已登记',
      tracking_code: '查询码',
      tracking_help: '群众凭查询码和电话后四位可查看处理进度',
      rectification_started: '已启动差评整改，案件已进入整改流程',
      open_case: '查看整改案件',
      no_rectification: '非差评，不启动整改',
      repeat: '已登记过（重复提交），以下为首次登记的结果',
      another: '继续登记',
    },
  },
};
