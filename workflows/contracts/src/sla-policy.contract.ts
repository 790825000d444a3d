/** Rectification categories (DOMAIN.md "Rectify by category"); values are stable ids, labels are what people see. */
export const RECTIFICATION_CATEGORIES = {
  IMMEDIATE: '立整立改',
  TIME_LIMITED: '限时整改',
  COORDINATED: '协调整改',
} as const;

export type RectificationCategory = keyof typeof RECTIFICATION_CATEGORIES;

export function isRectificationCategory(value: unknown): value is RectificationCategory {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RECTIFICATION_CATEGORIES, value);
}

/** Whether a clock counts office time on working days or plain elapsed time (a county that reads the seed literally). */
export type SlaClockUnit = 'WORKING_HOURS' | 'WORKING_DAYS' | 'CALENDAR_HOURS' | 'CALENDAR_DAYS';

/** One clock of an SLA policy, e.g. 1 working hour. Amounts may be fractional (a reminder at 80% of 1 h). */
export interface SlaClock {
  amount: number;
  unit: SlaClockUnit;
}

export interface CategoryClocks {
  /** From the review time until the reviewer must have been called back with an initial reply. */
  callback: SlaClock;
  /** From the review time until the rectification result must be recorded and fed back. */
  result: SlaClock;
}

/**
 * The clocks a case runs under. Admins will maintain versioned policies; each case keeps the version it started
 * with (`RectificationCaseState.slaPolicyVersion`), so changing the policy never moves a running case's deadlines.
 */
export interface SlaPolicy {
  version: number;
  categories: Record<RectificationCategory, CategoryClocks>;
  /** An obligation still open this long after its due time escalates from the town leader (1) to the county (2). */
  escalationAfter: SlaClock;
  /** Share of each window after which the one who owes it gets a reminder. */
  reminderRatio: number;
  /** How long the reviewer may answer 满意/不满意 before the case closes as 无异议. */
  confirmationWindow: SlaClock;
  /** How long the county supervisor has to decide a proposed rejection (the seed is silent; our default). */
  rejectionDecision: SlaClock;
  /**
   * How long the county supervisor has to decide a requested extension of a 协调整改 result (the seed is silent).
   * Optional because policies recorded before extensions existed lack it: they fall back to `rejectionDecision`
   * (see `extensionDecisionClock`).
   */
  extensionDecision?: SlaClock;
}

/** The clock of an extension decision under a policy, for policies that predate the field too. */
export function extensionDecisionClock(policy: SlaPolicy): SlaClock {
  return policy.extensionDecision ?? policy.rejectionDecision;
}

/**
 * Version 1: the clocks of DOMAIN.md. "1小时内电话回访" counts as 1 *working* hour, and 协调整改's 10 working days
 * is our default where the seed sets none.
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  version: 1,
  categories: {
    IMMEDIATE: { callback: { amount: 1, unit: 'WORKING_HOURS' }, result: { amount: 1, unit: 'WORKING_DAYS' } },
    TIME_LIMITED: { callback: { amount: 1, unit: 'WORKING_DAYS' }, result: { amount: 3, unit: 'WORKING_DAYS' } },
    COORDINATED: { callback: { amount: 1, unit: 'WORKING_DAYS' }, result: { amount: 10, unit: 'WORKING_DAYS' } },
  },
  escalationAfter: { amount: 1, unit: 'WORKING_DAYS' },
  reminderRatio: 0.8,
  confirmationWindow: { amount: 5, unit: 'WORKING_DAYS' },
  rejectionDecision: { amount: 1, unit: 'WORKING_DAYS' },
  extensionDecision: { amount: 1, unit: 'WORKING_DAYS' },
};
