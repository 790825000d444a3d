import { describe, expect, it } from '@jest/globals';
import { nestErrors } from './nest-errors';

describe('nestErrors', () => {
  it('turns field paths into the shape of the form values, list items by index', () => {
    expect(nestErrors({ nature: 'a', 'options.1.code': 'b', 'categories.IMMEDIATE.callback.amount': 'c' })).toEqual({
      nature: 'a',
      options: [undefined, { code: 'b' }],
      categories: { IMMEDIATE: { callback: { amount: 'c' } } },
    });
  });
});
