import type { ConsoleModule } from '../../console-module';
import { access } from './access';
import { messages } from './messages';

/** 规则与账号: option sets, SLA policies, the calendar, API keys, users, staff SMS and the audit log. Screens: resources.tsx. */
export const rulesModule = {
  name: 'admin/rules',
  resources: ['admin/option-sets', 'admin/sla-policies', 'calendar-years', 'admin/api-clients', 'admin/users', 'admin/staff-sms', 'admin/audit-log'],
  access,
  messages,
} as const satisfies ConsoleModule;
