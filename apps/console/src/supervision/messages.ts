import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  app: {
    supervision: {
      title: '超期督办',
      by_hall: '按服务大厅',
      total: '合计',
      cases: '超期及督办中的工单',
      empty: '目前没有超期或督办中的工单',
    },
    statistics: {
      period: '统计期间',
      periods: { last30: '近30天', month: '本月', year: '本年' },
      ranking: '按时办结率排名',
      ranking_help:
        '按时办结率 = 按时办结的工单 ÷（按时办结 + 超期）的工单，按统计期间内受理的差评工单计算；曾超期、升级督办，或延期后晚于原期限反馈的计为超期，在办且未超期的暂不计入。计入少于 %{min} 件的大厅不排名。',
      ranking_hidden: '另有 %{smart_count} 个服务大厅在统计期间内没有计入的工单，未列出。',
      rank: '名次',
      unranked: '样本不足',
      on_time_rate: '按时办结率',
      on_time_of: '按时 / 计入',
      good_rate: '好评率',
      reviews: '评价数',
      bad_reviews: '差评数',
      open_now: '在办',
      overdue_now: '已超期',
      level_1: '镇街督办',
      level_2: '县级督办',
      total: '合计',
      by_level: '按督办层级',
      by_department: '按主管部门',
      by_department_help: '按差评所涉事项的主管部门统计在办的超期及督办工单；点击查看相关评价。',
      no_department: '未关联事项',
      level_cases: '%{smart_count} 件',
      level_overdue: '其中已超期 %{smart_count} 件',
      at_a_glance: '各服务大厅概况',
      at_a_glance_help: '在办、超期、督办为当前数；按时办结率、好评率为近30天。点击数字查看工单。',
      empty: '暂无数据',
      failed: '统计数据暂时无法读取：%{message}',
    },
  },
};
