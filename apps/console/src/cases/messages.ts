import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    cases: {
      name: '办件',
      fields: {
        caseNumber: '办件编号',
        serviceItemName: '服务事项',
        hallCode: '服务大厅',
        windowName: '窗口',
        staffName: '工作人员',
        applicantName: '申请人',
        applicantPhone: '联系电话',
        channel: '办理渠道',
        receivedAt: '受理时间',
        completedAt: '办结时间',
        rated: '已评价',
      },
    },
  },
  app: {
    cases: {
      review: '评价',
      no_review: '尚未评价',
      open_rectification: '查看差评工单',
      channels: {
        WINDOW: '窗口办理',
        ONLINE: '网上办理',
      },
    },
  },
};
