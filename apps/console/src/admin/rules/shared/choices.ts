// Choice lists of the rule screens; names are i18n keys (app.rules.*).

export const NATURE_CHOICES = [
  { id: 'OFFLINE', name: 'app.rules.natures.OFFLINE' },
  { id: 'ONLINE', name: 'app.rules.natures.ONLINE' },
];

export const CATEGORY_CHOICES = [
  { id: 'IMMEDIATE', name: 'app.rules.categories.IMMEDIATE' },
  { id: 'TIME_LIMITED', name: 'app.rules.categories.TIME_LIMITED' },
  { id: 'COORDINATED', name: 'app.rules.categories.COORDINATED' },
];

export const UNIT_CHOICES = [
  { id: 'WORKING_HOURS', name: 'app.rules.units.WORKING_HOURS' },
  { id: 'WORKING_DAYS', name: 'app.rules.units.WORKING_DAYS' },
  { id: 'CALENDAR_HOURS', name: 'app.rules.units.CALENDAR_HOURS' },
  { id: 'CALENDAR_DAYS', name: 'app.rules.units.CALENDAR_DAYS' },
];

export const ROLE_CHOICES = [
  { id: 'HANDLER', name: 'app.rules.roles.HANDLER' },
  { id: 'TOWN_LEADER', name: 'app.rules.roles.TOWN_LEADER' },
  { id: 'DEPT_GUIDE', name: 'app.rules.roles.DEPT_GUIDE' },
  { id: 'COUNTY_SUPERVISOR', name: 'app.rules.roles.COUNTY_SUPERVISOR' },
  { id: 'ADMIN', name: 'app.rules.roles.ADMIN' },
];

