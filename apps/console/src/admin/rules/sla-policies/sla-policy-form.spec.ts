import { describe, expect, it } from '@jest/globals';
import { newPolicyFrom, slaPolicyBody, validateSlaPolicy, type SlaPolicyValues } from './sla-policy-form';

const clock = (amount: number | string, unit = 'WORKING_DAYS') => ({ amount, unit });
const valid: SlaPolicyValues = {
  categories: {
    IMMEDIATE: { callback: clock(1, 'WORKING_HOURS'), result: clock(1) },
    TIME_LIMITED: { callback: clock(1), result: clock(3) },
    COORDINATED: { callback: clock(1), result: clock(10) },
  },
  escalationAfter: clock(1),
  confirmationWindow: clock(5),
  rejectionDecision: clock(1),
  extensionDecision: clock(1),
  reminderRatio: 0.8,
};
const changed = (change: (values: SlaPolicyValues) => void) => {
  const values = structuredClone(valid);
  change(values);
  return values;
};

describe('the SLA policy form', () => {
  it('takes the shipped clocks', () => {
    expect(validateSlaPolicy(valid)).toEqual({});
  });

  it.each([
    ['a zero amount', changed((values) => (values.escalationAfter = clock(0))), { 'escalationAfter.amount': 'app.rules.sla_policies.errors.positive' }],
    ['an empty amount', changed((values) => (values.confirmationWindow = clock(''))), { 'confirmationWindow.amount': 'ra.validation.required' }],
    ['three decimals', changed((values) => (values.rejectionDecision = clock(0.125))), { 'rejectionDecision.amount': 'app.rules.sla_policies.errors.decimals' }],
    ['a year and more', changed((values) => (values.extensionDecision = clock(300))), { 'extensionDecision.amount': 'app.rules.sla_policies.errors.too_long' }],
    ['no unit', changed((values) => (values.escalationAfter = { amount: 1 })), { 'escalationAfter.unit': 'ra.validation.required' }],
    ['a callback due after the result', changed((values) => (values.categories!.TIME_LIMITED = { callback: clock(4), result: clock(3) })), { 'categories.TIME_LIMITED.callback.amount': 'app.rules.sla_policies.errors.callback_after_result' }],
    ['a reminder at 100%', changed((values) => (values.reminderRatio = 1)), { reminderRatio: 'app.rules.sla_policies.errors.ratio' }],
  ])('refuses %s', (_name, values, errors) => {
    expect(validateSlaPolicy(values)).toEqual(errors);
  });

  it('sends numbers, and the note only when written', () => {
    const body = slaPolicyBody({ ...changed((values) => (values.escalationAfter = clock('2'))), note: '  ' });
    expect(body.escalationAfter).toEqual({ amount: 2, unit: 'WORKING_DAYS' });
    expect(body).not.toHaveProperty('note');
    expect(slaPolicyBody({ ...valid, note: ' 调整 ' })).toMatchObject({ note: '调整', reminderRatio: 0.8 });
  });

  it('starts a new version from the one shown, without its note', () => {
    expect(newPolicyFrom({ ...valid, note: '旧说明' })).toEqual({ ...valid, note: '' });
  });
});
