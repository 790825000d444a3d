import { describe, expect, it } from '@jest/globals';
import { newVersionFrom, optionSetBody, validateOptionSet } from './option-set-form';

const valid = {
  nature: 'OFFLINE',
  options: [
    { code: 'A1', label: '服务态度不好', suggestedCategory: 'IMMEDIATE' },
    { code: 'B1', label: '办理程序不正确', suggestedCategory: 'TIME_LIMITED' },
  ],
};

describe('the option-set form', () => {
  it('sends trimmed options with capital codes', () => {
    expect(optionSetBody({ nature: 'OFFLINE', options: [{ code: ' a1 ', label: ' 服务态度不好 ', suggestedCategory: 'IMMEDIATE' }] })).toEqual({
      nature: 'OFFLINE',
      options: [{ code: 'A1', label: '服务态度不好', suggestedCategory: 'IMMEDIATE' }],
    });
  });

  it('takes a valid set', () => {
    expect(validateOptionSet(valid)).toEqual({});
  });

  it.each([
    ['no option', { ...valid, options: [] }, { options: 'app.rules.option_sets.errors.none' }],
    ['eleven options', { ...valid, options: Array.from({ length: 11 }, (_, n) => ({ code: `${'ABCDEFGHIJK'.charAt(n)}1`, label: `选项${n}`, suggestedCategory: 'IMMEDIATE' })) }, { options: 'app.rules.option_sets.errors.too_many' }],
    ['a code that is not a letter and a digit', { ...valid, options: [{ ...valid.options[0], code: 'A10' }] }, { 'options.0.code': 'app.rules.option_sets.errors.code' }],
    ['a code twice', { ...valid, options: [valid.options[0], { ...valid.options[0], label: '另一个' }] }, { 'options.1.code': 'app.rules.option_sets.errors.code_twice' }],
    ['a label twice', { ...valid, options: [valid.options[0], { ...valid.options[0], code: 'A2' }] }, { 'options.1.label': 'app.rules.option_sets.errors.label_twice' }],
    ['a group suggesting two categories', { ...valid, options: [valid.options[0], { code: 'A2', label: '流程乱', suggestedCategory: 'COORDINATED' }] }, { 'options.1.suggestedCategory': 'app.rules.option_sets.errors.group_category' }],
    ['no nature', { options: valid.options }, { nature: 'ra.validation.required' }],
  ])('refuses %s', (_name, values, errors) => {
    expect(validateOptionSet(values)).toEqual(errors);
  });

  it('starts a new version as a copy of the one shown', () => {
    const shown = { nature: 'ONLINE', version: 3, options: [{ code: 'D1', label: '指南不清', suggestedCategory: 'IMMEDIATE', position: 0 }] };
    expect(newVersionFrom(shown)).toEqual({ nature: 'ONLINE', options: [{ code: 'D1', label: '指南不清', suggestedCategory: 'IMMEDIATE' }] });
  });
});
