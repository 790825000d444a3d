import {
  ERR_FORBIDDEN,
  ERR_INVALID_STATE,
  type Actor,
  type RectificationFailureType,
} from '@haochaping/contracts';
import {
  addNoteUpdate,
  decideExtensionUpdate,
  inviteDepartmentsUpdate,
  reassignUpdate,
  reclassifyUpdate,
  recordDepartmentInputUpdate,
  recordRectificationUpdate,
  requestExtensionUpdate,
  verifyUpdate,
} from '@haochaping/contracts/server';
import { actors, addHours, type CaseHandle, useTimeSkippingHarness, type RectificationHarness } from './helpers/rectification-harness';

/** Where a row's case stands before the refused action. */
type Setup = 'unverified' | 'coordinated' | 'timeLimited' | 'coordinatedAwaitingConfirmation';

describe('the new actions refuse the wrong role (403) and the wrong state (409), leaving the case unchanged', () => {
  let harness: RectificationHarness;
  useTimeSkippingHarness((suite) => ({ harness } = suite));

  async function caseAt(setup: Setup) {
    const category = setup === 'timeLimited' ? 'TIME_LIMITED' : 'COORDINATED';
    const opened = await harness.openCase({ suggestedCategory: category, canCallBack: false });
    if (setup === 'unverified') return opened;
    await opened.handle.executeUpdate(verifyUpdate, { args: [{ actor: actors.handler, finding: 'TRUE', category, notes: '属实' }] });
    if (category === 'COORDINATED') await opened.handle.executeUpdate(inviteDepartmentsUpdate, { args: [{ actor: actors.handler, departmentCodes: ['yibao'] }] });
    if (setup === 'coordinatedAwaitingConfirmation') {
      await opened.handle.executeUpdate(recordRectificationUpdate, { args: [{ actor: actors.handler, measures: '协调办理', result: '已办结' }] });
    }
    return opened;
  }

  const reclassify = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(reclassifyUpdate, { args: [{ actor, category: 'IMMEDIATE', reason: '理由' }] });
  const reassign = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(reassignUpdate, { args: [{ actor, assignee: { userId: 'handler-li', name: '李明' } }] });
  const invite = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(inviteDepartmentsUpdate, { args: [{ actor, departmentCodes: ['renshe'] }] });
  const input = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(recordDepartmentInputUpdate, { args: [{ actor, text: '意见' }] });
  const note = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(addNoteUpdate, { args: [{ actor, text: '备注' }] });
  const requestExtension = (actor: Actor) => (h: CaseHandle, reviewedAt: string) =>
    h.executeUpdate(requestExtensionUpdate, { args: [{ actor, reason: '需协调', newDueAt: addHours(reviewedAt, 400) }] });
  const decideExtension = (actor: Actor) => (h: CaseHandle) => h.executeUpdate(decideExtensionUpdate, { args: [{ actor, decision: 'APPROVE', reason: '同意' }] });

  it.each<[string, Setup, RectificationFailureType, (h: CaseHandle, reviewedAt: string) => Promise<unknown>]>([
    ['reclassify by the citizen', 'coordinated', ERR_FORBIDDEN, reclassify(actors.citizen)],
    ['reclassify by a department guide', 'coordinated', ERR_FORBIDDEN, reclassify(actors.yibaoGuide)],
    ['reclassify before verification', 'unverified', ERR_INVALID_STATE, reclassify(actors.handler)],
    ['reclassify after the result was recorded', 'coordinatedAwaitingConfirmation', ERR_INVALID_STATE, reclassify(actors.handler)],
    ['reassign by a handler', 'coordinated', ERR_FORBIDDEN, reassign(actors.handler)],
    ['reassign by a town leader of another hall', 'coordinated', ERR_FORBIDDEN, reassign(actors.otherHallLeader)],
    ['reassign by an invited department’s guide', 'coordinated', ERR_FORBIDDEN, reassign(actors.yibaoGuide)],
    ['invite departments as a guide', 'coordinated', ERR_FORBIDDEN, invite(actors.yibaoGuide)],
    ['invite departments to a 限时整改 case', 'timeLimited', ERR_INVALID_STATE, invite(actors.handler)],
    ['invite departments before verification', 'unverified', ERR_INVALID_STATE, invite(actors.handler)],
    ['invite departments after the result was recorded', 'coordinatedAwaitingConfirmation', ERR_INVALID_STATE, invite(actors.handler)],
    ['department input by the handler', 'coordinated', ERR_FORBIDDEN, input(actors.handler)],
    ['department input by a guide of a department not invited', 'coordinated', ERR_FORBIDDEN, input(actors.minzhengGuide)],
    ['department input after the result was recorded', 'coordinatedAwaitingConfirmation', ERR_INVALID_STATE, input(actors.yibaoGuide)],
    ['a note by the citizen', 'coordinated', ERR_FORBIDDEN, note(actors.citizen)],
    ['a note by another hall’s handler', 'coordinated', ERR_FORBIDDEN, note(actors.otherHallHandler)],
    ['an extension requested by the county supervisor', 'coordinated', ERR_FORBIDDEN, requestExtension(actors.county)],
    ['an extension requested by a guide', 'coordinated', ERR_FORBIDDEN, requestExtension(actors.yibaoGuide)],
    ['an extension of a 限时整改 result', 'timeLimited', ERR_INVALID_STATE, requestExtension(actors.handler)],
    ['an extension before verification', 'unverified', ERR_INVALID_STATE, requestExtension(actors.handler)],
    ['an extension after the result was recorded', 'coordinatedAwaitingConfirmation', ERR_INVALID_STATE, requestExtension(actors.handler)],
    ['an extension decided by the handler', 'coordinated', ERR_FORBIDDEN, decideExtension(actors.handler)],
    ['an extension decided by the town leader', 'coordinated', ERR_FORBIDDEN, decideExtension(actors.townLeader)],
    ['an extension decision with nothing requested', 'coordinated', ERR_INVALID_STATE, decideExtension(actors.county)],
  ])('%s → %s', async (_case, setup, type, act) => {
    const { reviewedAt, handle } = await caseAt(setup);
    await harness.expectRefused(handle, type, () => act(handle, reviewedAt));
  });
});
