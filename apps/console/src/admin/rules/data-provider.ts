import { apiJson, type ApiBase } from '../../api-base';
import type { CalendarYearRecord, NoticeImportResult } from './calendar/calendar.types';

export type UserAction = 'disable' | 'enable' | 'reset-password';

/** What the API answers when it made a password up: shown once, never stored by the console. */
export interface CreatedUser {
  id: string;
  username: string;
  temporaryPassword?: string;
}

/** One staff-SMS rule (the API's StaffSmsRuleResponse): whether a notice of this kind to this role goes out by SMS. */
export interface StaffSmsRule {
  kind: string;
  kindLabel: string;
  audienceRole: string;
  enabled: boolean;
  obligations: string[];
  holdOutsideOfficeTime: boolean;
  updatedAt: string | null;
}

export interface StaffSmsSettings {
  countyDutyPhone: string | null;
  updatedAt: string | null;
}

/** The rule and account calls that are not CRUD, as methods of the console's data provider. */
export interface RulesMethods {
  /** `POST /api/admin/users/:id/<action>`; a reset answers the temporary password. */
  userAction(id: string, action: UserAction): Promise<{ temporaryPassword?: string }>;
  /** `POST /api/admin/users`: without a password typed, the API makes one up and answers it once. */
  createUser(body: Record<string, unknown>): Promise<CreatedUser>;
  /** `PATCH /api/admin/users/:id` (the simple-rest provider would PUT). */
  updateUser(id: string, body: Record<string, unknown>): Promise<void>;
  /** `POST /api/admin/api-clients`: the key is in this answer only. */
  createApiClient(name: string): Promise<{ name: string; key: string }>;
  disableApiClient(id: string): Promise<void>;
  /** A day of the calendar off (HOLIDAY), worked (MAKE_UP_WORKDAY) or back to what its weekday says (null). */
  setCalendarDay(date: string, kind: 'HOLIDAY' | 'MAKE_UP_WORKDAY' | null): Promise<CalendarYearRecord>;
  /** The State Council's notice for a year, as lines: checked only (dryRun) or stored as the official year. */
  importCalendarNotice(year: number, notice: { text: string; notice: string; dryRun: boolean }): Promise<NoticeImportResult>;
  /** `GET /api/admin/staff-sms/rules`: every staff notice kind × audience role. */
  getStaffSmsRules(): Promise<StaffSmsRule[]>;
  updateStaffSmsRule(rule: Pick<StaffSmsRule, 'kind' | 'audienceRole' | 'enabled' | 'holdOutsideOfficeTime' | 'obligations'>): Promise<StaffSmsRule>;
  getStaffSmsSettings(): Promise<StaffSmsSettings>;
  /** The county duty phone; null removes it. */
  updateStaffSmsSettings(countyDutyPhone: string | null): Promise<StaffSmsSettings>;
}

export const rulesMethods = (api: ApiBase): RulesMethods => ({
  userAction: (id, action) => apiJson(api, `/admin/users/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
  createUser: (body) => apiJson(api, '/admin/users', { method: 'POST', body }),
  async updateUser(id, body) {
    await apiJson(api, `/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
  },
  createApiClient: (name) => apiJson(api, '/admin/api-clients', { method: 'POST', body: { name } }),
  async disableApiClient(id) {
    await apiJson(api, `/admin/api-clients/${encodeURIComponent(id)}/disable`, { method: 'POST' });
  },
  setCalendarDay(date, kind) {
    const year = date.slice(0, 4);
    return kind === null
      ? apiJson(api, `/calendar-years/${year}/days/${date}`, { method: 'DELETE' })
      : apiJson(api, `/calendar-years/${year}/days`, { method: 'POST', body: { date, kind } });
  },
  importCalendarNotice: (year, notice) => apiJson(api, `/calendar-years/${year}/notice`, { method: 'POST', body: notice }),
  getStaffSmsRules: () => apiJson(api, '/admin/staff-sms/rules'),
  updateStaffSmsRule: ({ kind, audienceRole, enabled, holdOutsideOfficeTime, obligations }) =>
    apiJson(api, `/admin/staff-sms/rules/${encodeURIComponent(kind)}/${encodeURIComponent(audienceRole)}`, { method: 'PUT', body: { enabled, holdOutsideOfficeTime, obligations } }),
  getStaffSmsSettings: () => apiJson(api, '/admin/staff-sms/settings'),
  updateStaffSmsSettings: (countyDutyPhone) => apiJson(api, '/admin/staff-sms/settings', { method: 'PUT', body: { countyDutyPhone } }),
});
