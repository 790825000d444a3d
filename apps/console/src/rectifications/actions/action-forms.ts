import type { RectificationActionPath } from '@haochaping/contracts';
import { formatShanghaiInstant } from '@haochaping/working-time';

/** Form values as the dialogs hold them (strings from inputs, a boolean from the switch). */
export type ActionFormValues = Record<string, string | boolean | null | undefined>;
export type ActionFormErrors = Record<string, string>;

/** The buttons the console draws, in this order; `confirm` is the citizen's (status page), never staff's. */
export const STAFF_ACTIONS: readonly RectificationActionPath[] = [
  'verify',
  'record-callback',
  'record-rectification',
  'decide-rejection',
  'request-extension',
  'decide-extension',
  'reclassify',
  'reassign',
  'invite-departments',
  'record-department-input',
  'add-note',
];

const MAX_TEXT = 2000;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The county is in Beijing time: a `datetime-local` value is read as +08:00, whatever the browser's zone. */
export function beijingInstant(localValue: string): string | undefined {
  const match = LOCAL_DATE_TIME.exec(localValue.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00'] = match;
  const instant = `${year}-${month}-${day}T${hour}:${minute}:${second}+08:00`;
  const time = Date.parse(instant);
  // Date.parse rolls 2 月 30 日 over into March: only a value that reads back the same is a real date.
  return !Number.isNaN(time) && beijingLocalValue(new Date(time)) === `${year}-${month}-${day}T${hour}:${minute}:${second}` ? instant : undefined;
}

/**
 * `now` as a `datetime-local` value in Beijing time, to the second (the default of "when did you call": to the
 * minute it could fall before a review made a few seconds ago, which the workflow refuses).
 */
export function beijingLocalValue(now: Date): string {
  return formatShanghaiInstant(now).slice(0, 19);
}

const text = (values: ActionFormValues, field: string): string => {
  const value = values[field];
  return typeof value === 'string' ? value.trim() : '';
};

type Check = (values: ActionFormValues, errors: ActionFormErrors) => void;

const requiredText =
  (...fields: string[]): Check =>
  (values, errors) => {
    for (const field of fields) {
      if (!text(values, field)) errors[field] = 'ra.validation.required';
      else if (text(values, field).length > MAX_TEXT) errors[field] = 'app.action.errors.too_long';
    }
  };

const requiredChoice =
  (...fields: string[]): Check =>
  (values, errors) => {
    for (const field of fields) if (!text(values, field)) errors[field] = 'ra.validation.required';
  };

const instantField =
  (field: string, required: boolean): Check =>
  (values, errors) => {
    const value = text(values, field);
    if (!value) {
      if (required) errors[field] = 'ra.validation.required';
    } else if (!beijingInstant(value)) errors[field] = 'app.action.errors.date_time';
  };

const notInFuture =
  (field: string, now: () => Date): Check =>
  (values, errors) => {
    const instant = beijingInstant(text(values, field));
    if (!errors[field] && instant && Date.parse(instant) > now().getTime() + 60_000) errors[field] = 'app.action.errors.in_future';
  };

const inFuture =
  (field: string, now: () => Date): Check =>
  (values, errors) => {
    const instant = beijingInstant(text(values, field));
    if (!errors[field] && instant && Date.parse(instant) <= now().getTime()) errors[field] = 'app.action.errors.not_in_future';
  };

interface ActionForm {
  checks: (now: () => Date) => Check[];
  /** The request body, from valid values. */
  body: (values: ActionFormValues) => Record<string, unknown>;
}

const optional = (values: ActionFormValues, field: string) => (text(values, field) ? { [field]: text(values, field) } : {});

const ACTION_FORMS: Record<Exclude<RectificationActionPath, 'confirm'>, ActionForm> = {
  verify: {
    checks: () => [
      requiredChoice('finding'),
      (values, errors) => {
        const finding = text(values, 'finding');
        if (finding === 'TRUE') requiredChoice('category')(values, errors);
        if (finding === 'TRUE') requiredText('notes')(values, errors);
        if (finding === 'UNTRUE' || finding === 'MALICIOUS') requiredText('evidenceNotes')(values, errors);
      },
    ],
    body: (values) =>
      text(values, 'finding') === 'TRUE'
        ? { finding: 'TRUE', category: text(values, 'category'), notes: text(values, 'notes') }
        : { finding: text(values, 'finding'), evidenceNotes: text(values, 'evidenceNotes') },
  },
  'record-callback': {
    checks: (now) => [
      instantField('at', true),
      notInFuture('at', now),
      requiredChoice('method'),
      requiredText('summary'),
      (values, errors) => {
        if (values.reached === true) requiredText('initialReply')(values, errors);
      },
    ],
    body: (values) => ({
      at: beijingInstant(text(values, 'at')),
      method: text(values, 'method'),
      reached: values.reached === true,
      summary: text(values, 'summary'),
      ...(values.reached === true ? { initialReply: text(values, 'initialReply') } : {}),
    }),
  },
  'record-rectification': {
    checks: () => [requiredText('measures', 'result')],
    body: (values) => ({ measures: text(values, 'measures'), result: text(values, 'result') }),
  },
  'decide-rejection': {
    checks: () => [requiredChoice('decision'), requiredText('reason')],
    body: (values) => ({ decision: text(values, 'decision'), reason: text(values, 'reason') }),
  },
  'decide-extension': {
    checks: () => [requiredChoice('decision'), requiredText('reason')],
    body: (values) => ({ decision: text(values, 'decision'), reason: text(values, 'reason') }),
  },
  'request-extension': {
    checks: (now) => [
      requiredText('reason'),
      instantField('newDueAt', true),
      inFuture('newDueAt', now),
      instantField('contactedAt', false),
      notInFuture('contactedAt', now),
      // The contact with the reviewer goes together: all three or none (an anonymous reviewer cannot be reached).
      (values, errors) => {
        const given = ['contactedAt', 'contactMethod', 'reviewerResponse'].filter((field) => text(values, field));
        if (given.length > 0 && given.length < 3) {
          for (const field of ['contactedAt', 'contactMethod', 'reviewerResponse']) if (!text(values, field)) errors[field] = 'app.action.errors.contact_incomplete';
        }
      },
    ],
    body: (values) => ({
      reason: text(values, 'reason'),
      newDueAt: beijingInstant(text(values, 'newDueAt')),
      ...(text(values, 'contactedAt') ? { contactedAt: beijingInstant(text(values, 'contactedAt')) } : {}),
      ...optional(values, 'contactMethod'),
      ...optional(values, 'reviewerResponse'),
    }),
  },
  reclassify: {
    checks: () => [requiredChoice('category'), requiredText('reason')],
    body: (values) => ({ category: text(values, 'category'), reason: text(values, 'reason') }),
  },
  reassign: {
    // The assignee is picked from the hall's accounts; the name on the case is the account's own.
    checks: () => [requiredChoice('assigneeUserId')],
    body: (values) => ({ assignee: { userId: text(values, 'assigneeUserId') }, ...optional(values, 'reason') }),
  },
  'invite-departments': {
    checks: () => [
      requiredText('departmentCodes'),
      (values, errors) => {
        if (!errors.departmentCodes && departmentCodes(values).some((code) => !/^[A-Za-z0-9_-]{1,50}$/.test(code))) errors.departmentCodes = 'app.action.errors.department_codes';
      },
    ],
    body: (values) => ({ departmentCodes: departmentCodes(values), ...optional(values, 'note') }),
  },
  'record-department-input': {
    checks: () => [requiredText('text')],
    body: (values) => ({ text: text(values, 'text'), ...optional(values, 'departmentCode') }),
  },
  'add-note': {
    checks: () => [requiredText('text')],
    body: (values) => ({ text: text(values, 'text') }),
  },
};

function departmentCodes(values: ActionFormValues): string[] {
  return [...new Set(text(values, 'departmentCodes').split(/[\s,，、]+/).filter(Boolean))];
}

/** Field errors (message keys) of an action's form; empty when it may be sent. */
export function validateAction(action: RectificationActionPath, values: ActionFormValues, now: () => Date = () => new Date()): ActionFormErrors {
  if (action === 'confirm') return {};
  const errors: ActionFormErrors = {};
  for (const check of ACTION_FORMS[action].checks(now)) check(values, errors);
  return errors;
}

/** The body of `POST /api/rectifications/:id/actions/<action>`, from values `validateAction` accepted. */
export function actionBody(action: RectificationActionPath, values: ActionFormValues): Record<string, unknown> {
  return action === 'confirm' ? {} : ACTION_FORMS[action].body(values);
}

/** Initial values of a dialog (the callback happened just now, reached). */
export function initialValues(action: RectificationActionPath, now: Date = new Date()): ActionFormValues {
  switch (action) {
    case 'record-callback':
      return { at: beijingLocalValue(now), method: 'PHONE', reached: true };
    case 'verify':
      return { finding: 'TRUE' };
    default:
      return {};
  }
}
