export { createPrismaClient, createPgPool, type PrismaClientOptions } from './prisma-client';
export type { Pool } from 'pg';
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
  ServiceCase,
  ServicePoint,
  OptionSet,
  ReviewOption,
  RatingInvitation,
  ApiClient,
  Notification,
  NotificationChannel,
  ReviewerKind,
  ReviewAdoption,
  ApplicantKind,
  CaseChannel,
  SlaPolicyVersion,
  AuditLog,
  User,
  UserRole,
  RefreshToken,
} from '@prisma/client';
export { seedReferenceData, seedDemoData, seedDemoStaff, seedDemoServicePoints, seedDemoAccounts, demoAccounts, DEMO_ACCOUNT_PASSWORD, DEMO_CITIZEN_PHONE, HALLS, OPTION_SETS, DEPARTMENTS, WINDOW_TEMPLATES, SERVICE_ITEMS, windowCountOf } from './seed';
export { hallWorkingTimes, loadWorkingCalendar, loadYearCalendars, toCalendarYearData, toOfficeHours, toYearCalendar, WorkingCalendarCache } from './working-calendar';
export { MasterDataVersion, MasterDataCache, MASTER_DATA_CHANNEL, LISTENER_APPLICATION_NAME, readMasterDataVersion, type ListenOptions, type MasterDataVersionLogger, type Queryable } from './master-data-version';
export { enqueueRectificationStart } from './outbox';
export { parseSlaPolicy, loadCurrentSlaPolicy, slaPolicyOfRow } from './sla-policy';
export { appendAudit, type AuditEntry } from './audit-log';
export { describeAuditChain, verifyAuditChain, type AuditChainReport, type BrokenLink } from './audit-chain';
export {
  DEFAULT_REMINDER_AFTER_WORKING_DAYS,
  RATING_PERIOD_WORKING_DAYS,
  RATING_INVITATION_SMS_TEMPLATE,
  hashInvitationToken,
  isWellFormedInvitationToken,
  newInvitationToken,
  ratingInvitationWrites,
  ratingPeriodEndsAt,
  reminderAfterWorkingDays,
  renderRatingInvitationSms,
  type RatingInvitationDraft,
  type RatingInvitationSmsFacts,
} from './rating-invitation';
export {
  ENCRYPTED_COLUMNS,
  assertStoredKeysInRing,
  countValuesByKey,
  describeKeyCounts,
  missingKeys,
  protectorFor,
  rotatePersonalDataKeys,
  type KeyCount,
  type RotationFailure,
  type RotationProgress,
  type RotationReport,
  type SqlRunner,
} from './personal-data-keys';
export { shanghaiDayBounds, OUR_COUNTS_OF_DAY, ADD_MISSING_REVIEW_ROWS, REQUEUE_HALL_DAY } from './exchange-hall-day';
export { lateCase, onTimeCase } from './figures/on-time.sql';
export { COUNTED_IN_FIGURES, RESULT_RECORDED, type Slice, type TrendBucket } from './figures/figure-counters.sql';
export { countFigures, emptyFigureCounters, type FigureCountRow, type FigureQueryClient, type HallWorkingTime, type MutableFigureCounters } from './figures/count-figures';
export {
  STORED_FIGURE_DIMENSIONS,
  contiguousRuns,
  readFigures,
  settleFigureDays,
  storedDimensionOf,
  type SettleOptions,
  type SettleReport,
  type StoredFigureDimension,
} from './figures/figure-days';
