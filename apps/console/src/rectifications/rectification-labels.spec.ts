import { describe, expect, it } from '@jest/globals';
import * as contracts from '@haochaping/contracts';
import { ACTION_PATHS } from '../../../api/src/rectifications/rectification-action';
import { STAFF_ACTIONS } from './actions/action-forms';
import { CALLBACK_METHODS, OBLIGATION_LABELS, RECTIFICATION_ACTIONS, RECTIFICATION_CATEGORIES, RECTIFICATION_STATES } from './rectification.types';

// The console keeps its own copies (the contracts package carries Temporal's workflow runtime): they must not drift.
describe('the console speaks the workflow’s words', () => {
  it('has the same states, categories and obligations, labelled the same', () => {
    expect(RECTIFICATION_STATES).toEqual(contracts.RECTIFICATION_STATES);
    expect(RECTIFICATION_CATEGORIES).toEqual(contracts.RECTIFICATION_CATEGORIES);
    expect(OBLIGATION_LABELS).toEqual(contracts.OBLIGATION_LABELS);
    expect(Object.keys(CALLBACK_METHODS)).toEqual([...contracts.CALLBACK_METHODS]);
  });

  it('knows every action path of the API, and draws a button for each one staff may take', () => {
    expect([...RECTIFICATION_ACTIONS].sort()).toEqual(Object.values(ACTION_PATHS).sort());
    expect([...STAFF_ACTIONS, 'confirm'].sort()).toEqual(Object.values(ACTION_PATHS).sort());
  });
});
