import type { ModuleScreens } from '../../module-screens';
import apiClients from './api-clients';
import auditLog from './audit-log';
import calendar from './calendar';
import type { rulesModule } from './module';
import optionSets from './option-sets';
import slaPolicies from './sla-policies';
import staffSms from './staff-sms';
import users from './users';

/**
 * The rule and account resources admins keep (option sets, SLA policies, calendar, API keys, users, audit log).
 * Names are the API paths under /api, so the simple-rest provider needs nothing of its own.
 */
export const rulesScreens: ModuleScreens<typeof rulesModule> = {
  resources: {
    'admin/option-sets': optionSets,
    'admin/sla-policies': slaPolicies,
    'calendar-years': calendar,
    'admin/api-clients': apiClients,
    'admin/users': users,
    'admin/staff-sms': staffSms,
    'admin/audit-log': auditLog,
  },
};
