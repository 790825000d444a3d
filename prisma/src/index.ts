export { createPrismaClient, type PrismaClientOptions } from './prisma-client';
export { PrismaClient, Prisma } from '@prisma/client';
export type {
  Hall,
  Review,
  ReviewChannel,
  RectificationCase,
  RectificationTimelineEntry,
  OutboxMessage,
  Department,
  ServiceWindow,
  Staff,
  ServiceItem,
  ServiceNature,
  CalendarYear,
  CalendarYearSource,
  HallKind,
} from '@prisma/client';
export { seedReferenceData, seedDemoData, seedDemoStaff, HALLS, DEPARTMENTS, WINDOW_TEMPLATES, SERVICE_ITEMS, windowCountOf } from './seed';
export { loadWorkingCalendar, loadYearCalendars, toCalendarYearData, toOfficeHours, toYearCalendar } from './working-calendar';
export { enqueueRectificationStart } from './outbox';
