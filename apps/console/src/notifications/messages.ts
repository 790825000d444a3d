import type { ModuleMessages } from '../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    notifications: {
      name: '消息',
      fields: {
        kind: '类型',
        body: '内容',
        createdAt: '时间',
        readAt: '已读时间',
        state: '状态',
        unread: '阅读状态',
      },
    },
  },
  app: {
    notifications: {
      bell: '消息（%{smart_count} 条未读）',
      unread: '未读',
      read: '已读',
      open_case: '查看案件',
      no_case: '无关联案件',
      mark_read: '标为已读',
      mark_all_read: '全部标为已读',
      marked_all: '已将 %{smart_count} 条消息标为已读',
    },
  },
};
