import type { RectificationCaseState } from '@haochaping/contracts';

/** A case of 金屯镇 just opened (待核实, anonymous reviewer, one timeline entry), as the workflow would project it. */
export function openedCaseState(reviewId: string): RectificationCaseState {
  return {
    reviewId, hallCode: 'jintun', hallName: '金屯镇', level: 1, state: 'PENDING_VERIFICATION', stateLabel: '待核实',
    openedAt: '2026-11-27T01:00:00.000Z', reviewedAt: '2026-11-27T01:00:00.000Z', category: null, clockCategory: 'IMMEDIATE',
    slaPolicyVersion: 1, canCallBack: false, obligations: {}, escalationLevel: 0, outcome: null, outcomeLabel: null, reopenCount: 0,
    owner: 'HALL', assignee: null, callbacks: [], callbackOutcome: null, rectifications: [], invitedDepartments: [], departmentInputs: [],
    notes: [], extensions: [], originalResultDueAt: null,
    timeline: [{ at: '2026-11-27T01:00:00.000Z', actor: 'system', action: '差评已受理' }],
  };
}
