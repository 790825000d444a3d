import type { ModuleMessages } from '../../i18n/module-messages';

/** This module's zh-CN strings (`resources.<name>.*`, `app.<module>.*`), merged into the one locale by i18n/zh-CN.ts. */
export const messages: ModuleMessages = {
  resources: {
    // `halls.name` is in the core messages (the hall filter of other screens uses it).
    halls: {
      fields: {
        code: '编码',
        name: '名称',
        kind: '类型',
        officeHours: '办公时间',
        windows: '窗口',
        q: '搜索',
      },
    },
    windows: {
      name: '窗口',
      fields: {
        hallCode: '服务大厅',
        code: '窗口编号',
        name: '窗口名称',
        staffCount: '在岗人数',
        active: '状态',
        q: '搜索',
      },
    },
    staff: {
      name: '工作人员',
      fields: {
        employeeNumber: '工号',
        name: '姓名',
        hallCode: '服务大厅',
        windowCode: '窗口',
        active: '状态',
        q: '搜索',
      },
    },
    departments: {
      name: '部门',
      fields: {
        code: '编码',
        name: '名称',
        serviceItemCount: '事项数',
        q: '搜索',
      },
    },
    'service-items': {
      name: '服务事项',
      fields: {
        code: '事项编码',
        name: '事项名称',
        departmentCode: '所属部门',
        nature: '服务性质',
        onApplication: '依申请事项',
        active: '状态',
        q: '搜索',
      },
    },
  },
  app: {
    masterData: {
      weekdays: { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
      kinds: { STREET: '街道', TOWN: '镇' },
      natures: { OFFLINE: '线下窗口', ONLINE: '网上办事' },
      status: { active: '在用', disabled: '已停用' },
      actions: { disable: '停用', enable: '启用' },
      notifications: { disabled: '已停用', enabled: '已启用' },
      confirm_disable: {
        title: '停用“%{name}”？',
        content: '停用后不再出现在在用列表和群众评价页面；已有的评价和办件仍保留原记录。可随时重新启用。',
      },
      no_windows: '暂无窗口',
      no_window: '不固定窗口',
      officeHours: {
        morning: '上午',
        afternoon: '下午',
        start: '开始',
        end: '结束',
        closed: '休息',
        hint: '留空表示该时段不办公。修改后，新计算的期限按新时间；已定的期限不变。',
        extra_periods: '%{days}在系统中有两个以上时段，此表只显示前两个，保存后只保留这两个。',
        errors: {
          time: '请按 时:分 填写，如 09:00',
          incomplete: '开始和结束都要填写',
          end_before_start: '结束须晚于开始',
          overlap: '下午须在上午结束之后开始',
          never_open: '每周至少要有一天办公，否则期限无法计算',
        },
      },
      hints: {
        code_fixed: '编码创建后不能修改',
        hall_code: '拼音小写字母或数字，如 jintun；创建后不能修改（二维码中使用）',
        window_code: '如 W07；创建后不能修改（二维码中使用）',
        department_code: '拼音小写，如 yibao；创建后不能修改',
        window_optional: '可不选',
      },
      errors: {
        hall_code: '须为 2–32 位小写字母或数字，以字母开头',
        window_code: '须为 1–16 位字母、数字、_ 或 -',
        department_code: '须为 2–32 位小写字母、数字、_ 或 -，以字母开头',
        item_code: '须为 1–32 位字母、数字、_ 或 -',
        employee_number: '须为 1–32 位字母、数字、_ 或 -',
      },
      qr: {
        title: '评价二维码',
        alt: '%{name}的评价二维码',
        download_png: '下载二维码（PNG）',
        download_svg: '下载二维码（SVG）',
        poster: '打印海报',
        failed: '下载失败，请重试',
        disabled: '窗口已停用，不再提供评价二维码；启用后可下载。',
      },
    },
  },
};
