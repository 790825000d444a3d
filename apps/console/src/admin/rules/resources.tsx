import { Resource } from 'react-admin';
import apiClients from './api-clients';
import auditLog from './audit-log';
import calendar from './calendar';
import optionSets from './option-sets';
import slaPolicies from './sla-policies';
import users from './users';

/**
 * The rule and account resources admins keep (option sets, SLA policies, calendar, API keys, users, audit log);
 * mounted by App.tsx. Names are the API paths under /api, so the simple-rest provider needs nothing of its own.
 */
export const rulesResources = (
  <>
    <Resource name="admin/option-sets" {...optionSets} />
    <Resource name="admin/sla-policies" {...slaPolicies} />
    <Resource name="calendar-years" {...calendar} />
    <Resource name="admin/api-clients" {...apiClients} />
    <Resource name="admin/users" {...users} />
    <Resource name="admin/audit-log" {...auditLog} />
  </>
);
