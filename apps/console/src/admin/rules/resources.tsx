/** The rule and account resources admins keep (option sets, SLA policies, calendar, API keys, users, audit log); mounted by App.tsx. */
export const rulesResources = <></>;
