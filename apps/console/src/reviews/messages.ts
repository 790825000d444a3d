import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    reviews: {
      name: '评价记录',
      fields: {
        id: '编号',
        trackingCode: '查询码',
        level: '评价等级',
        channel: '评价渠道',
        hallCode: '服务大厅',
        windowName: '窗口',
        staffName: '工作人员',
        serviceItemCode: '服务事项',
        departmentCode: '主管部门',
        caseNumber: '办件编号',
        options: '评价原因',
        comment: '评价内容',
        reviewerKind: '评价人类型',
        reviewerName: '评价人',
        reviewerPhone: '联系电话',
        adoption: '采纳情况',
        createdAt: '评价时间',
        createdFrom: '评价日期自',
        createdTo: '评价日期至',
        hasRectification: '有差评工单',
        rectification: '差评工单',
        q: '搜索',
        enteredBy: '录入人',
      },
    },
  },
  app: {
    reviews: {
      adoption: { ADOPTED: '已采纳', NOT_ADOPTED: '不予采纳' },
      kinds: { ANONYMOUS: '匿名', REAL_NAME: '实名' },
      search_help: '评价内容、办件编号或完整查询码',
      export: '导出 CSV',
      export_failed: '导出失败：%{message}',
      open_rectification: '查看差评工单',
      open_case: '查看办件',
      no_rectification: '无',
      masked: '评价人信息已脱敏；承办经办人和县级督办人员可在差评工单中查看完整信息。',
      sections: { review: '评价', service: '办理情况', reviewer: '评价人', handling: '处理情况' },
    },
  },
};
