// The SLA policy form: the policy's clocks as one form, checked as the API checks them
// (apps/api/src/admin/dto/sla-policy-version.dto.ts), and the clocks in words.

export const CLOCK_UNITS = ['WORKING_HOURS', 'WORKING_DAYS', 'CALENDAR_HOURS', 'CALENDAR_DAYS'] as const;
export const POLICY_CATEGORIES = ['IMMEDIATE', 'TIME_LIMITED', 'COORDINATED'] as const;
/** The clocks besides the categories', in the order the screens show them. */
export const OTHER_CLOCKS = ['escalationAfter', 'confirmationWindow', 'rejectionDecision', 'extensionDecision'] as const;
export const MAX_CLOCK_AMOUNT = 250;

export interface ClockValues {
  amount?: number | string | null;
  unit?: string;
}

export interface SlaPolicyValues {
  categories?: Partial<Record<(typeof POLICY_CATEGORIES)[number], { callback?: ClockValues; result?: ClockValues }>>;
  escalationAfter?: ClockValues;
  confirmationWindow?: ClockValues;
  rejectionDecision?: ClockValues;
  extensionDecision?: ClockValues;
  reminderRatio?: number | string | null;
  note?: string | null;
}

const amountOf = (value: ClockValues['amount']) => (value === '' || value === null || value === undefined ? Number.NaN : Number(value));
const clockBody = (clock: ClockValues | undefined) => ({ amount: amountOf(clock?.amount), unit: clock?.unit ?? '' });

type ClockBody = { amount: number; unit: string };
export interface SlaPolicyBody {
  categories: Record<string, { callback: ClockBody; result: ClockBody }>;
  escalationAfter: ClockBody;
  confirmationWindow: ClockBody;
  rejectionDecision: ClockBody;
  extensionDecision: ClockBody;
  reminderRatio: number;
  note?: string;
}

/** What the API takes. */
export function slaPolicyBody(values: SlaPolicyValues): SlaPolicyBody {
  const note = values.note?.trim();
  return {
    categories: Object.fromEntries(
      POLICY_CATEGORIES.map((category) => [category, { callback: clockBody(values.categories?.[category]?.callback), result: clockBody(values.categories?.[category]?.result) }]),
    ),
    escalationAfter: clockBody(values.escalationAfter),
    confirmationWindow: clockBody(values.confirmationWindow),
    rejectionDecision: clockBody(values.rejectionDecision),
    extensionDecision: clockBody(values.extensionDecision),
    reminderRatio: amountOf(values.reminderRatio),
    ...(note ? { note } : {}),
  };
}

function clockError(clock: ClockValues | undefined): string | undefined {
  const amount = amountOf(clock?.amount);
  if (!Number.isFinite(amount)) return 'ra.validation.required';
  if (amount <= 0) return 'app.rules.sla_policies.errors.positive';
  if (amount > MAX_CLOCK_AMOUNT) return 'app.rules.sla_policies.errors.too_long';
  if (Math.round(amount * 100) !== amount * 100) return 'app.rules.sla_policies.errors.decimals';
  return undefined;
}

/** Errors by field path (`categories.IMMEDIATE.callback.amount`), or {} when the policy can be sent. */
export function validateSlaPolicy(values: SlaPolicyValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (path: string, clock: ClockValues | undefined) => {
    const error = clockError(clock);
    if (error) errors[`${path}.amount`] = error;
    if (!(CLOCK_UNITS as readonly string[]).includes(clock?.unit ?? '')) errors[`${path}.unit`] = 'ra.validation.required';
  };
  for (const category of POLICY_CATEGORIES) {
    const clocks = values.categories?.[category];
    check(`categories.${category}.callback`, clocks?.callback);
    check(`categories.${category}.result`, clocks?.result);
    const callback = amountOf(clocks?.callback?.amount);
    if (clocks?.callback?.unit === clocks?.result?.unit && callback > amountOf(clocks?.result?.amount)) {
      errors[`categories.${category}.callback.amount`] = 'app.rules.sla_policies.errors.callback_after_result';
    }
  }
  for (const name of OTHER_CLOCKS) check(name, values[name]);
  const ratio = amountOf(values.reminderRatio);
  if (!(ratio >= 0.5 && ratio <= 0.95)) errors.reminderRatio = 'app.rules.sla_policies.errors.ratio';
  return errors;
}

/** A new version's form, started from the version shown; the note is the admin's to write. */
export function newPolicyFrom(policy: Record<string, unknown>): SlaPolicyValues {
  return { ...(structuredClone(policy) as SlaPolicyValues), note: '' };
}
