import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  app: {
    dashboard: {
      title: '工作台',
      subtitle: '镇（街道）为民服务大厅差评核实、整改、回访与反馈',
      welcome: '%{name}，您好',
      scope: '负责范围：%{scope}',
      all_halls: '全县',
      my_cases: '我的待办（%{smart_count}）',
      my_cases_empty: '当前没有待您办理的差评工单',
      countdown: '剩余时间',
      my_duties: '今日待办（%{smart_count}）',
      my_duties_hint: '今天办公时间结束前到期和已超期的事项，按到期时间排列',
      my_duties_empty: '今天没有到期或超期的事项',
      my_duties_due: '到期时间',
      my_duties_duty: '事项',
      my_duties_case: '案件',
      my_duties_overdue: '已超期',
      my_duties_escalated: '已上报县级',
      counts: '各状态工单数',
    },
    health: {
      title: '系统运行状态',
      refresh: '立即检查',
      checking: '正在检查系统运行状态…',
      auto_refresh: '每 10 秒自动检查一次',
      last_checked: '最后检查时间：%{time}',
      all_up: '所有服务运行正常',
      some_down: '部分服务异常，相关功能可能无法使用，请联系系统管理员。',
      unreachable_title: '无法连接后台服务',
      unreachable_message: '控制台暂时无法连接到 API 服务（%{detail}）。请确认 API 已启动、网络畅通，或联系系统管理员。系统将每 10 秒自动重试。',
      latency: '响应 %{ms} 毫秒',
      service: {
        postgres: '数据库 PostgreSQL',
        temporal: '流程引擎 Temporal',
      },
      status: {
        up: '正常',
        down: '异常',
      },
    },
  },
};
